// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SentimentCommandTest {
    @Test
    void writesOneIdLabelScoreLinePerInputLineInOrder(@TempDir Path dir) throws Exception {
        Path in =
                Files.writeString(
                        dir.resolve("in.tsv"),
                        "7\tI love this so much!! 😍\n8\tworst service ever, never again :(\nlonely-id\n9\t\n");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new Hark()).execute("sentiment", "--in", in.toString()))
                    .isZero();
        } finally {
            System.setOut(original);
        }
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).matches("7\tpositive\t0\\.\\d{4}");
        assertThat(lines[1]).matches("8\tnegative\t-0\\.\\d{4}");
        assertThat(lines[2]).matches("lonely-id\t(negative|neutral|positive)\t-?\\d\\.\\d{4}");
        assertThat(lines[3]).startsWith("9\t");
    }

    @Test
    void withTargetsReadsIdTargetTextLines(@TempDir Path dir) throws Exception {
        String comparison = "Forkly > DashBite. They sent a driver who was super kind.";
        Path in =
                Files.writeString(
                        dir.resolve("in.tsv"),
                        "a\tforkly,@forkly,#forkly\t"
                                + comparison
                                + "\nb\tdashbite\t"
                                + comparison
                                + "\nc\tforkly\nd\n");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            assertThat(
                            new CommandLine(new Hark())
                                    .execute("sentiment", "--targets", "--in", in.toString()))
                    .isZero();
        } finally {
            System.setOut(original);
        }
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).matches("a\tpositive\t0\\.\\d{4}");
        assertThat(lines[1]).matches("b\tnegative\t-0\\.\\d{4}");
        assertThat(lines[2]).matches("c\t(negative|neutral|positive)\t-?\\d\\.\\d{4}");
        assertThat(lines[3]).matches("d\t(negative|neutral|positive)\t-?\\d\\.\\d{4}");
    }
}
