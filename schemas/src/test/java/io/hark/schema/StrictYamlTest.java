// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile YAML fails with an error that says why, quickly; the time bound catches hangs, it is not
 * a benchmark.
 */
class StrictYamlTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void readsAPlainDocument() throws JsonProcessingException {
        assertThat(
                        StrictYaml.readTree("queries:\n  - id: acme\n    query: acme OR bean*\n")
                                .toString())
                .isEqualTo("{\"queries\":[{\"id\":\"acme\",\"query\":\"acme OR bean*\"}]}");
    }

    @Test
    void rejectsTheBillionLaughs() {
        StringBuilder bomb =
                new StringBuilder(
                        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            String previous = "*" + (char) (level - 1);
            bomb.append(level)
                    .append(": &")
                    .append(level)
                    .append(" [")
                    .append(String.join(",", Collections.nCopies(9, previous)))
                    .append("]\n");
        }

        assertRejected(
                () -> StrictYaml.readTree(bomb.toString()),
                "aliases (*a) are not supported; write the value out");
    }

    @Test
    void rejectsAnAliasForAScalar() {
        // Jackson alone would read "b" as the string "x", the anchor's name
        assertRejected(
                () -> StrictYaml.readTree("a: &x secret\nb: *x\n"),
                "aliases (*x) are not supported");
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertRejected(
                () -> StrictYaml.readTree(deep),
                "mappings and lists nest more than " + StrictYaml.MAX_NESTING + " deep");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertRejected(
                () -> StrictYaml.readTree("groups:\n  a: []\n  a: []\n"), "Duplicate field 'a'");
    }

    @Test
    void rejectsAHugeDocument() {
        String huge = "queries: \"" + "a".repeat(StrictYaml.MAX_CHARS) + "\"\n";

        assertRejected(
                () -> StrictYaml.readTree(huge),
                "exceeds the limit: " + StrictYaml.MAX_CHARS + " code points");
    }

    @Test
    void refusesAHugeFileUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(4L * StrictYaml.MAX_CHARS);
        }

        assertThatThrownBy(() -> StrictYaml.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        file
                                + " has "
                                + Files.size(file)
                                + " bytes; a YAML file may have at most "
                                + StrictYaml.MAX_CHARS);
    }

    private static void assertRejected(Executable read, String problem) {
        assertTimeoutPreemptively(
                BOUND,
                () ->
                        assertThatThrownBy(read::execute)
                                .isInstanceOf(JsonProcessingException.class)
                                .hasMessageContaining(problem));
    }
}
