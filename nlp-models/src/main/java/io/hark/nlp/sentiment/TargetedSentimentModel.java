// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.stats.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The weights of {@link TargetedSentiment}'s positive-versus-negative logistic regression, one per
 * feature, plus an offset added to its log-odds. The offset is minus the log-odds of the training
 * labels: the classes are weighed equally, as the task's measure (recall averaged over positive and
 * negative) does, whatever their shares in the texts met (see {@link
 * TweetSentimentTrainer#balancedOffsets}).
 */
public final class TargetedSentimentModel implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Never modified after construction: safe to share between threads. */
    private final HashMap<String, Double> weights;

    private final double offset;
    private final double sigma;
    private final String name;

    /**
     * @param weights positive-minus-negative weight per feature
     * @param offset added to the log-odds
     * @param sigma the Gaussian prior it was trained with, so that its recipe can be
     *     cross-validated again
     * @param name the model name reported in {@link io.hark.nlp.TextSentiment#model()}
     */
    public TargetedSentimentModel(
            Map<String, Double> weights, double offset, double sigma, String name) {
        this.weights = new HashMap<>(weights);
        this.offset = offset;
        this.sigma = sigma;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public double offset() {
        return offset;
    }

    public double sigma() {
        return sigma;
    }

    /**
     * The positive-versus-negative log-odds of {@link TargetedSentiment}'s features, offset
     * included.
     */
    public double logOdds(Counter<String> features) {
        double sum = offset;
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            Double weight = weights.get(feature.getKey());
            if (weight != null) {
                sum += weight * feature.getValue();
            }
        }
        return sum;
    }

    public void write(OutputStream out) throws IOException {
        try (ObjectOutputStream objects = new ObjectOutputStream(new GZIPOutputStream(out))) {
            objects.writeObject(this);
        }
    }

    /**
     * Reads a model written by {@link #write}; only for trusted model files (Java serialization).
     */
    public static TargetedSentimentModel read(InputStream in) throws IOException {
        try (ObjectInputStream objects = new ObjectInputStream(new GZIPInputStream(in))) {
            return (TargetedSentimentModel) objects.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("not a targeted sentiment model", e);
        }
    }
}
