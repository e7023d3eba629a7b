// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.nlp.Enrichment;
import io.hark.nlp.EnrichmentAgreement;
import io.hark.nlp.MentionEnricher;
import io.hark.nlp.language.LanguageDetector;
import io.hark.nlp.sentiment.TweetSentiment;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code bench nlp}'s comparison of the enrichment as Hark did it before (the reference: every text
 * tagged and NER-labelled, its language always detected) with the shipped path, on one thread and
 * the same texts: the paths take turns, {@link #ROUNDS} times each, so the load of a shared machine
 * weighs on all of them alike. Each pass uses a fresh enricher, so no text is in its cache.
 */
final class NlpPathBenchmark {
    private static final int ROUNDS = 3;
    private static final double TARGET_TEXTS_PER_SECOND = 1_000;
    private static final double TARGET_RATIO = 5;

    /**
     * CPU time of all the JVM's threads: lingua fans each text out over the common pool, so on a
     * busy machine a path that calls it gets more threads scheduled, and more wall-clock share,
     * than one that does not. Texts per CPU-second compare what each path costs.
     */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private NlpPathBenchmark() {}

    static void run(PrintStream out, List<String> texts) {
        TweetSentiment sentiment = TweetSentiment.shared();
        List<String> warmUp = texts.stream().limit(200).map(text -> text + " ").toList();
        enrich(MentionEnricher.reference(Map.of(), sentiment), warmUp, null);
        enrich(new MentionEnricher(Map.of(), sentiment), warmUp, null);

        // What X sends: its own detection of each post's language, "und" when it has none.
        LanguageDetector detector = LanguageDetector.reference();
        List<String> claims = texts.stream().map(detector::detect).toList();
        List<Supplier<Pass>> paths =
                List.of(
                        () -> enrich(MentionEnricher.reference(Map.of(), sentiment), texts, null),
                        () -> enrich(new MentionEnricher(Map.of(), sentiment), texts, null),
                        () -> enrich(new MentionEnricher(Map.of(), sentiment), texts, claims));
        Pass[] passes = new Pass[paths.size()];
        for (int round = 0; round < ROUNDS; round++) {
            for (int turn = 0; turn < paths.size(); turn++) {
                // Each round starts with another path, so none always runs first.
                int path = (round + turn) % paths.size();
                passes[path] = Pass.add(passes[path], paths.get(path).get());
            }
        }
        Pass referencePass = passes[0];
        Pass shippedPass = passes[1];
        Pass claimedPass = passes[2];
        double referenceRate = referencePass.rate();
        out.printf(
                "(c) the enrichment as before (CoreNLP's tagger; every text tagged and NER-labelled, language always detected in high accuracy): "
                        + "%.1f texts/s on 1 thread (median of %d passes over the %d tweets, taking turns with d and e: %s)%n",
                referenceRate, ROUNDS, texts.size(), referencePass.passes());
        out.printf(
                "(d) the shipped enrichment (Hark's tagger, wordless texts skipped, plain English told by its function words, else lingua's low accuracy first), no platform language: %.1f texts/s on 1 thread (%s), d/c %.2fx%n",
                shippedPass.rate(), shippedPass.passes(), shippedPass.rate() / referenceRate);
        double claimedRate = claimedPass.rate();
        out.printf(
                "(e) the shipped enrichment, each tweet's language given as X gives it (here: what lingua detects): "
                        + "%.1f texts/s on 1 thread (%s), e/c %.2fx (target: %.0f texts/s and %.0fx: %s)%n",
                claimedRate,
                claimedPass.passes(),
                claimedRate / referenceRate,
                TARGET_TEXTS_PER_SECOND,
                TARGET_RATIO,
                claimedRate >= TARGET_TEXTS_PER_SECOND
                                && claimedRate / referenceRate >= TARGET_RATIO
                        ? "met"
                        : "not met");
        out.printf(
                "texts per CPU-second of the whole JVM (median pass), what each costs on a busy machine:"
                        + " c %.1f, d %.1f (d/c %.2fx), e %.1f (e/c %.2fx)%n",
                referencePass.cpuRate(),
                shippedPass.cpuRate(),
                shippedPass.cpuRate() / referencePass.cpuRate(),
                claimedPass.cpuRate(),
                claimedPass.cpuRate() / referencePass.cpuRate());
        print(out, "d", EnrichmentAgreement.of(referencePass.enrichments, shippedPass.enrichments));
        print(out, "e", EnrichmentAgreement.of(referencePass.enrichments, claimedPass.enrichments));
    }

    private static void print(PrintStream out, String path, EnrichmentAgreement agreement) {
        out.printf(
                "agreement of %s with c on %d tweets: entity precision %.4f, recall %.4f, F1 %.4f (target 0.95);"
                        + " topic-key Jaccard %.4f (target 0.90); same sentiment label %.4f (target 1);"
                        + " same language %.4f%n",
                path,
                agreement.texts(),
                agreement.entityPrecision(),
                agreement.entityRecall(),
                agreement.entityF1(),
                agreement.topicJaccard(),
                agreement.sentimentAgreement(),
                agreement.languageAgreement());
    }

    /**
     * @param claims each text's platform language, or null for none
     */
    private static Pass enrich(MentionEnricher enricher, List<String> texts, List<String> claims) {
        List<Enrichment> enrichments = new ArrayList<>(texts.size());
        long start = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        for (int i = 0; i < texts.size(); i++) {
            enrichments.add(
                    enricher.enrich(
                            texts.get(i), claims == null ? null : claims.get(i), List.of()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (PROCESS.getProcessCpuTime() - cpuStart) / 1e9;
        return new Pass(
                enrichments, List.of(texts.size() / seconds), List.of(texts.size() / cpuSeconds));
    }

    /** The first pass's output, and each pass's texts per second of wall time and of CPU time. */
    private record Pass(List<Enrichment> enrichments, List<Double> rates, List<Double> cpuRates) {
        static Pass add(Pass sofar, Pass next) {
            if (sofar == null) {
                return next;
            }
            return new Pass(
                    sofar.enrichments,
                    concat(sofar.rates, next.rates),
                    concat(sofar.cpuRates, next.cpuRates));
        }

        /**
         * The median pass: one pass slowed by a burst of other work on the machine moves it least.
         */
        double rate() {
            return median(rates);
        }

        double cpuRate() {
            return median(cpuRates);
        }

        String passes() {
            return rates.stream()
                    .map(rate -> String.format(Locale.ROOT, "%.1f", rate))
                    .collect(Collectors.joining(", "));
        }

        private static double median(List<Double> values) {
            return values.stream().sorted().toList().get(values.size() / 2);
        }

        private static List<Double> concat(List<Double> a, List<Double> b) {
            List<Double> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }
    }
}
