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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;

/**
 * Trains the tweet sentiment model with CoreNLP's {@link LinearClassifierFactory} (L2-regularized
 * multinomial logistic regression, quasi-Newton).
 *
 * <p>Data: every SemEval file in the data directory except {@value #DEV_FILE} (the dev set: sigma
 * is chosen on it) and {@value #TEST_FILE} (never used for training or tuning), plus the everyday
 * tweets of {@value #EXTRA_FILE}. Tweets whose id also occurs in the dev or test file are dropped
 * from training so that neither score is inflated by duplicates; that id check is the only use of
 * the test file here. The distant model ({@link TweetSentimentModel}) learns from {@value
 * #DISTANT_FILE} alone.
 *
 * <p>After training, the model is also retrained without the extra set and scored on it: a proxy
 * for how it does on tweets unlike any it was trained on.
 *
 * <p>Usage: {@code TweetSentimentTrainer MODEL_OUT DATA_DIR [sigma,sigma,...] [minFeatureCount]
 * [inDomainCopies]}; the last repeats the 2016 training tweets to weight them up.
 */
public final class TweetSentimentTrainer {
    static final String DEV_FILE = "semeval-2016devtest.tsv";
    static final String TEST_FILE = "semeval-2016test.tsv";
    static final List<String> TRAIN_FILES =
            List.of(
                    "semeval-2013train.tsv",
                    "semeval-2013dev.tsv",
                    "semeval-2013test.tsv",
                    "semeval-2014test.tsv",
                    "semeval-2015train.tsv",
                    "semeval-2015test.tsv",
                    "semeval-2016train.tsv",
                    "semeval-2016dev.tsv");

    /** The 2016 files are closest to the dev and test tweets (same year, topic-directed). */
    static final Set<String> IN_DOMAIN_FILES =
            Set.of("semeval-2016train.tsv", "semeval-2016dev.tsv");

    /** Kaggle's Tweet Sentiment Extraction: three-class everyday tweets, not topic-directed. */
    static final String EXTRA_FILE = "extra/tweet-sentiment-extraction.tsv";

    /** Sentiment140: positive and negative by their emoticons, for the distant model only. */
    static final String DISTANT_FILE = "extra/sentiment140-100k.tsv";

    /** Set once, not tuned: 100k tweets need less regularization than the main model's 58k. */
    static final double DISTANT_SIGMA = 1.0;

    static final int DISTANT_MIN_FEATURE_COUNT = 3;
    static final String MODEL_NAME = "hark-tweet-sentiment-2";

    /**
     * The shipped model's settings (MODEL.md): sigma chosen on dev, features' minimum count, 2016
     * repeats.
     */
    public static final double SHIPPED_SIGMA = 0.5;

    public static final int SHIPPED_MIN_FEATURE_COUNT = 2;
    public static final int SHIPPED_IN_DOMAIN_COPIES = 3;

    static final TweetFeatures FEATURES = new TweetFeatures(SentimentLexicon.vader());

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println(
                    "usage: TweetSentimentTrainer MODEL_OUT DATA_DIR [sigma,sigma,...] [minFeatureCount] [inDomainCopies]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        List<Double> sigmas =
                args.length > 2
                        ? java.util.Arrays.stream(args[2].split(","))
                                .map(Double::parseDouble)
                                .toList()
                        : List.of(0.25, 0.5, 1.0, 2.0);
        int minFeatureCount = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int inDomainCopies = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        run(out, dataDir, sigmas, minFeatureCount, inDomainCopies);
    }

