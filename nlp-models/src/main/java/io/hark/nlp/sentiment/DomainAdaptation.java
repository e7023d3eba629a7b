// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.TextSentiment.Polarity;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Adapts a general tweet sentiment model to a domain from a few hundred in-domain labels.
 *
 * <p>The adapted model is a classifier trained on the in-domain labels alone, whose features are
 * the texts' {@link TweetFeatures}, the distant features and the general model's log class
 * probabilities (Daumé's PRED baseline in "Frustratingly easy domain adaptation", 2007). With the
 * general model's judgement as a feature, a few labels are enough to recalibrate it (such as how
 * often the domain is neutral) and many let the domain's own words override it where they disagree;
 * the labels weigh as much as they should because nothing else is in the training set. The L2 prior
 * (sigma) is chosen by stratified cross-validation within the labels, the offsets are balanced over
 * them as for the general model ({@link TweetSentimentTrainer#balancedOffsets}).
 */
public final class DomainAdaptation {
    static final List<Double> SIGMAS = List.of(0.25, 0.5, 1.0, 2.0, 4.0);
    public static final int FOLDS = 5;

    /** Every class needs this many labels so that each cross-validation training set has it. */
    static final int MIN_LABELS_PER_CLASS = 2;

    /**
     * Features seen once in a few hundred texts are kept: here they are the domain's vocabulary.
     */
    static final int MIN_FEATURE_COUNT = 1;

    private DomainAdaptation() {}

    /** The scores of the general model adapted with {@code labels} in-domain labels. */
    public record CurvePoint(int labels, double sigma, SentimentEvaluation.Scores scores) {}

    /**
     * The model adapted from {@code general} to the domain of {@code labels}.
     *
     * @param name the adapted model's name, reported in {@link io.hark.nlp.TextSentiment#model()}
     * @param progress where to report the cross-validation, or null
     * @throws IllegalArgumentException if a class has fewer than {@value #MIN_LABELS_PER_CLASS}
     *     labels
     */
    public static TweetSentimentModel adapt(
            TweetSentimentModel general,
            List<LabeledTweet> labels,
            String name,
            PrintStream progress) {
        return adapt(general, labels, name, crossValidatedSigma(general, labels, progress));
    }

    private static TweetSentimentModel adapt(
            TweetSentimentModel general, List<LabeledTweet> labels, String name, double sigma) {
        return TweetSentimentTrainer.trainModel(
                labels, general.distantClassifier(), general, sigma, MIN_FEATURE_COUNT, name);
    }

    /**
     * A learning curve: holds back {@code heldBack} random tweets of {@code domain}, adapts {@code
     * general} with the first {@code size} of the other tweets in a random order, for each size (0:
     * the general model itself), and scores each model on the held-back tweets.
     */
    public static List<CurvePoint> learningCurve(
            TweetSentimentModel general,
            List<LabeledTweet> domain,
            int heldBack,
            List<Integer> sizes,
            long seed,
            PrintStream progress) {
        List<LabeledTweet> shuffled = new ArrayList<>(domain);
        Collections.shuffle(shuffled, new Random(seed));
        List<LabeledTweet> evaluation = shuffled.subList(0, heldBack);
        List<LabeledTweet> pool = shuffled.subList(heldBack, shuffled.size());
        List<Counter<String>> evaluationFeatures = TweetSentimentTrainer.features(evaluation);
        List<CurvePoint> curve = new ArrayList<>();
        for (int size : sizes) {
            if (size > pool.size()) {
                throw new IllegalArgumentException(
                        size + " labels asked for, " + pool.size() + " not held back");
            }
            List<LabeledTweet> labels = pool.subList(0, size);
            double sigma = size == 0 ? Double.NaN : crossValidatedSigma(general, labels, progress);
            TweetSentimentModel model =
                    size == 0 ? general : adapt(general, labels, general.name() + "+curve", sigma);
            curve.add(
                    new CurvePoint(
                            size,
                            sigma,
                            TweetSentimentTrainer.score(
                                    model, evaluationFeatures, evaluation, model.offsets())));
        }
        return curve;
    }

    /** The sigma of the best macro recall over the out-of-fold predictions. */
    private static double crossValidatedSigma(
            TweetSentimentModel general, List<LabeledTweet> labels, PrintStream progress) {
        int[] folds = stratifiedFolds(labels);
        List<RVFDatum<String, String>> datums =
                TweetSentimentTrainer.datums(labels, general.distantClassifier(), general);
        List<Counter<String>> tweetFeatures = TweetSentimentTrainer.features(labels);
        double bestSigma = SIGMAS.get(0);
        double bestRecall = -1;
        for (double sigma : SIGMAS) {
            List<double[]> probabilities =
                    new ArrayList<>(Collections.nCopies(labels.size(), (double[]) null));
            for (int fold = 0; fold < FOLDS; fold++) {
                List<LabeledTweet> trainTweets = new ArrayList<>();
                List<RVFDatum<String, String>> trainDatums = new ArrayList<>();
                for (int i = 0; i < labels.size(); i++) {
                    if (folds[i] != fold) {
                        trainTweets.add(labels.get(i));
                        trainDatums.add(datums.get(i));
                    }
                }
                TweetSentimentModel model =
                        new TweetSentimentModel(
                                TweetSentimentTrainer.train(
                                        TweetSentimentTrainer.dataset(
                                                trainDatums, MIN_FEATURE_COUNT),
                                        sigma),
                                general.distantClassifier(),
                                TweetSentimentTrainer.balancedOffsets(trainTweets),
                                "fold",
                                general);
                for (int i = 0; i < labels.size(); i++) {
                    if (folds[i] == fold) {
                        probabilities.set(i, model.probabilities(tweetFeatures.get(i)));
                    }
                }
            }
            SentimentEvaluation.Scores scores =
                    SentimentEvaluation.score(
                            labels.stream().map(LabeledTweet::label).toList(),
                            TweetSentimentTrainer.predict(probabilities, new double[3]));
            if (progress != null) {
                progress.printf(
                        Locale.ROOT,
                        "domain labels %d, sigma %.2f: %d-fold cross-validation %s%n",
                        labels.size(),
                        sigma,
                        FOLDS,
                        scores);
            }
            if (scores.macroRecall() > bestRecall) {
                bestRecall = scores.macroRecall();
                bestSigma = sigma;
            }
        }
        return bestSigma;
    }

    /**
     * Fold of each label: each class dealt round-robin over the folds, so that every training set
     * has every class.
     */
    static int[] stratifiedFolds(List<LabeledTweet> labels) {
        Map<Polarity, List<Integer>> byClass = new EnumMap<>(Polarity.class);
        for (int i = 0; i < labels.size(); i++) {
            byClass.computeIfAbsent(labels.get(i).label(), p -> new ArrayList<>()).add(i);
        }
        for (Polarity polarity : Polarity.values()) {
            int count = byClass.getOrDefault(polarity, List.of()).size();
            if (count < MIN_LABELS_PER_CLASS) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "domain labels need at least %d %s texts, found %d",
                                MIN_LABELS_PER_CLASS,
                                polarity.name().toLowerCase(Locale.ROOT),
                                count));
            }
        }
        int[] folds = new int[labels.size()];
        int next = 0;
        for (List<Integer> indices : byClass.values()) {
            for (int i : indices) {
                folds[i] = next++ % FOLDS;
            }
        }
        return folds;
    }
}
