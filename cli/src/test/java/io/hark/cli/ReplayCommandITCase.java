// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.cli.sample.SampleMentions;
import io.hark.embedded.SharedServers;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.schema.MentionJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hark replay} and {@code hark backtest} on a JSON Lines file against the real embedded
 * servers.
 */
class ReplayCommandITCase {
    private static final Path QUERIES = Path.of("../examples/queries.yaml");

    private record Run(int exitCode, String stdout) {}

    private static Run hark(List<String> args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            int exitCode = new CommandLine(new Hark()).execute(args.toArray(String[]::new));
            return new Run(exitCode, stdout.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void replaysAFileIntoItsNamespaceThenBacktestsTwoSettingsOnIt(@TempDir Path dir)
            throws Exception {
        String run = "replay-cli-" + System.nanoTime();
        Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        List<String> lines =
                new ArrayList<>(
                        new SampleMentions(3, start, 2)
                                .stream().limit(400).map(MentionJson::toJson).toList());
        lines.add(100, "{\"id\": \"no platform\"}");
        lines.add(200, "not json at all");
        Path jsonl = Files.write(dir.resolve("history.jsonl"), lines);
        List<String> common =
                List.of(
                        "--jsonl",
                        jsonl.toString(),
                        "--queries",
                        QUERIES.toString(),
                        "--bootstrap",
                        SharedServers.kafka().bootstrapServers(),
                        "--es",
                        SharedServers.elasticsearch().httpUrl(),
                        "--query-topic",
                        run + ".queries",
                        "--dead-letter-topic",
                        run + ".dead-letters",
                        "--index-prefix",
                        run);

        Run replay =
                hark(Stream.concat(Stream.of("replay", "--name", "cli"), common.stream()).toList());

        assertThat(replay.exitCode()).isZero();
        assertThat(replay.stdout()).contains("replay " + run + "-replay-cli: 402 records read in ");
        ElasticsearchConnection es =
                ElasticsearchConnection.of(SharedServers.elasticsearch().httpUrl());
        long indexed = IndexCounts.count(es, run + "-replay-cli-mentions");
        assertThat(indexed).isPositive();
        assertThat(number(replay.stdout(), "mentions +" + run + "-replay-cli-mentions +([\\d,]+)"))
                .isEqualTo(indexed);
        assertThat(
                        number(
                                replay.stdout(),
                                "metric windows +" + run + "-replay-cli-metrics +([\\d,]+)"))
                .isEqualTo(IndexCounts.count(es, run + "-replay-cli-metrics"))
                .isPositive();
        assertThat(number(replay.stdout(), "dead letters +" + run + ".dead-letters +([\\d,]+)"))
                .isEqualTo(2);
        assertThat(number(replay.stdout(), "mentions matching no query ([\\d,]+)"))
                .isEqualTo(400 - indexed);

        Path settings =
                Files.writeString(
                        dir.resolve("rules.yaml"),
                        """
        - name: shipped
        - name: eager
          min_volume: 1
          spike_threshold: 1
          shift_threshold: 1
          peak_cap: 1
          warm_up: 1m
        """);
        Path incidents =
                Files.writeString(
                        dir.resolve("incidents.csv"),
                        "query,start,end\nbluejet,%s,%s\n"
                                .formatted(start, start.plus(Duration.ofMinutes(30))));
        Path report = dir.resolve("report.json");
        Run backtest =
                hark(
                        Stream.concat(
                                        Stream.of(
                                                "backtest",
                                                "--settings",
                                                settings.toString(),
                                                "--incidents",
                                                incidents.toString(),
                                                "--report",
                                                report.toString()),
                                        common.stream())
                                .toList());

        assertThat(backtest.exitCode()).isZero();
        assertThat(backtest.stdout())
                .containsPattern("(?m)^shipped: \\d+ episodes$")
                .containsPattern("(?m)^eager: \\d+ episodes$")
                .containsPattern(
                        "(?m)^setting +episodes +TP +FP +precision +recall +median delay +max delay$");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("setting").asText()).isEqualTo("shipped");
        assertThat(json.get(1).get("fired").size())
                .as("an eager setting fires on ordinary traffic")
                .isGreaterThan(json.get(0).get("fired").size());
        assertThat(IndexCounts.count(es, run + "-replay-backtest-*"))
                .as("a backtest writes nothing")
                .isZero();
    }

    private static long number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in:%n%s", regex, text).isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }
}