    static void run(
            Path out, Path dataDir, List<Double> sigmas, int minFeatureCount, int inDomainCopies)
            throws IOException {
        List<LabeledTweet> dev = LabeledTweet.readTsv(dataDir.resolve(DEV_FILE));
        Set<String> heldOutIds = heldOutIds(dataDir);
        List<LabeledTweet> semeval = semevalTraining(dataDir, heldOutIds, inDomainCopies);
        List<LabeledTweet> extra = extraSet(dataDir, heldOutIds);
        List<LabeledTweet> train = new ArrayList<>(semeval);
        train.addAll(extra);
        System.out.printf(
                Locale.ROOT,
                "train %d tweets (SemEval %d with the 2016 tweets x%d, extra %d), dev %d%n",
                train.size(),
                semeval.size(),
                inDomainCopies,
                extra.size(),
                dev.size());
        System.out.println(
                "train labels "
                        + train.stream()
                                .collect(
                                        Collectors.groupingBy(
                                                LabeledTweet::label, Collectors.counting())));

        LinearClassifier<String, String> distantClassifier =
                trainDistantClassifier(dataDir.resolve(DISTANT_FILE));
        RVFDataset<String, String> dataset =
                dataset(datums(train, distantClassifier, null), minFeatureCount);
        System.out.println("features " + dataset.numFeatures());
        double[] offsets = balancedOffsets(train);
        List<Counter<String>> devFeatures = features(dev);

        TweetSentimentModel best = null;
        double bestSigma = 0;
        double bestRecall = -1;
        for (double sigma : sigmas) {
            long start = System.nanoTime();
            TweetSentimentModel model =
                    new TweetSentimentModel(
                            train(dataset, sigma), distantClassifier, offsets, MODEL_NAME);
            SentimentEvaluation.Scores plain = score(model, devFeatures, dev, new double[3]);
            SentimentEvaluation.Scores withOffsets = score(model, devFeatures, dev, offsets);
            System.out.printf(
                    Locale.ROOT,
                    "sigma=%.3f (%.0fs) dev plain: %s | offsets %s: %s%n",
                    sigma,
                    (System.nanoTime() - start) / 1e9,
                    plain,
                    java.util.Arrays.toString(offsets),
                    withOffsets);
            if (withOffsets.macroRecall() > bestRecall) {
                bestRecall = withOffsets.macroRecall();
                bestSigma = sigma;
                best = model;
            }
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            best.write(stream);
        }
        System.out.printf(
                Locale.ROOT,
                "wrote %s (%d bytes), sigma %.3f, dev macro recall %.4f%n",
                out,
                Files.size(out),
                bestSigma,
                bestRecall);
        TweetSentimentModel withoutExtra =
                trainModel(
                        semeval, distantClassifier, null, bestSigma, minFeatureCount, MODEL_NAME);
        List<Counter<String>> extraFeatures = features(extra);
        System.out.printf(
                Locale.ROOT,
                "trained without %s (offsets %s), scored on it: plain %s | offsets %s%n",
                EXTRA_FILE,
                java.util.Arrays.toString(withoutExtra.offsets()),
                score(withoutExtra, extraFeatures, extra, new double[3]),
                score(withoutExtra, extraFeatures, extra, withoutExtra.offsets()));
    }

    /**
     * The shipped model's recipe without the extra set, with the shipped settings: the general
     * model for tweets of the extra set's kind, before any label of that kind. Takes a few minutes.
     */
    public static TweetSentimentModel trainWithoutExtra(Path dataDir) throws IOException {
        List<LabeledTweet> semeval =
                semevalTraining(dataDir, heldOutIds(dataDir), SHIPPED_IN_DOMAIN_COPIES);
        LinearClassifier<String, String> distantClassifier =
                trainDistantClassifier(dataDir.resolve(DISTANT_FILE));
        return trainWithShippedSettings(semeval, distantClassifier);
    }

    private static TweetSentimentModel trainWithShippedSettings(
            List<LabeledTweet> tweets, LinearClassifier<String, String> distantClassifier) {
        return trainModel(
                tweets,
                distantClassifier,
                null,
                SHIPPED_SIGMA,
                SHIPPED_MIN_FEATURE_COUNT,
                MODEL_NAME);
    }

