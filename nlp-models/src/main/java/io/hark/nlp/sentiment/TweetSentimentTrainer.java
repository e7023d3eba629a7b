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
 * <p>Data: every SemEval file in the data directory except {@value #DEV_FILE} (the dev set: sigma
 * and the class offsets are chosen on it) and {@value #TEST_FILE} (never used for training or
 * tuning). Tweets whose id also occurs in the dev or test file are dropped from training so that
 * neither score is inflated by duplicates; that id check is the only use of the test file here.
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
  static final String MODEL_NAME = "hark-tweet-sentiment-1";

  private final TweetFeatures features = new TweetFeatures(SentimentLexicon.vader());

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: TweetSentimentTrainer MODEL_OUT DATA_DIR [sigma,sigma,...] [minFeatureCount]");
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
    List<LabeledTweet> train = new ArrayList<>(trainById.values());
    Set<String> inDomainIds = new HashSet<>();
    for (String file : IN_DOMAIN_FILES) {
      LabeledTweet.readTsv(dataDir.resolve(file)).forEach(t -> inDomainIds.add(t.id()));
    }
    List<LabeledTweet> inDomain = train.stream().filter(t -> inDomainIds.contains(t.id())).toList();
    for (int copy = 1; copy < inDomainCopies; copy++) {
      train.addAll(inDomain);
    }
    System.out.printf(Locale.ROOT, "train %d tweets (%d dropped as dev/test ids, 2016 tweets x%d), dev %d%n",
        train.size(), dropped, inDomainCopies, dev.size());
    System.out.println("train labels " + train.stream().collect(Collectors.groupingBy(LabeledTweet::label, Collectors.counting())));

    RVFDataset<String, String> dataset = new RVFDataset<>();
    for (LabeledTweet tweet : train) {
      dataset.add(new RVFDatum<>(features.extract(tweet.text()), TweetSentimentModel.label(tweet.label())));
    }
    dataset.applyFeatureCountThreshold(minFeatureCount);
    System.out.println("features " + dataset.numFeatures());
    List<Counter<String>> devFeatures = dev.stream().map(t -> features.extract(t.text())).toList();

    TweetSentimentModel best = null;
    double bestRecall = -1;
    for (double sigma : sigmas) {
      long start = System.nanoTime();
      LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
      factory.setSigma(sigma);
      factory.setVerbose(false);
      LinearClassifier<String, String> classifier = factory.trainClassifier(dataset);
      TweetSentimentModel untuned = new TweetSentimentModel(classifier, new double[3], MODEL_NAME);
      List<double[]> devProbabilities = devFeatures.stream().map(untuned::probabilities).toList();
      double[] offsets = tuneOffsets(devProbabilities, dev);
      TweetSentimentModel tuned = new TweetSentimentModel(classifier, offsets, MODEL_NAME);
      SentimentEvaluation.Scores plain = SentimentEvaluation.score(labels(dev), predict(devProbabilities, new double[3]));
      SentimentEvaluation.Scores withOffsets = SentimentEvaluation.score(labels(dev), predict(devProbabilities, offsets));
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
        best = tuned;
      }
    }
    try (OutputStream stream = Files.newOutputStream(out)) {
      best.write(stream);
    }
    System.out.printf(Locale.ROOT, "wrote %s (%d bytes), dev macro recall %.4f%n", out, Files.size(out), bestRecall);
  }

  /**
   * The log-odds offsets (neutral fixed at 0) maximizing dev macro recall, by grid search. Two
   * parameters on 2,000 tweets: little room to overfit.
   */
  static double[] tuneOffsets(List<double[]> probabilities, List<LabeledTweet> gold) {
    List<Polarity> labels = labels(gold);
    double[] best = new double[3];
    double bestRecall = -1;
    for (double negative = -1; negative <= 2.0001; negative += 0.05) {
      for (double positive = -1; positive <= 1.5001; positive += 0.05) {
        double[] offsets = {negative, 0, positive};
        double recall = SentimentEvaluation.score(labels, predict(probabilities, offsets)).macroRecall();
        if (recall > bestRecall + 1e-9) {
          bestRecall = recall;
          best = new double[] {round(negative), 0, round(positive)};
        }
      }
    }
    return best;
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
