// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DetectCommandTest {
    /** Two days of 5-minute counts around 50, with a surge at row 500 (line 501 of the file). */
    private static Path series(Path dir) throws Exception {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime start = LocalDateTime.parse("2015-02-26T21:42:53");
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 576; i++) {
            csv.append(format.format(start.plusMinutes(5L * i)))
                    .append(',')
                    .append(i == 500 ? 5_000 : 45 + i % 11)
                    .append('\n');
        }
        return Files.writeString(dir.resolve("series.csv"), csv);
    }

    @Test
    void writesEveryRowWithItsScoreAndAlertToTheOutFile(@TempDir Path dir) throws Exception {
        Path series = series(dir);
        Path out = dir.resolve("scored.csv");

        int exit =
                new CommandLine(new DetectCommand())
                        .execute("--series", series.toString(), "--out", out.toString());

        assertThat(exit).isZero();
        List<String> input = Files.readAllLines(series);
        List<String> output = Files.readAllLines(out);
        assertThat(output).hasSameSizeAs(input);
        assertThat(output.get(0)).isEqualTo("timestamp,value,anomaly_score,alert");
        for (int i = 1; i < input.size(); i++) {
            assertThat(output.get(i))
                    .matches(java.util.regex.Pattern.quote(input.get(i)) + ",[01]\\.\\d{4},[01]");
        }
        assertThat(output.get(501)).endsWith(",1");
    }

    @Test
    void writesToStandardOutputWithAGivenStep(@TempDir Path dir) throws Exception {
        Path series = series(dir);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            assertThat(
                            new CommandLine(new DetectCommand())
                                    .execute("--series", series.toString(), "--step", "5m"))
                    .isZero();
        } finally {
            System.setOut(original);
        }
        Path out = dir.resolve("scored.csv");
        new CommandLine(new DetectCommand())
                .execute("--series", series.toString(), "--out", out.toString());
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(out));
    }

    @Test
    void failsNamingTheLineOfABadRow(@TempDir Path dir) throws Exception {
        Path series =
                Files.writeString(
                        dir.resolve("bad.csv"),
                        "timestamp,value\n2015-02-26 21:42:53,104\n2015-02-26 21:47:53,many\n");
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new DetectCommand()).setErr(new PrintWriter(err));

        assertThat(
                        command.execute(
                                "--series",
                                series.toString(),
                                "--out",
                                dir.resolve("out.csv").toString()))
                .isNotZero();
        assertThat(err.toString()).contains("line 3").contains("many");
    }
}