    /**
     * The shipped model's recipe and settings once for each of {@code leftOutEach}, without the
     * SemEval tweets of those ids, each model handed to {@code use} with its index before the next
     * is trained (one model's weights on the heap at a time): whole-text models that never saw the
     * tweets a model stacked on them is trained on. About 40 s each.
     */
    static void trainShippedRecipeWithout(
            Path dataDir, List<Set<String>> leftOutEach, ObjIntConsumer<TweetSentimentModel> use)
            throws IOException {
        Set<String> heldOutIds = heldOutIds(dataDir);
        List<LabeledTweet> extra = extraSet(dataDir, heldOutIds);
        LinearClassifier<String, String> distantClassifier =
                trainDistantClassifier(dataDir.resolve(DISTANT_FILE));
        for (int i = 0; i < leftOutEach.size(); i++) {
            Set<String> leftOut = new HashSet<>(heldOutIds);
            leftOut.addAll(leftOutEach.get(i));
            List<LabeledTweet> train =
                    new ArrayList<>(semevalTraining(dataDir, leftOut, SHIPPED_IN_DOMAIN_COPIES));
            train.addAll(extra);
            use.accept(trainWithShippedSettings(train, distantClassifier), i);
        }
    }

    /** The extra set, without tweets whose id is in the dev or test file. */
    public static List<LabeledTweet> extraSet(Path dataDir) throws IOException {
        return extraSet(dataDir, heldOutIds(dataDir));
    }

    private static List<LabeledTweet> extraSet(Path dataDir, Set<String> heldOutIds)
            throws IOException {
        return LabeledTweet.readTsv(dataDir.resolve(EXTRA_FILE)).stream()
                .filter(t -> !heldOutIds.contains(t.id()))
                .toList();
    }

    private static Set<String> heldOutIds(Path dataDir) throws IOException {
        Set<String> heldOutIds = new HashSet<>();
        LabeledTweet.readTsv(dataDir.resolve(DEV_FILE)).forEach(t -> heldOutIds.add(t.id()));
        Path testFile = dataDir.resolve(TEST_FILE);
        if (Files.exists(testFile)) {
            LabeledTweet.readTsv(testFile).forEach(t -> heldOutIds.add(t.id()));
        }
        return heldOutIds;
    }

    private static List<LabeledTweet> semevalTraining(
            Path dataDir, Set<String> heldOutIds, int inDomainCopies) throws IOException {
        Map<String, LabeledTweet> trainById = new LinkedHashMap<>();
        int dropped = 0;
        for (String file : TRAIN_FILES) {
            for (LabeledTweet tweet : LabeledTweet.readTsv(dataDir.resolve(file))) {
                if (heldOutIds.contains(tweet.id())) {
                    dropped++;
                } else {
                    trainById.putIfAbsent(tweet.id(), tweet);
                }
            }
        }
        System.err.printf(
                Locale.ROOT,
                "SemEval: %d distinct tweets, %d dropped as held-out ids%n",
                trainById.size(),
                dropped);
        List<LabeledTweet> train = new ArrayList<>(trainById.values());
        Set<String> inDomainIds = new HashSet<>();
        for (String file : IN_DOMAIN_FILES) {
            LabeledTweet.readTsv(dataDir.resolve(file)).forEach(t -> inDomainIds.add(t.id()));
        }
        List<LabeledTweet> inDomain =
                train.stream().filter(t -> inDomainIds.contains(t.id())).toList();
        for (int copy = 1; copy < inDomainCopies; copy++) {
            train.addAll(inDomain);
        }
        return train;
    }

    private static LinearClassifier<String, String> trainDistantClassifier(Path file)
            throws IOException {
        long start = System.nanoTime();
        RVFDataset<String, String> dataset = new RVFDataset<>();
        for (LabeledTweet tweet : LabeledTweet.readTsv(file)) {
            dataset.add(
                    new RVFDatum<>(
                            FEATURES.extract(tweet.text()),
                            TweetSentimentModel.label(tweet.label())));
        }
        dataset.applyFeatureCountThreshold(DISTANT_MIN_FEATURE_COUNT);
        LinearClassifier<String, String> classifier = train(dataset, DISTANT_SIGMA);
        System.err.printf(
                Locale.ROOT,
                "distant model: %d tweets, %d features (%.0fs)%n",
                dataset.size(),
                dataset.numFeatures(),
                (System.nanoTime() - start) / 1e9);
        return classifier;
    }

