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

class MatchCommandTest {
    private static final String QUERIES =
            """
      queries:
        - id: acme
          query: 'acme OR #acmecoffee'
        - id: delays
          query: 'delay* AND NOT lang:de'
      """;

    private static String mention(String id, String text, String lang) {
        return "{\"id\":\""
                + id
                + "\",\"platform\":\"x\",\"created_at\":\"2026-11-01T00:00:00Z\",\"text\":\""
                + text
                + "\",\"lang\":\""
                + lang
                + "\",\"author\":{\"id\":\"1\",\"username\":\"u\"}}";
    }

    private static String[] run(Path dir, String input) throws Exception {
        Path queries = Files.writeString(dir.resolve("queries.yaml"), QUERIES);
        Path in = Files.writeString(dir.resolve("in.jsonl"), input);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            assertThat(
                            new CommandLine(new Hark())
                                    .execute(
                                            "match",
                                            "--queries",
                                            queries.toString(),
                                            "--in",
                                            in.toString()))
                    .isZero();
        } finally {
            System.setOut(original);
        }
        return stdout.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void writesOneLineOfMatchingQueryIdsPerInputLineInOrder(@TempDir Path dir) throws Exception {
        String[] lines =
                run(
                        dir,
                        String.join(
                                        "\n",
                                        mention("1", "Acme delayed my order", "en"),
                                        mention("2", "Lovely weather", "en"),
                                        "{\"id\": \"broken",
                                        mention(
                                                "3",
                                                "#AcmeCoffee Lieferung verzögert, delayed",
                                                "de"),
                                        "")
                                + "\n");
        assertThat(lines)
                .containsExactly(
                        "{\"id\": \"1\", \"queries\": [\"acme\", \"delays\"]}",
                        "{\"id\": \"2\", \"queries\": []}",
                        lines[2],
                        "{\"id\": \"3\", \"queries\": [\"acme\"]}",
                        lines[4]);
        assertThat(lines[2])
                .startsWith("{\"id\": null, \"queries\": [], \"error\": \"invalid_json\"")
                .endsWith("\"line\": 3}");
        assertThat(lines[4])
                .startsWith("{\"id\": null, \"queries\": [], \"error\": ")
                .endsWith("\"line\": 5}");
    }
}
