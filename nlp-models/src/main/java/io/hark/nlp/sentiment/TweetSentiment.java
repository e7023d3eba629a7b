// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.Sentiment;
import io.hark.nlp.Sentiment.Polarity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Tweet-tuned sentiment: a linear classifier over {@link TweetFeatures}, trained by
 * {@link TweetSentimentTrainer} on the SemEval tweet sets. Far faster than
 * {@link io.hark.nlp.CoreNlpSentiment} (no parsing) and better on tweets; see MODEL.md next to the
 * model file for its scores.
 *
 * <p>Immutable and thread-safe; {@link #shared()} loads the shipped model once per JVM.
 */
public final class TweetSentiment {
  public static final String MODEL_RESOURCE = "tweet-sentiment.ser.gz";

  private static volatile TweetSentiment shared;

  private final TweetSentimentModel model;
  private final TweetFeatures features = new TweetFeatures(SentimentLexicon.vader());

  public TweetSentiment(TweetSentimentModel model) {
    this.model = model;
  }

  /** The JVM's instance of the shipped model, loaded on first use. */
  public static TweetSentiment shared() {
    TweetSentiment instance = shared;
    if (instance == null) {
      synchronized (TweetSentiment.class) {
        instance = shared;
        if (instance == null) {
          instance = new TweetSentiment(loadShippedModel());
          shared = instance;
        }
      }
    }
    return instance;
  }

  public String modelName() {
    return model.name();
  }

  /**
   * The sentiment of {@code text}. Never throws: null, empty or unprocessable input is neutral with
   * a uniform confidence.
   */
  public Sentiment analyze(String text) {
    try {
      double[] p = probabilities(features(text));
      return Sentiment.fromProbabilities(
          p[Polarity.NEGATIVE.ordinal()], p[Polarity.NEUTRAL.ordinal()], p[Polarity.POSITIVE.ordinal()], model.name());
    } catch (RuntimeException | StackOverflowError e) {
      return new Sentiment(Polarity.NEUTRAL, 0, 1.0 / 3, model.name());
    }
  }

  /** The {@link TweetFeatures} of {@code text}, for models that build on this one ({@link TargetedSentiment}). */
  Counter<String> features(String text) {
    return features.extract(text);
  }

  /**
   * The class probabilities of a text's {@link #features}, indexed by {@link Polarity#ordinal()};
   * unlike {@link #analyze} it may throw.
   */
  double[] probabilities(Counter<String> textFeatures) {
    return model.probabilities(textFeatures);
  }

  private static TweetSentimentModel loadShippedModel() {
    try (InputStream in = TweetSentiment.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing model resource " + MODEL_RESOURCE);
      }
      return TweetSentimentModel.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
