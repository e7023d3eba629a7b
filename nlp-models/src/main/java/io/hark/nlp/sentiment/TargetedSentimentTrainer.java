// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.TextSentiment.Polarity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains {@link TargetedSentiment}'s classifier with CoreNLP's {@link LinearClassifierFactory}
 * (L2-regularized logistic regression) on the positive and negative tweets of SemEval task 4B,
 * {@value #DATA_FOLDER}/: every file but {@value #TEST_FILE}, whose ids are only read to drop the
 * few training tweets that also occur in it. Tweets whose topic does not occur in them are left out
 * (at run time those get the whole-text sentiment).
 *
 * <p>Sigma is chosen by cross-validation by topic: the topics of the test set are unlike those of
 * training, so folds split topics, not tweets. The whole-text features of a training tweet come
 * from a {@link TweetSentiment} trained by the shipped recipe without the tweets of its fold (task
 * 4A's copies of them), as at run time they come from a model that never saw the text: features
 * from the shipped model, trained on most of these tweets, are more often right than they will be
 * on new tweets, and a model stacked on them learns to lean on them too much (MODEL.md compares the
 * two on {@value #UNSEEN_FILE}, whose tweets the shipped model never saw).
 *
 * <p>Usage: {@code TargetedSentimentTrainer MODEL_OUT DATA_DIR [sigma,sigma,...] [folds]}.
 */
public final class TargetedSentimentTrainer {
    static final String DATA_FOLDER = "targeted";
    static final String TEST_FILE = "semeval-2016test-B.tsv";
    static final List<String> TRAIN_FILES =
            List.of(
                    "semeval-2015train-B.tsv",
                    "semeval-2015test-B.tsv",
                    "semeval-2016train-B.tsv",
                    "semeval-2016dev-B.tsv",
                    "semeval-2016devtest-B.tsv");

    /** The whole-text model's dev set: the only training tweets it never learned from. */
    static final String UNSEEN_FILE = "semeval-2016devtest-B.tsv";

    static final String MODEL_NAME = "hark-targeted-sentiment-2";
    static final long FOLD_SEED = 42;
    public static final int DEFAULT_FOLDS = 5;

    private final TargetedSentiment features;

    TargetedSentimentTrainer(TargetedSentiment features) {
        this.features = features;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println(
                    "usage: TargetedSentimentTrainer MODEL_OUT DATA_DIR [sigma,sigma,...] [folds]");
            System.exit(2);
        }
        List<Double> sigmas =
                args.length > 2
                        ? Arrays.stream(args[2].split(",")).map(Double::parseDouble).toList()
                        : List.of(0.1, 0.3, 1.0, 3.0);
        int folds = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_FOLDS;
        // Only the feature extraction of the instance is used: the model it holds is never
        // consulted.
        TargetedSentiment extractor =
                new TargetedSentiment(
                        new TargetedSentimentModel(Map.of(), 0, 0, MODEL_NAME),
                        TweetSentiment.shared());
        new TargetedSentimentTrainer(extractor)
                .run(Path.of(args[0]), Path.of(args[1]), sigmas, folds);
    }

    /**
     * The macro recall (task 4B's measure) of {@code sentiment}'s recipe cross-validated by topic
     * on the training files of {@code dataDir}: what {@link #run} printed for the sigma it chose.
     */
    public static double crossValidatedMacroRecall(
            TargetedSentiment sentiment, Path dataDir, int folds) throws IOException {
        List<Example> examples = new TargetedSentimentTrainer(sentiment).examples(dataDir, folds);
        double sigma = sentiment.model().sigma();
        return macroRecall(examples, crossValidate(examples, folds, sigma), false);
    }

    /**
     * A training tweet with its features, its fold, and the score the whole-text model of its fold
     * gives it.
     */
    record Example(
            TargetedTweet tweet,
            Counter<String> features,
            boolean unseen,
            int fold,
            double wholeTextScore) {}

    void run(Path out, Path dataDir, List<Double> sigmas, int folds) throws IOException {
        List<Example> examples = examples(dataDir, folds);
        double bestSigma = 0;
        double bestRecall = -1;
        for (double sigma : sigmas) {
            double[] outOfFold = crossValidate(examples, folds, sigma);
            double recall = macroRecall(examples, outOfFold, false);
            System.out.printf(
                    Locale.ROOT,
                    "sigma=%.3f cross-validated by topic: macro recall %.4f (%s only: %.4f)%n",
                    sigma,
                    recall,
                    UNSEEN_FILE,
                    macroRecall(examples, outOfFold, true));
            if (recall > bestRecall) {
                bestRecall = recall;
                bestSigma = sigma;
            }
        }
        double[] wholeText = examples.stream().mapToDouble(Example::wholeTextScore).toArray();
        System.out.printf(
                Locale.ROOT,
                "whole-text TweetSentiment of each fold on its tweets: macro recall %.4f (%s only: %.4f)%n",
                macroRecall(examples, wholeText, false),
                UNSEEN_FILE,
                macroRecall(examples, wholeText, true));
        TargetedSentimentModel model = train(examples, bestSigma);
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.write(stream);
        }
        System.out.printf(
                Locale.ROOT,
                "wrote %s (%d bytes), sigma %.3f, cross-validated macro recall %.4f, offset %.3f%n",
                out,
                Files.size(out),
                bestSigma,
                bestRecall,
                model.offset());
    }

    /**
     * The training tweets with their features, each from the whole-text model of its fold, which
     * never saw it.
     */
    private List<Example> examples(Path dataDir, int folds) throws IOException {
        Path folder = dataDir.resolve(DATA_FOLDER);
        Set<String> testIds = new HashSet<>();
        Path testFile = folder.resolve(TEST_FILE);
        if (Files.exists(testFile)) {
            TargetedTweet.readTsv(testFile).forEach(t -> testIds.add(t.id()));
        }
        Map<String, TargetedTweet> byIdAndTopic = new LinkedHashMap<>();
        Set<String> unseenKeys = new HashSet<>();
        int absent = 0;
        int dropped = 0;
        for (String file : TRAIN_FILES) {
            for (TargetedTweet tweet : TargetedTweet.readTsv(folder.resolve(file))) {
                if (tweet.label() == Polarity.NEUTRAL) {
                    continue;
                }
                if (testIds.contains(tweet.id())) {
                    dropped++;
                    continue;
                }
                // whether the topic occurs does not depend on the whole-text model
                if (features.features(tweet.text(), List.of(tweet.topic())) == null) {
                    absent++;
                    continue;
                }
                String key = tweet.id() + '\t' + tweet.topic();
                if (byIdAndTopic.putIfAbsent(key, tweet) == null && file.equals(UNSEEN_FILE)) {
                    unseenKeys.add(key);
                }
            }
        }
        List<TargetedTweet> tweets = new ArrayList<>(byIdAndTopic.values());
        Map<String, Integer> foldOfTopic = foldsByTopic(tweets, folds);
        List<Set<String>> idsOfFold = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            idsOfFold.add(new HashSet<>());
        }
        tweets.forEach(t -> idsOfFold.get(foldOfTopic.get(t.topic())).add(t.id()));
        Example[] examples = new Example[tweets.size()];
        TweetSentimentTrainer.trainShippedRecipeWithout(
                dataDir,
                idsOfFold,
                (model, fold) -> {
                    TweetSentiment wholeText = new TweetSentiment(model);
                    TargetedSentiment extractor = features.withWholeText(wholeText);
                    for (int i = 0; i < tweets.size(); i++) {
                        TargetedTweet tweet = tweets.get(i);
                        if (foldOfTopic.get(tweet.topic()) == fold) {
                            examples[i] =
                                    new Example(
                                            tweet,
                                            extractor.features(
                                                    tweet.text(), List.of(tweet.topic())),
                                            unseenKeys.contains(tweet.id() + '\t' + tweet.topic()),
                                            fold,
                                            wholeText.analyze(tweet.text()).score());
                        }
                    }
                });
        long positive = tweets.stream().filter(t -> t.label() == Polarity.POSITIVE).count();
        long comparatives =
                Arrays.stream(examples)
                        .filter(
                                e ->
                                        e.features().keySet().stream()
                                                .anyMatch(
                                                        TargetedSentiment.FIXED_WEIGHTS
                                                                ::containsKey))
                        .count();
        System.out.printf(
                Locale.ROOT,
                "%d positive and negative tweets (%d positive, %d topics, %d with the target in a comparative); "
                        + "left out: %d without their topic, %d in %s%n",
                examples.length,
                positive,
                foldOfTopic.size(),
                comparatives,
                absent,
                dropped,
                TEST_FILE);
        return List.of(examples);
    }

    /** Topics dealt to folds in a seeded random order, so that each fold holds whole topics. */
    private static Map<String, Integer> foldsByTopic(List<TargetedTweet> tweets, int folds) {
        List<String> topics =
                new ArrayList<>(
                        tweets.stream().map(TargetedTweet::topic).distinct().sorted().toList());
        Collections.shuffle(topics, new Random(FOLD_SEED));
        Map<String, Integer> foldOfTopic = new HashMap<>();
        for (int i = 0; i < topics.size(); i++) {
            foldOfTopic.put(topics.get(i), i % folds);
        }
        return foldOfTopic;
    }

    /** Out-of-fold log-odds of every example. */
    private static double[] crossValidate(List<Example> examples, int folds, double sigma) {
        double[] logOdds = new double[examples.size()];
        for (int fold = 0; fold < folds; fold++) {
            List<Example> train = new ArrayList<>();
            for (Example e : examples) {
                if (e.fold() != fold) {
                    train.add(e);
                }
            }
            TargetedSentimentModel model = train(train, sigma);
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).fold() == fold) {
                    logOdds[i] = model.logOdds(examples.get(i).features());
                }
            }
        }
        return logOdds;
    }

    static TargetedSentimentModel train(List<Example> examples, double sigma) {
        RVFDataset<String, String> dataset = new RVFDataset<>();
        int positive = 0;
        for (Example e : examples) {
            Counter<String> learned = new ClassicCounter<>(e.features());
            TargetedSentiment.FIXED_WEIGHTS.keySet().forEach(learned::remove);
            dataset.add(new RVFDatum<>(learned, TweetSentimentModel.label(e.tweet().label())));
            positive += e.tweet().label() == Polarity.POSITIVE ? 1 : 0;
        }
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        LinearClassifier<String, String> classifier = factory.trainClassifier(dataset);
        int p = classifier.labelIndex().indexOf(TweetSentimentModel.label(Polarity.POSITIVE));
        int n = classifier.labelIndex().indexOf(TweetSentimentModel.label(Polarity.NEGATIVE));
        double[][] weights = classifier.weights();
        Map<String, Double> logOddsWeights = new HashMap<>();
        for (int f = 0; f < weights.length; f++) {
            logOddsWeights.put(classifier.featureIndex().get(f), weights[f][p] - weights[f][n]);
        }
        logOddsWeights.putAll(TargetedSentiment.FIXED_WEIGHTS);
        // CoreNLP's classifier has no separate intercept: the "bias" feature carries it.
        double offset = -Math.log((double) positive / (examples.size() - positive));
        return new TargetedSentimentModel(logOddsWeights, offset, sigma, MODEL_NAME);
    }

    private static double macroRecall(List<Example> examples, double[] scores, boolean unseenOnly) {
        List<Polarity> gold = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (!unseenOnly || examples.get(i).unseen()) {
                gold.add(examples.get(i).tweet().label());
                kept.add(scores[i]);
            }
        }
        return SentimentEvaluation.targetedMacroRecall(gold, kept);
    }
}
