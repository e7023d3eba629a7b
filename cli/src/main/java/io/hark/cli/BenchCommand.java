// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.analytics.Durations;
import io.hark.analytics.detect.AlertRules;
import io.hark.analytics.detect.DetectBenchmark;
import io.hark.analytics.detect.DetectEvaluation;
import io.hark.nlp.CoreNlpSentiment;
import io.hark.nlp.MentionEnricher;
import io.hark.nlp.TextSentiment;
import io.hark.nlp.TextSentiment.Polarity;
import io.hark.nlp.sentiment.LabeledTweet;
import io.hark.nlp.sentiment.SentimentEvaluation;
import io.hark.nlp.sentiment.TargetedSentiment;
import io.hark.nlp.sentiment.TargetedSentimentTrainer;
import io.hark.nlp.sentiment.TargetedTweet;
import io.hark.nlp.sentiment.TweetSentiment;
import io.hark.queries.bench.MatchBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Benchmarks that print their figures; ratios are against a baseline measured in the same run. */
@Command(
        name = "bench",
        description = {
            "Benchmarks:",
            "  bench nlp     Hark's enrichment against the enrichment as before and stock CoreNLP, sentiment scores, on a tweet set left out of training and"
                    + " adapted to it with 100 to 1,000 of its labels",
            "  bench match   listening queries compiled together against each query evaluated on its own",
            "  bench detect  spike detection on NAB's labelled series: NAB scores, settings chosen by leaving folders and series out,"
                    + " cost per point",
            "  bench alert   latency from a window's end to the notifier's request, end to end in the local mode",
            "  bench replay  a day of archived enriched mentions through metrics and detection (--skip-nlp), and a replay with NLP",
            "  bench report  the brand report of a month of 1-minute window metrics for 50 queries (and mentions),"
                    + " bulk-indexed into an embedded Elasticsearch",
            "  bench soak    the local mode at a steady rate: heap, threads, open files, state size and lag over time",
            "  bench chaos   kill -9 of a TaskManager, a Kafka broker and an Elasticsearch node under load on a real"
                    + " multi-process cluster: recovery times, mentions lost or duplicated, window counts, alerts;"
                    + " the last line is one JSON object",
            "  bench test-heap  the heap each module's test JVMs needed in the last mvn verify, from their GC logs"
        })
