// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.Sentiment.Polarity;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained classifier plus per-class offsets added to its log-odds. The offsets are tuned on
 * dev data after training, because the official metric (macro-averaged recall) rewards recall on
 * the rare negative class more than plain likelihood does.
 *
 * @param classifier CoreNLP's L2-regularized logistic regression over {@link TweetFeatures}
 * @param offsets added to the score of each class, indexed by {@link Polarity#ordinal()}
 * @param name the model name reported in {@link io.hark.nlp.Sentiment#model()}
 */
public record TweetSentimentModel(LinearClassifier<String, String> classifier, double[] offsets, String name)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TweetSentimentModel {
    offsets = offsets.clone();
  }

  @Override
  public double[] offsets() {
    return offsets.clone();
  }

  /** Class probabilities, indexed by {@link Polarity#ordinal()}, summing to 1. */
  public double[] probabilities(Counter<String> features) {
    Counter<String> scores = classifier.scoresOf(new RVFDatum<>(features));
    double[] logits = new double[Polarity.values().length];
    double max = Double.NEGATIVE_INFINITY;
    for (Polarity p : Polarity.values()) {
      logits[p.ordinal()] = scores.getCount(label(p)) + offsets[p.ordinal()];
      max = Math.max(max, logits[p.ordinal()]);
    }
    double total = 0;
    for (int i = 0; i < logits.length; i++) {
      logits[i] = Math.exp(logits[i] - max);
      total += logits[i];
    }
    for (int i = 0; i < logits.length; i++) {
      logits[i] /= total;
    }
    return logits;
  }

  /** The label string used in the classifier for a polarity. */
  static String label(Polarity polarity) {
    return polarity.name();
  }

  public void write(OutputStream out) throws IOException {
    try (ObjectOutputStream objects = new ObjectOutputStream(new GZIPOutputStream(out))) {
      objects.writeObject(this);
    }
  }

  /** Reads a model written by {@link #write}; only for trusted model files (Java serialization). */
  public static TweetSentimentModel read(InputStream in) throws IOException {
    try (ObjectInputStream objects = new ObjectInputStream(new GZIPInputStream(in))) {
      return (TweetSentimentModel) objects.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("not a tweet sentiment model", e);
    }
  }
}
