// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import io.hark.nlp.CoreNlpSentiment;
import io.hark.nlp.TextSentiment;
import io.hark.nlp.TextSentiment.Polarity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Scores a sentiment model on SemEval tweet files. The headline figure is SemEval-2017 task 4A's
 * official measure, recall averaged over the three classes; macro-F1, F1-PN (the mean F1 of
 * positive and negative, SemEval 2013-2016's measure) and accuracy are reported beside it.
 *
 * <p>Usage:
 *
 * <pre>
 *   train MODEL_OUT DATA_DIR           train on DATA_DIR/semeval-*.tsv (see TweetSentimentTrainer)
 *   evaluate MODEL TEST.tsv            score a trained model
 *   corenlp TEST.tsv SAMPLE SEED       score stock CoreNLP on a seeded random sample
 * </pre>
 */
public final class SentimentEvaluation {
    private SentimentEvaluation() {}

    /** The scores of one run; {@code confusion[gold][predicted]} by {@link Polarity#ordinal()}. */
    public record Scores(
            double macroRecall,
            double macroF1,
            double f1PN,
            double accuracy,
            int count,
            int[][] confusion) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "n=%d macroRecall=%.4f macroF1=%.4f F1-PN=%.4f accuracy=%.4f",
                    count,
                    macroRecall,
                    macroF1,
                    f1PN,
                    accuracy);
        }
    }

    public static Scores score(List<LabeledTweet> tweets, Function<String, Polarity> model) {
        List<Polarity> gold = new ArrayList<>(tweets.size());
        List<Polarity> predicted = new ArrayList<>(tweets.size());
        for (LabeledTweet tweet : tweets) {
            gold.add(tweet.label());
            predicted.add(model.apply(tweet.text()));
        }
        return score(gold, predicted);
    }

    public static Scores score(List<Polarity> gold, List<Polarity> predicted) {
        int k = Polarity.values().length;
        int[][] confusion = new int[k][k];
        for (int i = 0; i < gold.size(); i++) {
            confusion[gold.get(i).ordinal()][predicted.get(i).ordinal()]++;
        }
        double recallSum = 0;
        double f1Sum = 0;
        double[] f1 = new double[k];
        int correct = 0;
        for (int c = 0; c < k; c++) {
            int goldCount = 0;
            int predictedCount = 0;
            for (int j = 0; j < k; j++) {
                goldCount += confusion[c][j];
                predictedCount += confusion[j][c];
            }
            int truePositives = confusion[c][c];
            correct += truePositives;
            double recall = goldCount == 0 ? 0 : (double) truePositives / goldCount;
            double precision = predictedCount == 0 ? 0 : (double) truePositives / predictedCount;
            f1[c] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            recallSum += recall;
            f1Sum += f1[c];
        }
        double f1PN = (f1[Polarity.POSITIVE.ordinal()] + f1[Polarity.NEGATIVE.ordinal()]) / 2;
        double accuracy = gold.isEmpty() ? 0 : (double) correct / gold.size();
        return new Scores(recallSum / k, f1Sum / k, f1PN, accuracy, gold.size(), confusion);
    }

    /**
     * SemEval-2016 task 4B's measure: recall averaged over the positive and the negative texts,
     * each predicted positive when its score is above 0 and negative otherwise. Texts whose gold
     * label is neutral are not counted (the task has none); a class without texts counts as recall
     * 0.
     */
    public static double targetedMacroRecall(List<Polarity> gold, List<Double> scores) {
        if (gold.size() != scores.size()) {
            throw new IllegalArgumentException(
                    gold.size() + " labels but " + scores.size() + " scores");
        }
        int positives = 0, negatives = 0, positivesFound = 0, negativesFound = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i) == Polarity.POSITIVE) {
                positives++;
                positivesFound += scores.get(i) > 0 ? 1 : 0;
            } else if (gold.get(i) == Polarity.NEGATIVE) {
                negatives++;
                negativesFound += scores.get(i) > 0 ? 0 : 1;
            }
        }
        double positiveRecall = positives == 0 ? 0 : (double) positivesFound / positives;
        double negativeRecall = negatives == 0 ? 0 : (double) negativesFound / negatives;
        return (positiveRecall + negativeRecall) / 2;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: train MODEL_OUT DATA_DIR | evaluate MODEL TEST.tsv | corenlp TEST.tsv SAMPLE SEED");
            System.exit(2);
        }
        switch (args[0]) {
            case "train" -> TweetSentimentTrainer.main(new String[] {args[1], args[2]});
            case "evaluate" -> evaluate(Path.of(args[1]), Path.of(args[2]));
            case "corenlp" ->
                    evaluateCoreNlp(
                            Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void evaluate(Path modelFile, Path testFile) throws IOException {
        TweetSentiment model;
        try (InputStream in = Files.newInputStream(modelFile)) {
            model = new TweetSentiment(TweetSentimentModel.read(in));
        }
        List<LabeledTweet> tweets = LabeledTweet.readTsv(testFile);
        Scores scores = score(tweets, text -> model.analyze(text).polarity());
        System.out.println(testFile.getFileName() + " " + scores);
        System.out.printf(
                Locale.ROOT,
                "confusion (rows gold N/U/P, columns predicted): %s%n",
                java.util.Arrays.deepToString(scores.confusion()));
        // Timed after the scoring pass above, which warmed up the JIT.
        long start = System.nanoTime();
        int analyzed = 0;
        while (System.nanoTime() - start < 5_000_000_000L) {
            for (LabeledTweet tweet : tweets) {
                model.analyze(tweet.text());
                analyzed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%.0f texts/s (one thread, warm)%n", analyzed / seconds);
    }

    private static void evaluateCoreNlp(Path testFile, int sample, long seed) throws IOException {
        List<LabeledTweet> tweets = new ArrayList<>(LabeledTweet.readTsv(testFile));
        Collections.shuffle(tweets, new Random(seed));
        List<LabeledTweet> sampled = tweets.subList(0, Math.min(sample, tweets.size()));
        CoreNlpSentiment coreNlp = new CoreNlpSentiment();
        Scores scores =
                score(
                        sampled,
                        text ->
                                coreNlp.analyze(text)
                                        .map(TextSentiment::polarity)
                                        .orElse(Polarity.NEUTRAL));
        System.out.println(
                testFile.getFileName() + " stock CoreNLP, sample seed " + seed + ": " + scores);
    }
}