final class BenchCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            description =
                    "what to benchmark: nlp, match, detect, alert, replay, report, soak, chaos or test-heap")
    String what;

    @Option(
            names = "--queries",
            defaultValue = "1000",
            description = "match: realistic queries (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(
            names = "--mentions",
            defaultValue = "300000",
            description = "match: mentions (default: ${DEFAULT-VALUE})")
    int mentions;

    @Option(
            names = "--report-mentions",
            defaultValue = "300000",
            description = "report: mentions over the month (default: ${DEFAULT-VALUE})")
    int reportMentions;

    @Option(
            names = "--tweets",
            defaultValue = "5000",
            description = "tweets for Hark's enrichment (default: ${DEFAULT-VALUE})")
    int tweets;

    @Option(
            names = "--stock-tweets",
            defaultValue = "300",
            description =
                    "tweets for stock CoreNLP, which runs at about 10/s (default: ${DEFAULT-VALUE})")
    int stockTweets;

    @Option(
            names = "--skip-domain-sentiment",
            description =
                    "nlp: skip training a model without the extra tweet set"
                            + " (a few minutes) and its domain adaptation learning curve")
    boolean skipDomainSentiment;

    @Option(
            names = "--speed-only",
            description =
                    "nlp: only the enrichment's speed and its agreement with the enrichment as before"
                            + " (no stock CoreNLP, no sentiment scores: a few minutes)")
    boolean speedOnly;

    @Option(
            names = "--crises",
            defaultValue = "5",
            description = "alert: crises to stage, 100 s apart (default: ${DEFAULT-VALUE})")
    int crises;

    @Option(
            names = "--rate",
            defaultValue = "50",
            description =
                    "alert, soak, chaos: sample mentions per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--records",
            defaultValue = "1000000",
            description =
                    "replay: archived enriched mentions over the day (default: ${DEFAULT-VALUE})")
    int records;

    @Option(
            names = "--nlp-records",
            defaultValue = "3000",
            description =
                    "replay: mentions replayed with NLP, then twice as many (default: ${DEFAULT-VALUE})")
    int nlpRecords;

    @Option(
            names = "--minutes",
            defaultValue = "10",
            description =
                    "soak: how long; chaos: how long the crisis lasts, while the faults come"
                            + " (default: ${DEFAULT-VALUE})")
    int minutes;

    @Option(
            names = "--state-ttl",
            description =
                    "soak: how long the listen job remembers deliveries, originals' NLP and copy-paste texts "
                            + "(default: its own, 48h, 24h and 1h), so state levels off within the run")
    String stateTtl;

    @Option(
            names = "--every",
            defaultValue = "60",
            description = "soak: seconds between samples (default: ${DEFAULT-VALUE})")
    int every;

    @Option(
            names = "--data",
            description =
                    "nlp: folder of semeval-*.tsv (default: ../shared/data/sentiment beside the project);"
                            + " detect: a folder of NAB series (*.csv) beside their windows.json, or a folder of such folders"
                            + " (default: ../shared/data/spikes/nab-corpus)")
    Path data;

    @Option(
            names = "--candidates",
            description =
                    "detect: alert rules (YAML, as for backtest --settings) to choose among"
                            + " (default: a grid around the shipped settings)")
    Path candidates;

    @Option(
            names = "--nabscore",
            description =
                    "detect: NAB's reference scorer, to score the shipped settings' alerts"
                            + " with too (default: ../shared/tools/nabscore.py, when it and python3 are there)")
    Path nabscore;

    @Override
    public Integer call() throws Exception {
        switch (what) {
            case "nlp" -> benchNlp();
            case "match" -> benchMatch();
            case "detect" -> benchDetect();
            case "alert" ->
                    AlertLatency.run(
                            System.out,
                            crises,
                            Duration.ofSeconds(150),
                            Duration.ofSeconds(100),
                            rate);
            case "replay" -> ReplayBenchmark.run(System.out, records, nlpRecords);
            case "report" -> ReportBenchmark.run(System.out, 50, 30, reportMentions);
            case "soak" ->
                    Soak.run(
                            System.out,
                            rate,
                            Duration.ofMinutes(minutes),
                            Duration.ofSeconds(every),
                            stateTtl == null ? null : Durations.parse(stateTtl));
            case "chaos" -> benchChaos();
            case "test-heap" ->
                    TestJvmHeap.run(System.out, Path.of(System.getProperty("hark.home", ".")));
            default ->
                    throw new IllegalArgumentException(
                            "unknown benchmark '"
                                    + what
                                    + "'; known: nlp, match, detect, alert, replay, soak, chaos,"
                                    + " test-heap");
        }
        return 0;
    }

    /**
     * Five minutes of history, then the faults one after another 30 s apart during a crisis of
     * {@code --minutes}; the recovery times go to standard error as they come, the result is the
     * last line of standard output.
     */
    private void benchChaos() throws Exception {
        Path home = Path.of(System.getProperty("hark.home", "."));
        ClusterChaos.Result result =
                ClusterChaos.run(
                        home.resolve("jobs/target/hark-jobs.jar"),
                        CommandFiles.sampleQueries(),
                        new ClusterChaos.Settings(
                                rate,
                                Duration.ofMinutes(5),
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(60),
                                Duration.ofMinutes(minutes),
                                LocalCommand.MALFORMED_EVERY),
                        System.err);
        System.err.printf(
                Locale.ROOT,
                "indexing again %.1f s after the new TaskManager registered; dead letters %d (bad"
                        + " records sent %d), crisis alert openings %d, jobs %s%n",
                result.taskManagerRegisteredSeconds(),
                result.deadLetters(),
                result.expectedDeadLetters(),
                result.crisisOpenings(),
                result.jobStates());
        System.out.println(result.json());
    }

    private void benchMatch() {
        System.out.printf(
                "hark bench match: %d generated queries over %d generated mentions, one thread%n",
                queries, mentions);
        MatchBenchmark.Result result = MatchBenchmark.run(queries, mentions, 42);
        System.out.printf(
                "(a) compiled queries: %.0f mentions/s per core (target: 50000 or more), %d matches%n",
                result.mentionsPerSecond(), result.matches());
        System.out.printf(
                "(b) each query evaluated on its own: %.0f mentions/s per core (%d mentions)%n",
                result.naiveMentionsPerSecond(), result.naiveMentions());
        System.out.printf("ratio a/b: %.1fx%n", result.ratio());
    }

    private void benchDetect() throws Exception {
        Path series = CommandFiles.shared(data, "data/spikes/nab-corpus");
        Path scorer = nabscore != null ? nabscore : CommandFiles.shared(null, "tools/nabscore.py");
        boolean reference = Files.isRegularFile(scorer) && CommandFiles.onPath("python3");
        if (!Files.isRegularFile(scorer)) {
            System.out.println(
                    "(no comparison with NAB's reference scorer: " + scorer + " is missing)");
        } else if (!reference) {
            System.out.println(
                    "(no comparison with NAB's reference scorer: python3 is not installed)");
        }
        DetectBenchmark.run(
                series,
                candidates == null
                        ? DetectEvaluation.defaultCandidates()
                        : AlertRules.load(candidates),
                reference ? scorer : null,
                System.out);
        System.out.println(
                "Published detectors, same scorer, their published thresholds: on the 53-series corpus ARTime 74.0,"
                        + " Numenta 70.2, contextOSE 69.4, htmjava 66.5, KNN-CAD 57.6; on its five realTweets series ARTime 83.8,"
                        + " contextOSE 76.0, KNN-CAD 68.6, Numenta HTM 66.1, Twitter ADVec 66.0");
    }

    private void benchNlp() throws Exception {
        Path test = CommandFiles.sentimentData(data).resolve("semeval-2016test.tsv");
        List<LabeledTweet> all = LabeledTweet.readTsv(test);
        List<String> texts = all.stream().limit(tweets).map(LabeledTweet::text).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                "hark bench nlp: %d tweets of %s, %d cores%n",
                texts.size(), test.getFileName(), cores);

        long heapBefore = usedHeap();
        long start = System.nanoTime();
        MentionEnricher enricher = new MentionEnricher(Map.of());
        enricher.enrich("warm up the models, please", null, List.of());
        double load = seconds(start);
        long heap = usedHeap() - heapBefore;
        texts.stream()
                .limit(200)
                .forEach(text -> new MentionEnricher(Map.of()).enrich(text + " ", null, List.of()));
        double oneThread =
                rate(
                        texts.size(),
                        () -> {
                            MentionEnricher fresh = new MentionEnricher(Map.of());
                            texts.forEach(text -> fresh.enrich(text, null, List.of()));
                            return null;
                        });
        double allCores =
                rate(
                        texts.size(),
                        () -> {
                            MentionEnricher fresh = new MentionEnricher(Map.of());
                            texts.parallelStream()
                                    .forEach(text -> fresh.enrich(text, null, List.of()));
                            return null;
                        });
        System.out.printf(
                "(a) Hark full enrichment (language, sentiment, NER, topics): %.1f texts/s on 1 thread, "
                        + "%.1f texts/s on %d; models %.0f MB of heap, loaded in %.1f s%n",
                oneThread, allCores, cores, heap / 1e6, load);
        NlpPathBenchmark.run(System.out, texts);
        if (speedOnly) {
            return;
        }

        List<String> stockTexts = texts.subList(0, Math.min(stockTweets, texts.size()));
        heapBefore = usedHeap();
        start = System.nanoTime();
        CoreNlpSentiment stock = new CoreNlpSentiment();
        stock.analyze("Warm up.");
        load = seconds(start);
        heap = usedHeap() - heapBefore;
        List<Polarity> stockLabels = new ArrayList<>();
        double stockRate =
                rate(
                        stockTexts.size(),
                        () -> {
                            stockTexts.forEach(
                                    text ->
                                            stockLabels.add(
                                                    stock.analyze(text)
                                                            .map(TextSentiment::polarity)
                                                            .orElse(Polarity.NEUTRAL)));
                            return null;
                        });
        System.out.printf(
                "(b) stock CoreNLP (tokenize,ssplit,pos,lemma,ner,parse,sentiment; default models), "
                        + "first %d tweets: %.1f texts/s on 1 thread; models %.0f MB of heap, loaded in %.1f s%n",
                stockTexts.size(), stockRate, heap / 1e6, load);
        System.out.printf(
                "ratio a/b, 1 thread: %.1fx (target: 20x or more)%n", oneThread / stockRate);

        TweetSentiment sentiment = TweetSentiment.shared();
        print(
                "Hark sentiment on all of " + test.getFileName(),
                SentimentEvaluation.score(all, text -> sentiment.analyze(text).polarity()));
        List<LabeledTweet> sample = all.subList(0, stockTexts.size());
        print(
                "Hark sentiment on the stock sample",
                SentimentEvaluation.score(sample, text -> sentiment.analyze(text).polarity()));
        print(
                "stock CoreNLP sentiment on the stock sample",
                SentimentEvaluation.score(
                        sample.stream().map(LabeledTweet::label).toList(), stockLabels));
        List<LabeledTweet> dev =
                LabeledTweet.readTsv(
                        CommandFiles.sentimentData(data).resolve("semeval-2016devtest.tsv"));
        print(
                "Hark sentiment on semeval-2016devtest.tsv, where sigma was chosen (MODEL.md records macro recall "
                        + RECORDED_DEV_MACRO_RECALL
                        + " for the shipped model)",
                SentimentEvaluation.score(dev, text -> sentiment.analyze(text).polarity()));
        benchTargeted(sentiment);
        if (!skipDomainSentiment) {
            DomainSentimentBenchmark.run(CommandFiles.sentimentData(data));
        }
    }

    /**
     * Sentiment toward a topic (SemEval-2016 task 4B): the targeted model against the whole-text
     * one.
     */
    private void benchTargeted(TweetSentiment wholeText) throws Exception {
        Path dataDir = CommandFiles.sentimentData(data);
        List<TargetedTweet> test =
                TargetedTweet.readTsv(dataDir.resolve("targeted/semeval-2016test-B.tsv"));
        List<Polarity> gold = test.stream().map(TargetedTweet::label).toList();
        TargetedSentiment targeted = TargetedSentiment.shared();
        List<Double> targetedScores =
                test.stream()
                        .map(t -> targeted.analyze(t.text(), List.of(t.topic())).score())
                        .toList();
        List<Double> wholeTextScores =
                test.stream().map(t -> wholeText.analyze(t.text()).score()).toList();
        double targetedRate =
                rate(
                        test.size(),
                        () -> {
                            test.forEach(t -> targeted.analyze(t.text(), List.of(t.topic())));
                            return null;
                        });
        double wholeTextRate =
                rate(
                        test.size(),
                        () -> {
                            test.forEach(t -> wholeText.analyze(t.text()));
                            return null;
                        });
        System.out.printf(
                "sentiment toward the topic, semeval-2016test-B.tsv (%d tweets, topics unseen in training), "
                        + "recall averaged over positive and negative (score sign):%n",
                test.size());
        System.out.printf(
                "  targeted (%s): %.4f (target: 0.86 or more); %.0f texts/s on 1 thread%n",
                targeted.modelName(),
                SentimentEvaluation.targetedMacroRecall(gold, targetedScores),
                targetedRate);
        System.out.printf(
                "  whole text (%s): %.4f; %.0f texts/s on 1 thread%n",
                wholeText.modelName(),
                SentimentEvaluation.targetedMacroRecall(gold, wholeTextScores),
                wholeTextRate);
        System.out.printf(
                "  targeted, cross-validated by topic on the training files (%d folds, whole-text features out of fold): %.4f%n",
                TargetedSentimentTrainer.DEFAULT_FOLDS,
                TargetedSentimentTrainer.crossValidatedMacroRecall(
                        targeted, dataDir, TargetedSentimentTrainer.DEFAULT_FOLDS));
    }

    /**
     * The shipped model's dev score when it was trained: a rebuilt or retrained model should print
     * it again.
     */
    private static final double RECORDED_DEV_MACRO_RECALL = 0.5526;

    static void print(String what, SentimentEvaluation.Scores scores) {
        System.out.printf(
                "%s (%d tweets): macro-averaged recall %.4f, macro-F1 %.4f, accuracy %.4f%n",
                what, scores.count(), scores.macroRecall(), scores.macroF1(), scores.accuracy());
    }

    private static double rate(int count, Supplier<Void> work) {
        long start = System.nanoTime();
        work.get();
        return count / seconds(start);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
