// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scripts/hark}: the command users run. Each subcommand is its own class. */
@Command(
        name = "hark",
        mixinStandardHelpOptions = true,
        // every command and subcommand answers --help and --version
        scope = CommandLine.ScopeType.INHERIT,
        version = "Hark 0.1.0",
        description = "Real-time social listening on Kafka, Flink and Elasticsearch.",
        subcommands = {
            LocalCommand.class,
            ClusterCommand.class,
            ProduceCommand.class,
            ListenCommand.class,
            SampleCommand.class,
            SentimentCommand.class,
            EnrichCommand.class,
            MatchCommand.class,
            QueriesCommand.class,
            LabelsCommand.class,
            DetectCommand.class,
            ReplayCommand.class,
            BacktestCommand.class,
            TrainSentimentCommand.class,
            TrainTaggerCommand.class,
            ReportCommand.class,
            BenchCommand.class
        })
public final class Hark {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as users run it: a failure prints its reason, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Hark());
        commandLine.setExecutionExceptionHandler(
                (error, command, parseResult) -> {
                    // Users get the reason, not a stack trace; the log file has the trace.
                    org.slf4j.LoggerFactory.getLogger(Hark.class)
                            .error("{} failed", command.getCommandName(), error);
                    command.getErr()
                            .println("hark " + command.getCommandName() + ": " + messageOf(error));
                    return 1;
                });
        return commandLine;
    }

    private static String messageOf(Throwable error) {
        StringBuilder message = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
