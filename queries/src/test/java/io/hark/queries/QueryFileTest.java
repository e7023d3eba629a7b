// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hark.schema.StrictYaml;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryFileTest {
    private static final String VALID =
            """
      queries:
        - id: acme
          name: Acme Coffee
          group: coffee
          query: '(acme OR "acme coffee" OR #acmecoffee) AND NOT lang:de'
        - id: bolt.v2
          query: bolt* NEAR/3 (late OR broken)
      """;

    @Test
    void readsQueriesWithDefaults() {
        assertThat(QueryFile.parse(VALID, "queries.yaml"))
                .containsExactly(
                        new QueryDefinition(
                                "acme",
                                "Acme Coffee",
                                "(acme OR \"acme coffee\" OR #acmecoffee) AND NOT lang:de",
                                "coffee"),
                        new QueryDefinition(
                                "bolt.v2", "bolt.v2", "bolt* NEAR/3 (late OR broken)", null));
    }

    @Test
    void loadsFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("queries.yaml");
        Files.writeString(file, VALID);
        assertThat(QueryFile.load(file)).hasSize(2);
        assertThatThrownBy(() -> QueryFile.load(dir.resolve("missing.yaml")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void anEmptyListIsNoQueries() {
        assertThat(QueryFile.parse("queries: []", "empty.yaml")).isEmpty();
    }

    @Test
    void writesWhatItReads() {
        List<QueryDefinition> queries =
                List.of(
                        new QueryDefinition(
                                "acme",
                                "Acme: \"the\" coffee",
                                "(acme OR \"acme coffee\") AND NOT lang:de",
                                "coffee"),
                        new QueryDefinition("123", "yes", "#acme OR @acme", "null"),
                        new QueryDefinition(
                                "tricky-1",
                                "- # not a comment",
                                "#acme OR \"a: b\" OR 'quoted' OR café*",
                                null),
                        new QueryDefinition("multi", "line\nname", "  acme  ", "true"));
        String yaml = QueryFile.toYaml(queries);
        assertThat(QueryFile.parse(yaml, "written.yaml")).isEqualTo(queries);
        assertThat(QueryFile.toYaml(QueryFile.parse(VALID, "queries.yaml")))
                .startsWith(
                        "queries:\n  - id: acme\n    name: Acme Coffee\n    group: coffee\n    query: ");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "queries:\\n  - name: x\\n    query: acme|f.yaml: query #1: missing 'id'",
                "queries:\\n  - id: a\\n    query: acme\\n  - id: b|f.yaml: query 'b': missing 'query'",
                "queries:\\n  - id: a\\n    query: acme\\n  - id: a\\n    query: bolt|f.yaml: query 'a': the id is already used by query #1",
                "queries:\\n  - id: a b\\n    query: acme|f.yaml: query 'a b': the id must be 1 to 64 letters, digits, '_', '.' or '-'",
                "queries:\\n  - id: a\\n    query: acme\\n    lang: en|f.yaml: query 'a': unknown key 'lang'; the keys are id, name, group, query",
                "queries:\\n  - query: acme\\n    qeury: x|f.yaml: query #1: unknown key 'qeury'; the keys are id, name, group, query",
                "queries:\\n  - id: a\\n    query: acme coffee|f.yaml: query 'a': at position 5: expected AND, OR or NEAR/n between terms but found 'coffee'",
                "queries:\\n  - id: a\\n    query: ''|f.yaml: query 'a': at position 0: the query is empty",
                "queries:\\n  - id: a\\n    query: [acme]|f.yaml: query 'a': 'query' must be a single value",
                "queries:\\n  - acme|f.yaml: query #1: expected a mapping with an id and a query",
                "queries: acme|f.yaml: expected a 'queries' list at the top",
                "``|f.yaml: expected a 'queries' list at the top",
                "- id: a|f.yaml: expected a 'queries' list at the top",
                "queries: []\\nversion: 2|f.yaml: unknown key 'version'; the keys are queries",
            })
    void errorsNameTheFileAndTheQuery(String yaml, String message) {
        assertThatThrownBy(() -> QueryFile.parse(yaml.replace("\\n", "\n"), "f.yaml"))
                .isInstanceOf(QueryFileException.class)
                .hasMessage(message);
    }

    @Test
    void idsLongerThan64AreRejected() {
        String yaml = "queries:\n  - id: " + "a".repeat(65) + "\n    query: acme";
        assertThatThrownBy(() -> QueryFile.parse(yaml, "f.yaml"))
                .hasMessageEndingWith("the id must be 1 to 64 letters, digits, '_', '.' or '-'");
        assertThat(QueryFile.parse(yaml.replace("a".repeat(65), "a".repeat(64)), "f.yaml"))
                .hasSize(1);
    }

    @Test
    void aliasesAreRejectedNotReadAsTheirName() {
        String yaml =
                "queries:\n  - id: acme\n    query: &brand acme OR bean*\n  - id: acme2\n    query: *brand\n";

        assertThatThrownBy(() -> QueryFile.parse(yaml, "f.yaml"))
                .isInstanceOf(QueryFileException.class)
                .hasMessageStartingWith(
                        "f.yaml: not valid YAML: aliases (*brand) are not supported; write the value out")
                .hasMessageContaining("line: 5, column: 12");
    }

    @Test
    void aBillionLaughsFailsFast() {
        StringBuilder bomb =
                new StringBuilder("lol: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            bomb.append("l")
                    .append(level)
                    .append(": &l")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*l" + (level - 1))))
                    .append("]\n");
        }
        bomb.append("queries: []\n");

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () ->
                        assertThatThrownBy(() -> QueryFile.parse(bomb.toString(), "f.yaml"))
                                .isInstanceOf(QueryFileException.class)
                                .hasMessageStartingWith(
                                        "f.yaml: not valid YAML: aliases (*l0) are not supported"));
    }

    @Test
    void aFileTooLargeIsNotRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("queries.yaml");
        Files.writeString(file, "queries:\n" + "# padding\n".repeat(StrictYaml.MAX_CHARS / 10 + 1));

        assertThatThrownBy(() -> QueryFile.load(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read query file " + file + ": " + file + " has ")
                .hasMessageEndingWith(
                        "bytes; a YAML file may have at most " + StrictYaml.MAX_CHARS);
    }

    @Test
    void invalidYamlAndRepeatedKeysAreReported() {
        assertThatThrownBy(() -> QueryFile.parse("queries:\n  - id: [a\n", "f.yaml"))
                .isInstanceOf(QueryFileException.class)
                .hasMessageStartingWith("f.yaml: not valid YAML: ");
        assertThatThrownBy(
                        () ->
                                QueryFile.parse(
                                        "queries:\n  - id: a\n    id: b\n    query: acme\n",
                                        "f.yaml"))
                .isInstanceOf(QueryFileException.class)
                .hasMessageStartingWith("f.yaml: not valid YAML: ")
                .hasMessageContaining("'id'");
    }
}
