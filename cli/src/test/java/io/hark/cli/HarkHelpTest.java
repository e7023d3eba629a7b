// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HarkHelpTest {
    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(new Hark()), commands);
        assertThat(commands).hasSizeGreaterThan(10);
        for (CommandLine command : commands) {
            List<String> args = new ArrayList<>();
            for (CommandLine parent = command;
                    parent.getParent() != null;
                    parent = parent.getParent()) {
                args.add(0, parent.getCommandName());
            }
            args.add("--help");
            CommandLine hark = new CommandLine(new Hark());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            hark.setOut(new PrintWriter(out));
            hark.setErr(new PrintWriter(err));
            int exitCode = hark.execute(args.toArray(String[]::new));
            assertThat(exitCode).as("hark %s", String.join(" ", args)).isZero();
            assertThat(err.toString()).as("hark %s", String.join(" ", args)).isEmpty();
            assertThat(out.toString())
                    .as("hark %s", String.join(" ", args))
                    .startsWith("Usage: " + command.getCommandSpec().qualifiedName())
                    .contains("--help");
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
