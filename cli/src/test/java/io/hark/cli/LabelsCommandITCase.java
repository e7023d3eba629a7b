// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.embedded.SharedServers;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.IndexedDocuments;
import io.hark.jobs.TestMentions;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.queries.QueryDefinition;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Analysts' corrections from {@code hark labels add} to Elasticsearch through a running listen job
 * on real servers: the indexed mention and its indexed repost are relabelled at once, a later copy
 * and a later repost get the label as they are indexed, other mentions keep the model's label, a
 * bad file publishes nothing, {@code labels export} writes the labelled texts, and {@code labels
 * remove} gives the indexed mentions the next label that holds (a copy's first copy's) or the
 * model's reading back.
 */
class LabelsCommandITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private record Run(int exitCode, String stdout) {}

    @Test
    void correctionsReachIndexedAndLaterMentionsOfTheSameText(@TempDir Path dir) throws Exception {
        String run = "labels-it-" + System.nanoTime();
        SharedServers.kafka()
                .createTopics(
                        Map.of(
                                run + ".mentions",
                                2,
                                run + ".enriched",
                                1,
                                run + ".dead-letters",
                                1));
        String bootstrap = SharedServers.kafka().bootstrapServers();
        String es = SharedServers.elasticsearch().httpUrl();
        ListenOptions options =
                ListenOptions.parse(
                        List.of(
                                "--bootstrap",
                                bootstrap,
                                "--es",
                                es,
                                "--input-topic",
                                run + ".mentions",
                                "--enriched-topic",
                                run + ".enriched",
                                "--dead-letter-topic",
                                run + ".dead-letters",
                                "--query-topic",
                                run + ".queries",
                                "--query-status-topic",
                                run + ".status",
                                "--labels-topic",
                                run + ".labels",
                                "--group-id",
                                run,
                                "--index-prefix",
                                run,
                                "--starting-offsets",
                                "earliest",
                                "--checkpoint-interval",
                                "2s",
                                "--parallelism",
                                "2"),
                        Map.of());
        QueryCatalog.ensureTopics(
                options.kafka(), options.queryTopic(), options.queryStatusTopic());
        QueryCatalog.sync(
                options.kafka(),
                options.queryTopic(),
                List.of(new QueryDefinition("coffee", "Coffee", "brewhaus", "coffee")));
        String[] kafkaArgs = {"--bootstrap", bootstrap, "--labels-topic", run + ".labels"};

        Mention complaint = mention(1, "Brewhaus lost my order and the barista laughed");
        Mention repost = mention(2, "Brewhaus lost my order and the barista laughed");
        // a repost is on its original's platform
        repost.setPlatform(complaint.getPlatform());
        repost.setRepostOfId(complaint.getId());
        Mention other = mention(3, "Brewhaus opens a new store in Seattle tomorrow");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        HarkMiniCluster.limitRestarts(env);
        JobClient job = ListenJob.start(env, options);
        try {
            // the complaint first, so that it is the first of its text and the repost its copy
            send(options, complaint);
            awaitDocuments(run, found -> found.containsKey(id(complaint)));
            send(options, repost, other);
            Map<String, JsonNode> indexed = awaitDocuments(run, found -> found.size() == 3);
            assertThat(indexed).hasSize(3);
            assertThat(indexed.values())
                    .allMatch(
                            document ->
                                    document.path("sentiment")
                                            .path("source")
                                            .asText()
                                            .equals("model"));
            Map<String, JsonNode> modelsReadings = new HashMap<>();
            for (Mention mention : List.of(complaint, repost)) {
                modelsReadings.put(id(mention), indexed.get(id(mention)).path("sentiment"));
            }

            Path bad =
                    Files.writeString(
                            dir.resolve("bad.tsv"),
                            id(complaint) + "\tpositive\n" + id(other) + "\tglad\n");
            assertThat(
                            hark(concat(new String[] {"labels", "add", bad.toString()}, kafkaArgs))
                                    .exitCode())
                    .isNotZero();
            assertThat(TopicReader.size(options.kafka(), options.labelsTopic()))
                    .as("a bad file publishes nothing")
                    .isZero();

            Path labels =
                    Files.writeString(dir.resolve("labels.tsv"), id(complaint) + "\tpositive\n");
            Run added = hark(concat(new String[] {"labels", "add", labels.toString()}, kafkaArgs));
            assertThat(added.exitCode()).isZero();
            assertThat(added.stdout()).contains("published 1 label(s)");
            indexed =
                    awaitDocuments(
                            run,
                            found ->
                                    isAnalysts(found.get(id(complaint)), "positive")
                                            && isAnalysts(found.get(id(repost)), "positive"));
            assertThat(indexed.get(id(complaint)).path("sentiment").path("score").asDouble())
                    .isEqualTo(1.0);
            assertThat(indexed.get(id(complaint)).path("sentiment").path("model").asText())
                    .isNotEqualTo("none");
            assertThat(isAnalysts(indexed.get(id(repost)), "positive"))
                    .as("the indexed repost")
                    .isTrue();
            assertThat(indexed.get(id(other)).path("sentiment").path("source").asText())
                    .isEqualTo("model");

            Mention copy = mention(4, "brewhaus LOST my order and the barista laughed");
            copy.getAuthor().setId("copycat");
            Mention laterRepost = mention(5, "Brewhaus lost my order and the barista laughed");
            laterRepost.setPlatform(complaint.getPlatform());
            laterRepost.setRepostOfId(complaint.getId());
            assertThat(labelOne(id(other), "negative", kafkaArgs).exitCode()).isZero();
            send(options, copy, laterRepost);
            indexed =
                    awaitDocuments(
                            run,
                            found ->
                                    found.size() == 5
                                            && isAnalysts(found.get(id(other)), "negative"));
            assertThat(indexed.get(id(copy)).path("duplicate_of").asText())
                    .isEqualTo(id(complaint));
            assertThat(isAnalysts(indexed.get(id(copy)), "positive"))
                    .as("a later copy-paste")
                    .isTrue();
            assertThat(isAnalysts(indexed.get(id(laterRepost)), "positive"))
                    .as("a later repost")
                    .isTrue();
            assertThat(isAnalysts(indexed.get(id(other)), "negative")).isTrue();
            for (Mention mention : List.of(copy, laterRepost)) {
                JsonNode kept = indexed.get(id(mention)).path("model_reading");
                assertThat(kept.path("labelled_id").asText()).isEqualTo(id(complaint));
                assertThat(kept.path("sentiment").path("source").asText()).isEqualTo("model");
                modelsReadings.put(id(mention), kept.path("sentiment"));
            }

            // the copy's own label, then its removal: the first copy's label holds for it again
            assertThat(labelOne(id(copy), "neutral", kafkaArgs).exitCode()).isZero();
            awaitDocuments(run, found -> isAnalysts(found.get(id(copy)), "neutral"));
            assertThat(
                            hark(concat(
                                            new String[] {"labels", "remove", "--id", id(copy)},
                                            kafkaArgs))
                                    .exitCode())
                    .isZero();
            indexed = awaitDocuments(run, found -> isAnalysts(found.get(id(copy)), "positive"));
            assertThat(indexed.get(id(copy)).at("/model_reading/labelled_id").asText())
                    .as("the label in force after the copy's own was removed")
                    .isEqualTo(id(complaint));
            assertThat(indexed.get(id(copy)).at("/model_reading/sentiment"))
                    .isEqualTo(modelsReadings.get(id(copy)));

            Path exported = dir.resolve("exported.tsv");
            Run export =
                    hark(
                            concat(
                                    new String[] {
                                        "labels",
                                        "export",
                                        "--es",
                                        es,
                                        "--index-prefix",
                                        run,
                                        "--out",
                                        exported.toString()
                                    },
                                    kafkaArgs));
            assertThat(export.exitCode()).isZero();
            assertThat(Files.readAllLines(exported))
                    .containsExactlyInAnyOrder(
                            id(complaint) + "\tpositive\t" + complaint.getText(),
                            id(other) + "\tnegative\t" + other.getText());

            Path removals =
                    Files.writeString(
                            dir.resolve("removals.txt"), id(complaint) + "\n" + "x:404\n");
            Run removed =
                    hark(concat(new String[] {"labels", "remove", removals.toString()}, kafkaArgs));
            assertThat(removed.exitCode()).isZero();
            assertThat(removed.stdout())
                    .contains("published the removal of 2 label(s)")
                    .contains("1 of them had no label: x:404");
            Mention copyAfterRemoval =
                    mention(6, "Brewhaus lost my order and the barista laughed!");
            copyAfterRemoval.getAuthor().setId("latecomer");
            send(options, copyAfterRemoval);
            indexed =
                    awaitDocuments(
                            run,
                            found ->
                                    found.size() == 6
                                            && List.of(complaint, repost, copy, laterRepost)
                                                    .stream()
                                                    .allMatch(
                                                            mention ->
                                                                    isModels(
                                                                            found.get(
                                                                                    id(mention)))));
            for (Mention mention : List.of(complaint, repost, copy, laterRepost)) {
                assertThat(indexed.get(id(mention)).path("sentiment"))
                        .as("%s after its label's removal", id(mention))
                        .isEqualTo(modelsReadings.get(id(mention)));
                assertThat(indexed.get(id(mention)).has("model_reading")).isFalse();
            }
            assertThat(indexed.get(id(copyAfterRemoval)).path("duplicate_of").asText())
                    .isEqualTo(id(complaint));
            assertThat(isModels(indexed.get(id(copyAfterRemoval))))
                    .as("a copy that comes after the removal")
                    .isTrue();
            assertThat(isAnalysts(indexed.get(id(other)), "negative"))
                    .as("another mention's label stays")
                    .isTrue();
        } finally {
            job.cancel().get();
        }
    }

    private static Run labelOne(String mentionId, String sentiment, String[] kafkaArgs) {
        return hark(
                concat(
                        new String[] {"labels", "add", "--id", mentionId, "--sentiment", sentiment},
                        kafkaArgs));
    }

    private static boolean isModels(JsonNode document) {
        return document != null
                && document.path("sentiment").path("source").asText("model").equals("model");
    }

    private static boolean isAnalysts(JsonNode document, String label) {
        return document != null
                && document.path("sentiment").path("source").asText().equals("analyst")
                && document.path("sentiment").path("label").asText().equals(label);
    }

    private static Mention mention(int n, String text) {
        Mention mention = TestMentions.mention(n, Instant.now());
        mention.setText(text);
        mention.setHashtags(List.of());
        return mention;
    }

    private static String id(Mention mention) {
        return MentionIds.of(mention);
    }

    private static void send(ListenOptions options, Mention... mentions) {
        try (MentionProducer producer =
                new MentionProducer(
                        options.kafka(), options.inputTopic(), options.deadLetterTopic())) {
            for (Mention mention : mentions) {
                producer.send(mention);
            }
        }
    }

    private static Map<String, JsonNode> awaitDocuments(
            String prefix, Predicate<Map<String, JsonNode>> done) throws Exception {
        ElasticsearchConnection es =
                ElasticsearchConnection.of(SharedServers.elasticsearch().httpUrl());
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Map<String, JsonNode> found;
            try {
                found = IndexedDocuments.byId(es, prefix + "-mentions");
            } catch (ExecutionException e) {
                // a search right after the job created the day's index can find its shard not yet
                // started (503); it is there a moment later
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(500);
                continue;
            }
            if (done.test(found) || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(500);
        }
    }

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

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
