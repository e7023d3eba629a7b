// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.jobs.JobArguments;
import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.jobs.elasticsearch.IndexedMentionTexts;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.labels.SentimentLabels;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Analysts' sentiment corrections, held by the labels topic. */
@Command(
        name = "labels",
        description = {
            "Analysts' sentiment labels, in the compacted labels topic; a running listen job puts each on the indexed",
            "mention at once (sentiment.source: analyst), and on its later copies and reposts; replays keep them.",
            "  labels add FILE.tsv                            publish the file's lines platform:id<TAB>label",
            "  labels add --id x:123 --sentiment negative     publish one label",
            "  labels remove FILE | --id x:123                remove the labels of the file's platform:id lines, or one:",
            "                                                 the mentions get the next label that holds (their first",
            "                                                 copy's or original's) or the model's reading back",
            "  labels export [--out FILE]                     write id<TAB>label<TAB>text lines (texts from Elasticsearch),",
            "                                                 the input of train-sentiment --domain",
            "Labels: negative, neutral or positive. The latest label of a mention wins."
        })
final class LabelsCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "add, remove or export")
    String action;

    @Parameters(
            index = "1",
            arity = "0..1",
            description =
                    "for add: a file of platform:id<TAB>label lines; for remove: of platform:id lines"
                            + " ('-': standard input)")
    Path file;

    @Option(names = "--id", description = "for add and remove: the mention, platform:id")
    String id;

    @Option(names = "--sentiment", description = "for add with --id: negative, neutral or positive")
    String sentiment;

    @Option(
            names = "--out",
            description = "for export: the file to write (default: standard output)")
    Path out;

    @Option(
            names = "--bootstrap",
            defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    String bootstrap;

    @Option(
            names = "--kafka-config",
            description =
                    "Java properties file of Kafka client settings (security), as for the jobs")
    Path kafkaConfig;

    @Option(
            names = "--labels-topic",
            defaultValue = Topics.SENTIMENT_LABELS,
            description = "(default: ${DEFAULT-VALUE})")
    String labelsTopic;

    @Option(
            names = "--es",
            defaultValue = "http://localhost:9200",
            description =
                    "for export: Elasticsearch URL(s), comma-separated (default: ${DEFAULT-VALUE})")
    String es;

    @Option(
            names = "--index-prefix",
            defaultValue = "hark",
            description = "for export: the indices' prefix (default: ${DEFAULT-VALUE})")
    String indexPrefix;

    @Override
    public Integer call() throws IOException {
        KafkaConnection kafka = JobArguments.kafka(bootstrap, kafkaConfig);
        switch (action) {
            case "add" -> {
                List<SentimentCorrection> corrections = corrections();
                SentimentLabels.publish(kafka, labelsTopic, corrections);
                System.out.println(
                        "published " + corrections.size() + " label(s) to " + labelsTopic);
            }
            case "remove" -> {
                List<SentimentCorrection> removals = removals();
                Map<String, SentimentLabel> labelled =
                        SentimentLabels.read(kafka, labelsTopic).labels();
                List<String> unlabelled =
                        removals.stream()
                                .map(SentimentCorrection::mentionId)
                                .filter(mentionId -> !labelled.containsKey(mentionId))
                                .toList();
                SentimentLabels.publish(kafka, labelsTopic, removals);
                System.out.println(
                        "published the removal of "
                                + removals.size()
                                + " label(s) to "
                                + labelsTopic
                                + (unlabelled.isEmpty()
                                        ? ""
                                        : "; "
                                                + unlabelled.size()
                                                + " of them had no label: "
                                                + String.join(
                                                        ", ",
                                                        unlabelled.subList(
                                                                0, Math.min(unlabelled.size(), 10)))
                                                + (unlabelled.size() > 10 ? ", ..." : "")));
            }
            case "export" -> export(kafka);
            default ->
                    throw new IllegalArgumentException(
                            "unknown action '" + action + "'; known: add, remove, export");
        }
        return 0;
    }

    private List<SentimentCorrection> corrections() throws IOException {
        if ((id == null) != (sentiment == null)) {
            throw new IllegalArgumentException("--id and --sentiment go together");
        }
        if ((id == null) == (file == null)) {
            throw new IllegalArgumentException(
                    "labels add takes either a file of platform:id<TAB>label lines or --id and --sentiment");
        }
        if (id != null) {
            return List.of(SentimentCorrection.of(id, sentiment));
        }
        return readLines(file, SentimentCorrection::parseLine);
    }

    private List<SentimentCorrection> removals() throws IOException {
        if (sentiment != null) {
            throw new IllegalArgumentException("labels remove takes no --sentiment");
        }
        if ((id == null) == (file == null)) {
            throw new IllegalArgumentException(
                    "labels remove takes either a file of platform:id lines or --id");
        }
        if (id != null) {
            return List.of(SentimentCorrection.removal(id));
        }
        return readLines(file, SentimentCorrection::parseRemovalLine);
    }

    /** Every line checked before anything is sent, so a bad file publishes nothing. */
    static List<SentimentCorrection> readLines(
            Path file, Function<String, SentimentCorrection> parse) throws IOException {
        List<SentimentCorrection> corrections = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (BufferedReader reader =
                file.toString().equals("-")
                        ? new BufferedReader(
                                new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    corrections.add(parse.apply(line));
                } catch (IllegalArgumentException e) {
                    errors.add(file + ":" + number + ": " + e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    errors.size()
                            + " bad line(s), nothing published:\n  "
                            + String.join("\n  ", errors.subList(0, Math.min(errors.size(), 20)))
                            + (errors.size() > 20 ? "\n  ..." : ""));
        }
        return corrections;
    }

    private void export(KafkaConnection kafka) throws IOException {
        Map<String, SentimentLabel> labels =
                new TreeMap<>(SentimentLabels.read(kafka, labelsTopic).labels());
        Map<String, String> texts =
                IndexedMentionTexts.find(
                        ElasticsearchConnection.of(es),
                        new IndexTemplates(indexPrefix),
                        List.copyOf(labels.keySet()));
        try (PrintStream output =
                out == null
                        ? new PrintStream(System.out, false, StandardCharsets.UTF_8)
                        : new PrintStream(
                                Files.newOutputStream(out), false, StandardCharsets.UTF_8)) {
            labels.forEach(
                    (mentionId, label) -> {
                        String text = texts.get(mentionId);
                        if (text != null) {
                            output.println(
                                    mentionId
                                            + '\t'
                                            + label.name()
                                            + '\t'
                                            + text.replaceAll("[\\t\\r\\n]+", " "));
                        }
                    });
        }
        int missing =
                labels.size() - (int) labels.keySet().stream().filter(texts::containsKey).count();
        System.err.println(
                "exported "
                        + (labels.size() - missing)
                        + " label(s)"
                        + (missing == 0
                                ? ""
                                : "; "
                                        + missing
                                        + " left out: their mentions are not indexed under "
                                        + indexPrefix
                                        + "-mentions"));
    }
}