    /**
     * Trains a model on {@code tweets} with their balanced offsets; a domain-adapted one if {@code
     * general} is not null.
     */
    static TweetSentimentModel trainModel(
            List<LabeledTweet> tweets,
            LinearClassifier<String, String> distantClassifier,
            TweetSentimentModel general,
            double sigma,
            int minFeatureCount,
            String name) {
        RVFDataset<String, String> dataset =
                dataset(datums(tweets, distantClassifier, general), minFeatureCount);
        System.err.printf(
                Locale.ROOT,
                "training on %d tweets, %d features, sigma %.2f%n",
                tweets.size(),
                dataset.numFeatures(),
                sigma);
        return new TweetSentimentModel(
                train(dataset, sigma), distantClassifier, balancedOffsets(tweets), name, general);
    }

    /**
     * The classifier's training examples: {@link TweetFeatures}, distant and (if any) general
     * features.
     */
    static List<RVFDatum<String, String>> datums(
            List<LabeledTweet> tweets,
            LinearClassifier<String, String> distantClassifier,
            TweetSentimentModel general) {
        List<RVFDatum<String, String>> datums = new ArrayList<>(tweets.size());
        for (LabeledTweet tweet : tweets) {
            Counter<String> tweetFeatures = FEATURES.extract(tweet.text());
            Counter<String> all = new ClassicCounter<>(tweetFeatures);
            TweetSentimentModel.addDistantFeatures(distantClassifier, all);
            if (general != null) {
                TweetSentimentModel.addGeneralFeatures(general, tweetFeatures, all);
            }
            datums.add(new RVFDatum<>(all, TweetSentimentModel.label(tweet.label())));
        }
        return datums;
    }

    static RVFDataset<String, String> dataset(
            List<RVFDatum<String, String>> datums, int minFeatureCount) {
        RVFDataset<String, String> dataset = new RVFDataset<>();
        datums.forEach(dataset::add);
        dataset.applyFeatureCountThreshold(minFeatureCount);
        return dataset;
    }

    /** Features without the distant ones: {@link TweetSentimentModel#probabilities} adds those. */
    static List<Counter<String>> features(List<LabeledTweet> tweets) {
        return tweets.stream().map(t -> FEATURES.extract(t.text())).toList();
    }

    static LinearClassifier<String, String> train(
            RVFDataset<String, String> dataset, double sigma) {
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        return factory.trainClassifier(dataset);
    }

    static SentimentEvaluation.Scores score(
            TweetSentimentModel model,
            List<Counter<String>> tweetFeatures,
            List<LabeledTweet> gold,
            double[] offsets) {
        TweetSentimentModel untuned = model.withOffsets(new double[3]);
        List<double[]> probabilities = tweetFeatures.stream().map(untuned::probabilities).toList();
        return SentimentEvaluation.score(labels(gold), predict(probabilities, offsets));
    }

    /**
     * Offsets of minus the log of each class's share of the training tweets (neutral fixed at 0):
     * for a calibrated model, choosing the class of the highest likelihood rather than the highest
     * posterior is what maximizes macro recall, whatever the classes' shares in the texts it meets.
     * Offsets tuned on the dev set instead did better there but worse on other data (MODEL.md).
     */
    static double[] balancedOffsets(List<LabeledTweet> train) {
        double[] counts = new double[Polarity.values().length];
        train.forEach(t -> counts[t.label().ordinal()]++);
        double[] offsets = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            offsets[c] = round(Math.log(counts[Polarity.NEUTRAL.ordinal()] / counts[c]));
        }
        return offsets;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** The class of the highest log probability plus offset for each text. */
    static List<Polarity> predict(List<double[]> probabilities, double[] offsets) {
        List<Polarity> predicted = new ArrayList<>(probabilities.size());
        for (double[] p : probabilities) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < p.length; c++) {
                double score = Math.log(p[c]) + offsets[c];
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            predicted.add(Polarity.values()[best]);
        }
        return predicted;
    }

    private static List<Polarity> labels(List<LabeledTweet> tweets) {
        return tweets.stream().map(LabeledTweet::label).toList();
    }
}
