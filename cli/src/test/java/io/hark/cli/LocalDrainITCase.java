// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.cli.sample.SampleMentions;
import io.hark.jobs.listen.operators.MatchQueries;
import io.hark.queries.CompiledQueries;
import io.hark.queries.QueryFile;
import io.hark.schema.Mention;
import io.hark.schema.MentionJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hark local --mentions FILE --exit-after-drain} end to end, as a user runs it: its own
 * embedded servers and Flink, a file with valid and broken lines, and the JSON last line with
 * counts read back from Elasticsearch and the dead-letter topic.
 */
class LocalDrainITCase {
    @Test
    void drainsAFileAndReportsWhatBecameOfEveryLine(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        SampleMentions sample = new SampleMentions(11, Instant.now().minusSeconds(7200), 2);
        Path queries = Path.of("../examples/queries.yaml");
        CompiledQueries compiled = CompiledQueries.compile(QueryFile.load(queries));
        int unmatched = 0;
        for (int i = 0; i < 300; i++) {
            Mention mention = sample.next();
            lines.add(MentionJson.toJson(mention));
            unmatched += MatchQueries.match(compiled, mention).isEmpty() ? 1 : 0;
        }
        assertThat(unmatched)
                .as("sample mentions matching none of the sample queries")
                .isBetween(1, 60);
        lines.add(lines.get(5));
        // a line Kafka cannot take stops nothing: every line after it is read
        lines.add(
                "{\"id\":\"9\",\"platform\":\"reddit\",\"created_at\":\"2026-11-01T00:00:00Z\",\"text\":\""
                        + "x".repeat(5_000_000)
                        + "\",\"author\":{\"id\":\"1\",\"username\":\"u\"}}");
        lines.add(
                "{\"id\":\"10\",\"platform\":\"reddit\",\"created_at\":\"1000-01-01T00:00:00Z\",\"text\":\"t\",\"author\":{\"id\":\"1\",\"username\":\"u\"}}");
        lines.add(
                "{\"id\":\"11\",\"platform\":\"reddit\",\"created_at\":\""
                        + Instant.now().minusSeconds(60)
                        + "\",\"text\":\"BlueJet\",\"engagement\":{\"likes\":-5},\"author\":{\"id\":\"1\",\"username\":\"u\"}}");
        lines.add("{\"id\": \"broken");
        lines.add(
                "{\"id\":\"7\",\"platform\":\"reddit\",\"created_at\":\"2026-11-01T00:00:00Z\",\"author\":{\"id\":\"1\",\"username\":\"u\"}}");
        lines.add(
                "{\"id\":\"8\",\"platform\":\"reddit\",\"created_at\":\"2999-01-01T00:00:00Z\",\"text\":\"t\",\"author\":{\"id\":\"1\",\"username\":\"u\"}}");
        lines.add("");
        Path file = Files.write(dir.resolve("mentions.jsonl"), lines);

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            exitCode =
                    new CommandLine(new Hark())
                            .execute(
                                    "local",
                                    "--mentions",
                                    file.toString(),
                                    "--queries",
                                    queries.toString(),
                                    "--exit-after-drain");
        } finally {
            System.setOut(original);
        }

        assertThat(exitCode).isZero();
        String[] output = stdout.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(output).hasSize(1);
        JsonNode summary = new ObjectMapper().readTree(output[output.length - 1]);
        assertThat(summary.get("read").asLong()).isEqualTo(307);
        assertThat(summary.get("indexed").asLong()).isEqualTo(300 - unmatched);
        assertThat(summary.get("dead_lettered").asLong()).isEqualTo(6);
        assertThat(summary.get("duplicate_ids").asLong()).isEqualTo(1);
        assertThat(summary.get("redelivered").asLong()).isEqualTo(1);
        assertThat(summary.get("unmatched").asLong()).isEqualTo(unmatched);
        // zero where an earlier test in this JVM loaded the models
        assertThat(summary.get("model_load_seconds").asDouble()).isNotNegative();
        assertThat(summary.get("mentions_per_second").asDouble()).isPositive();
    }
}
