// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.analytics.detect.AlertRules;
import io.hark.cli.sample.SampleMentions;
import io.hark.embedded.Directories;
import io.hark.embedded.EmbeddedKafka;
import io.hark.jobs.archive.Archive;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.listen.ListenPipeline;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.jobs.replay.Backtest;
import io.hark.jobs.replay.ReplayInput;
import io.hark.jobs.replay.ReplayOptions;
import io.hark.nlp.MentionEnricher;
import io.hark.queries.CompiledQueries;
import io.hark.queries.MatchInput;
import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryFile;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionJson;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import io.hark.schema.SentimentSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * {@code scripts/hark bench replay}: a day of archived enriched mentions (the sample stream,
 * matched to the example queries) through metrics and spike detection with {@code --skip-nlp},
 * against reading the archive alone; and sample mentions through the whole listen pipeline (NLP),
 * against the enrichment alone on as many threads. Every figure is measured in this run, on an
 * in-process Flink.
 *
 * <p>Rates are the median of {@value #RUNS} runs after a first, which is reported on its own: in a
 * fresh JVM the JIT compiler spends that run compiling, which a long replay or a running Flink
 * cluster has behind it.
 */
final class ReplayBenchmark {
    private static final int PARALLELISM = 2;
    private static final int RUNS = 3;

    private ReplayBenchmark() {}

    static void run(PrintStream out, int records, int nlpRecords) throws Exception {
        Path work = Files.createTempDirectory("hark-bench-replay");
        Instant day = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS);
        List<QueryDefinition> queries = QueryFile.load(CommandFiles.sampleQueries());
        out.printf(
                "hark bench replay: %,d archived enriched mentions over one day (the sample stream, %d example queries), "
                        + "parallelism %d, %d cores%n",
                records, queries.size(), PARALLELISM, Runtime.getRuntime().availableProcessors());
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            KafkaConnection connection = KafkaConnection.of(kafka.bootstrapServers());
            QueryCatalog.ensureTopics(connection, "bench.queries", "bench.queries.status");
            QueryCatalog.sync(connection, "bench.queries", queries);

            String archive = work.resolve("archive").toUri().toString();
            long wrote = System.nanoTime();
            StreamExecutionEnvironment writer = environment();
            writer.setParallelism(1);
            writer.fromSource(
                            new DataGeneratorSource<>(
                                    new SampleDay(day, records, queries),
                                    records,
                                    new AvroTypeInfo<>(EnrichedMention.class)),
                            WatermarkStrategy.noWatermarks(),
                            "sample-day")
                    .sinkTo(Archive.enrichedSink(archive));
            writer.execute("bench-replay-archive");
            out.printf("archive written in %.1f s (%s)%n", seconds(wrote), archive);

            List<String> common =
                    List.of(
                            "--bootstrap",
                            kafka.bootstrapServers(),
                            "--query-topic",
                            "bench.queries",
                            "--name",
                            "bench",
                            "--parallelism",
                            String.valueOf(PARALLELISM));
            ReplayOptions skipNlp =
                    ReplayOptions.parse(with(common, "--archive", archive, "--skip-nlp"), Map.of());
            ReplayInput archived = ReplayInput.of(skipNlp);
            int[] episodes = new int[1];
            List<org.apache.flink.core.fs.Path> hours =
                    Archive.hours(archive, Archive.ENRICHED, null, null);
            Measured read = measure(records, () -> readArchive(hours));
            Measured replayed =
                    measure(
                            records,
                            () ->
                                    episodes[0] =
                                            Backtest.run(
                                                            environment(),
                                                            skipNlp,
                                                            archived,
                                                            List.of(AlertRules.defaults()),
                                                            "bench")
                                                    .get("default")
                                                    .size());
            out.printf(
                    "(a) reading the archive alone: %,.0f records/s (first run %,.0f)%n",
                    read.rate(), read.first());
            out.printf(
                    "(b) --skip-nlp replay through window metrics and spike detection: %,.0f records/s (target: 100,000 or more), "
                            + "%d alert episodes; b/a %.2f (first run %,.0f records/s, JIT compiling)%n",
                    replayed.rate(), episodes[0], replayed.rate() / read.rate(), replayed.first());

            // mentions the listen job enriches (they match a query), with texts the NLP has not
            // seen, so neither the
            // enricher's cache nor a repost's reuse spares a run any work
            List<Mention> sample =
                    new ArrayList<>(
                            unseenMatchedTexts(
                                    new SampleMentions(7, day, 5),
                                    CompiledQueries.compile(queries),
                                    (1 + 3 * RUNS) * nlpRecords));
            // the sample's mix of platforms and kinds drifts over the day: shuffled, each run gets
            // the same mix
            Collections.shuffle(sample, new Random(7));
            // a first run as long as a measured one, so the JIT compiler has compiled the NLP
            // before any
            replayWithNlp(work, common, "warm-up", sample.subList(0, nlpRecords));
            double[] replayRates = new double[RUNS];
            double[] aloneRates = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                int from = (1 + 3 * run) * nlpRecords;
                List<Mention> more = sample.subList(from + nlpRecords, from + 3 * nlpRecords);
                double once =
                        replayWithNlp(
                                work,
                                common,
                                "once-" + run,
                                sample.subList(from, from + nlpRecords));
                double twice = replayWithNlp(work, common, "twice-" + run, more);
                replayRates[run] = nlpRecords / (twice - once);
                MentionEnricher enricher = new MentionEnricher(ListenPipeline.gazetteer(queries));
                long alone = System.nanoTime();
                more.parallelStream()
                        .forEach(
                                mention ->
                                        enricher.enrich(
                                                mention.getText(),
                                                mention.getLang(),
                                                mention.getHashtags()));
                aloneRates[run] = more.size() / seconds(alone);
                out.printf(
                        "    NLP run %d: %,d mentions replayed in %.1f s, %,d others in %.1f s: %,.0f records/s; "
                                + "their enrichment alone %,.0f texts/s%n",
                        run + 1,
                        nlpRecords,
                        once,
                        2 * nlpRecords,
                        twice,
                        replayRates[run],
                        aloneRates[run]);
            }
            double nlpRate = median(replayRates);
            double aloneRate = median(aloneRates);
            out.printf(
                    "(c) replay with NLP (the whole listen pipeline, then metrics and detection): %,.0f records/s, the "
                            + "median of %d marginal rates (the difference between replaying %,d and %,d new mentions leaves out the "
                            + "job's start)%n",
                    nlpRate, RUNS, nlpRecords, 2 * nlpRecords);
            out.printf(
                    "(d) the enrichment alone on %d threads, the same texts and gazetteer, models loaded: %,.0f texts/s; "
                            + "c/d %.2f (target: within 10%%)%n",
                    PARALLELISM, aloneRate, nlpRate / aloneRate);
        } finally {
            Directories.deleteRecursively(work);
        }
    }

    /** A rate: the first run's, and the median of the {@value #RUNS} after it. */
    private record Measured(double first, double rate) {}

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    private static Measured measure(int records, Run run) throws Exception {
        double[] rates = new double[RUNS + 1];
        for (int i = 0; i < rates.length; i++) {
            long start = System.nanoTime();
            run.run();
            rates[i] = records / seconds(start);
        }
        return new Measured(rates[0], median(Arrays.copyOfRange(rates, 1, rates.length)));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void readArchive(List<org.apache.flink.core.fs.Path> hours) throws Exception {
        StreamExecutionEnvironment reader = environment();
        reader.getConfig().enableObjectReuse();
        reader.fromSource(
                        Archive.enrichedSource(hours), WatermarkStrategy.noWatermarks(), "archive")
                .sinkTo(new DiscardingSink<>());
        reader.execute("bench-replay-read");
    }

    /**
     * The first {@code count} originals (no reposts) of {@code sample} that match a query, whose
     * texts differ from all before.
     */
    private static List<Mention> unseenMatchedTexts(
            SampleMentions sample, CompiledQueries queries, int count) {
        Set<String> seen = new HashSet<>();
        List<Mention> unseen = new ArrayList<>(count);
        while (unseen.size() < count) {
            Mention mention = sample.next();
            if (mention.getRepostOfId() == null
                    && !queries.match(MatchInput.of(mention)).isEmpty()
                    && seen.add(mention.getText())) {
                unseen.add(mention);
            }
        }
        return unseen;
    }

    /**
     * Seconds to replay {@code mentions} from a JSON Lines file with NLP, metrics and detection.
     */
    private static double replayWithNlp(
            Path work, List<String> common, String run, List<Mention> mentions) throws Exception {
        Path jsonl = work.resolve("sample-" + run + ".jsonl");
        Files.write(jsonl, mentions.stream().map(MentionJson::toJson).toList());
        ReplayOptions withNlp =
                ReplayOptions.parse(with(common, "--jsonl", jsonl.toString()), Map.of());
        long start = System.nanoTime();
        Backtest.run(
                environment(),
                withNlp,
                ReplayInput.of(withNlp),
                List.of(AlertRules.defaults()),
                "bench-nlp-" + run);
        return seconds(start);
    }

    private static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(LocalFlink.inProcess());
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(PARALLELISM);
        return env;
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of(more));
        return args;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * The sample stream spread over one day, each mention matched to the example queries and given
     * a sentiment the way the listen job would (a cheap stand-in for the NLP, which the fast path
     * skips).
     */
    static final class SampleDay implements GeneratorFunction<Long, EnrichedMention> {
        private final Instant day;
        private final int records;
        private final List<QueryDefinition> queries;
        private transient SampleMentions sample;
        private transient CompiledQueries compiled;

        SampleDay(Instant day, int records, List<QueryDefinition> queries) {
            this.day = day;
            this.records = records;
            this.queries = queries;
        }

        @Override
        public void open(SourceReaderContext context) {
            sample = new SampleMentions(42, day, records / 86_400.0);
            compiled = CompiledQueries.compile(queries);
        }

        @Override
        public EnrichedMention map(Long index) {
            Mention mention = sample.next();
            List<String> matched = compiled.match(MatchInput.of(mention));
            SentimentLabel label =
                    SentimentLabel.values()[(int) Math.floorMod(mention.getId().hashCode(), 3)];
            return EnrichedMention.newBuilder()
                    .setMention(mention)
                    .setMatchedQueries(matched)
                    .setMatchedGroups(
                            matched.stream()
                                    .map(compiled::group)
                                    .filter(group -> group != null)
                                    .distinct()
                                    .toList())
                    .setSentiment(
                            new Sentiment(
                                    label,
                                    label == SentimentLabel.negative
                                            ? -0.7
                                            : label == SentimentLabel.positive ? 0.7 : 0,
                                    0.8,
                                    "bench",
                                    SentimentSource.model))
                    .setTopics(mention.getHashtags())
                    .setEnrichedAt(mention.getCreatedAt())
                    .build();
        }
    }
}
