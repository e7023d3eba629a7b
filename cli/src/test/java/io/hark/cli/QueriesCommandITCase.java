// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.embedded.SharedServers;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hark queries sync|list} against a real broker: only changes are sent, and an invalid file
 * sends nothing.
 */
class QueriesCommandITCase {
    private record Run(int exitCode, String stdout) {}

    private static Run hark(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            int exitCode = new CommandLine(new Hark()).execute(args);
            return new Run(exitCode, stdout.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void syncSendsOnlyWhatChangedAndRefusesAnInvalidFile(@TempDir Path dir) throws Exception {
        String bootstrap = SharedServers.kafka().bootstrapServers();
        String topic = "queries-cli-" + System.nanoTime();
        String[] common = {
            "--bootstrap",
            bootstrap,
            "--query-topic",
            topic,
            "--query-status-topic",
            topic + ".status"
        };
        Path first =
                Files.writeString(
                        dir.resolve("first.yaml"),
                        """
        queries:
          - {id: acme, group: coffee, query: 'acme OR #acmecoffee'}
          - {id: beta, query: 'beta'}
        """);
        Path second =
                Files.writeString(
                        dir.resolve("second.yaml"),
                        """
        queries:
          - {id: acme, group: coffee, query: 'acme OR #acmecoffee'}
          - {id: gamma, query: 'gamma NEAR/3 delay*'}
        """);
        Path invalid =
                Files.writeString(
                        dir.resolve("invalid.yaml"),
                        """
        queries:
          - {id: acme, query: 'acme coffee'}
        """);

        Run synced = hark(concat(new String[] {"queries", "sync", first.toString()}, common));
        assertThat(synced.exitCode()).isZero();
        assertThat(synced.stdout()).contains("2 added [acme, beta]", "0 removed", "0 unchanged");

        synced = hark(concat(new String[] {"queries", "sync", second.toString()}, common));
        assertThat(synced.stdout())
                .contains("1 added [gamma]", "0 changed", "1 removed [beta]", "1 unchanged");

        assertThat(
                        hark(concat(new String[] {"queries", "sync", invalid.toString()}, common))
                                .exitCode())
                .isNotZero();

        Run listed = hark(concat(new String[] {"queries", "list"}, common));
        assertThat(QueryFile.parse(listed.stdout(), "list"))
                .containsExactlyInAnyOrder(
                        new QueryDefinition("acme", "acme", "acme OR #acmecoffee", "coffee"),
                        new QueryDefinition("gamma", "gamma", "gamma NEAR/3 delay*", null));
        assertThat(QueryCatalog.read(KafkaConnection.of(bootstrap), topic).queries()).hasSize(2);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
