// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.Sentiment.Polarity;
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
import java.util.stream.Collectors;

/**
 * Trains the tweet sentiment model with CoreNLP's {@link LinearClassifierFactory} (L2-regularized
 * multinomial logistic regression, quasi-Newton).
 *
 * <p>Data: every SemEval file in the data directory except {@value #DEV_FILE} (the dev set: sigma is
 * chosen on it) and {@value #TEST_FILE} (never used for training or tuning), plus the everyday
 * tweets of {@value #EXTRA_FILE}. Tweets whose id also occurs in the dev or test file are dropped
 * from training so that neither score is inflated by duplicates; that id check is the only use of
 * the test file here. The distant model ({@link TweetSentimentModel}) learns from
 * {@value #DISTANT_FILE} alone.
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
          "semeval-2013train.tsv", "semeval-2013dev.tsv", "semeval-2013test.tsv", "semeval-2014test.tsv",
          "semeval-2015train.tsv", "semeval-2015test.tsv", "semeval-2016train.tsv", "semeval-2016dev.tsv");
  /** The 2016 files are closest to the dev and test tweets (same year, topic-directed). */
  static final Set<String> IN_DOMAIN_FILES = Set.of("semeval-2016train.tsv", "semeval-2016dev.tsv");
  /** Kaggle's Tweet Sentiment Extraction: three-class everyday tweets, not topic-directed. */
  static final String EXTRA_FILE = "extra/tweet-sentiment-extraction.tsv";
  /** Sentiment140: positive and negative by their emoticons, for the distant model only. */
  static final String DISTANT_FILE = "extra/sentiment140-100k.tsv";
  /** Set once, not tuned: 100k tweets need less regularization than the main model's 58k. */
  static final double DISTANT_SIGMA = 1.0;
  static final int DISTANT_MIN_FEATURE_COUNT = 3;
  static final String MODEL_NAME = "hark-tweet-sentiment-2";

  private final TweetFeatures features = new TweetFeatures(SentimentLexicon.vader());

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: TweetSentimentTrainer MODEL_OUT DATA_DIR [sigma,sigma,...] [minFeatureCount] [inDomainCopies]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path dataDir = Path.of(args[1]);
    List<Double> sigmas =
        args.length > 2
            ? java.util.Arrays.stream(args[2].split(",")).map(Double::parseDouble).toList()
            : List.of(0.25, 0.5, 1.0, 2.0);
    int minFeatureCount = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int inDomainCopies = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    new TweetSentimentTrainer().run(out, dataDir, sigmas, minFeatureCount, inDomainCopies);
  }

  void run(Path out, Path dataDir, List<Double> sigmas, int minFeatureCount, int inDomainCopies) throws IOException {
    List<LabeledTweet> dev = LabeledTweet.readTsv(dataDir.resolve(DEV_FILE));
    Set<String> heldOutIds = new HashSet<>();
    dev.forEach(t -> heldOutIds.add(t.id()));
    Path testFile = dataDir.resolve(TEST_FILE);
    if (Files.exists(testFile)) {
      LabeledTweet.readTsv(testFile).forEach(t -> heldOutIds.add(t.id()));
    }
    List<LabeledTweet> semeval = semevalTraining(dataDir, heldOutIds, inDomainCopies);
    List<LabeledTweet> extra =
        LabeledTweet.readTsv(dataDir.resolve(EXTRA_FILE)).stream().filter(t -> !heldOutIds.contains(t.id())).toList();
    List<LabeledTweet> train = new ArrayList<>(semeval);
    train.addAll(extra);
    System.out.printf(Locale.ROOT, "train %d tweets (SemEval %d with the 2016 tweets x%d, extra %d), dev %d%n",
        train.size(), semeval.size(), inDomainCopies, extra.size(), dev.size());
    System.out.println("train labels " + train.stream().collect(Collectors.groupingBy(LabeledTweet::label, Collectors.counting())));

    LinearClassifier<String, String> distantClassifier = trainDistantClassifier(dataDir.resolve(DISTANT_FILE));
    RVFDataset<String, String> dataset = dataset(train, distantClassifier, minFeatureCount);
    double[] offsets = balancedOffsets(train);
    List<Counter<String>> devFeatures = features(dev);

    TweetSentimentModel best = null;
    double bestSigma = 0;
    double bestRecall = -1;
    for (double sigma : sigmas) {
      long start = System.nanoTime();
      TweetSentimentModel model =
          new TweetSentimentModel(train(dataset, sigma), distantClassifier, offsets, MODEL_NAME);
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
    System.out.printf(Locale.ROOT, "wrote %s (%d bytes), sigma %.3f, dev macro recall %.4f%n", out, Files.size(out), bestSigma, bestRecall);
    scoreWithoutExtra(semeval, extra, distantClassifier, bestSigma, minFeatureCount);
  }

  private static List<LabeledTweet> semevalTraining(Path dataDir, Set<String> heldOutIds, int inDomainCopies)
      throws IOException {
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
    System.out.printf(Locale.ROOT, "SemEval: %d distinct tweets, %d dropped as dev/test ids%n", trainById.size(), dropped);
    List<LabeledTweet> train = new ArrayList<>(trainById.values());
    Set<String> inDomainIds = new HashSet<>();
    for (String file : IN_DOMAIN_FILES) {
      LabeledTweet.readTsv(dataDir.resolve(file)).forEach(t -> inDomainIds.add(t.id()));
    }
    List<LabeledTweet> inDomain = train.stream().filter(t -> inDomainIds.contains(t.id())).toList();
    for (int copy = 1; copy < inDomainCopies; copy++) {
      train.addAll(inDomain);
    }
    return train;
  }

  private LinearClassifier<String, String> trainDistantClassifier(Path file) throws IOException {
    long start = System.nanoTime();
    RVFDataset<String, String> dataset = new RVFDataset<>();
    for (LabeledTweet tweet : LabeledTweet.readTsv(file)) {
      dataset.add(new RVFDatum<>(features.extract(tweet.text()), TweetSentimentModel.label(tweet.label())));
    }
    dataset.applyFeatureCountThreshold(DISTANT_MIN_FEATURE_COUNT);
    LinearClassifier<String, String> classifier = train(dataset, DISTANT_SIGMA);
    System.out.printf(Locale.ROOT, "distant model: %d tweets, %d features (%.0fs)%n",
        dataset.size(), dataset.numFeatures(), (System.nanoTime() - start) / 1e9);
    return classifier;
  }

  /**
   * The model trained on SemEval alone, with its own balanced offsets, scored on the extra set:
   * how the choices made here carry over to tweets of another kind.
   */
  private void scoreWithoutExtra(
      List<LabeledTweet> semeval, List<LabeledTweet> extra, LinearClassifier<String, String> distantClassifier,
      double sigma, int minFeatureCount) {
    RVFDataset<String, String> dataset = dataset(semeval, distantClassifier, minFeatureCount);
    double[] offsets = balancedOffsets(semeval);
    TweetSentimentModel model = new TweetSentimentModel(train(dataset, sigma), distantClassifier, offsets, MODEL_NAME);
    List<Counter<String>> extraFeatures = features(extra);
    System.out.printf(Locale.ROOT, "trained without %s (offsets %s), scored on it: plain %s | offsets %s%n",
        EXTRA_FILE, java.util.Arrays.toString(offsets),
        score(model, extraFeatures, extra, new double[3]), score(model, extraFeatures, extra, offsets));
  }

  private RVFDataset<String, String> dataset(
      List<LabeledTweet> tweets, LinearClassifier<String, String> distantClassifier, int minFeatureCount) {
    RVFDataset<String, String> dataset = new RVFDataset<>();
    for (LabeledTweet tweet : tweets) {
      Counter<String> tweetFeatures = features.extract(tweet.text());
      TweetSentimentModel.addDistantFeatures(distantClassifier, tweetFeatures);
      dataset.add(new RVFDatum<>(tweetFeatures, TweetSentimentModel.label(tweet.label())));
    }
    dataset.applyFeatureCountThreshold(minFeatureCount);
    System.out.println("features " + dataset.numFeatures());
    return dataset;
  }

  /** Features without the distant ones: {@link TweetSentimentModel#probabilities} adds those. */
  private List<Counter<String>> features(List<LabeledTweet> tweets) {
    return tweets.stream().map(t -> features.extract(t.text())).toList();
  }

  private static LinearClassifier<String, String> train(RVFDataset<String, String> dataset, double sigma) {
    LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
    factory.setSigma(sigma);
    factory.setVerbose(false);
    return factory.trainClassifier(dataset);
  }

  private static SentimentEvaluation.Scores score(
      TweetSentimentModel model, List<Counter<String>> tweetFeatures, List<LabeledTweet> gold, double[] offsets) {
    TweetSentimentModel untuned = new TweetSentimentModel(model.classifier(), model.distantClassifier(), new double[3], MODEL_NAME);
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

  private static List<Polarity> predict(List<double[]> probabilities, double[] offsets) {
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
