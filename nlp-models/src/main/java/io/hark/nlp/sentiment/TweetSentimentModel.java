// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.TextSentiment.Polarity;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The trained classifier plus per-class offsets added to its log-odds. The offsets are chosen after
 * training, because the official metric (macro-averaged recall) rewards recall on the rare negative
 * class more than plain likelihood does.
 *
 * <p>The classifier also reads two features from a distantly supervised model: a positive/negative
 * classifier trained on 100k tweets labelled only by their emoticons (Sentiment140). Its log-odds
 * carry what those many tweets teach about polar words, without their noisy labels and topic drift
 * weighing as much as the hand-labelled tweets: the classifier learns how far to trust them.
 *
 * <p>Both classifiers' weights are looked up together, once per feature, from a table built when
 * the model is {@link #read} (or, for a model just trained, on first use): scoring with the two
 * CoreNLP classifiers in turn took about 40% longer.
 *
 * <p>A domain-adapted model ({@link DomainAdaptation}) also has a general model: the log of each of
 * its class probabilities is three more features ({@code general:NEGATIVE} ...), so the classifier,
 * trained on in-domain labels alone, starts from the general model's judgement and corrects it.
 */
public final class TweetSentimentModel implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Distant log-odds beyond this carry no more information, only the noise of long texts. */
    private static final double MAX_DISTANT_LOG_ODDS = 12;

    static final String DISTANT_LOG_ODDS = "s140:logit";
    static final String DISTANT_STRENGTH = "s140:strength";
    private static final int CLASSES = Polarity.values().length;

    /**
     * Table columns: the main classifier's weight per class, then the distant one's log-odds
     * weight.
     */
    private static final int DISTANT_COLUMN = CLASSES;

    /** Smallest general probability taken into account: keeps its log finite. */
    private static final double MIN_GENERAL_PROBABILITY = 1e-6;

    private final LinearClassifier<String, String> classifier;
    private final LinearClassifier<String, String> distantClassifier;
    private final double[] offsets;
    private final String name;

    /** Null for a general model; models written before domain adaptation read as general ones. */
    private final TweetSentimentModel general;

    /** Never modified once built: safe to share between threads. */
    private transient volatile HashedWeights weightTable;

    /**
     * @param classifier CoreNLP's L2-regularized logistic regression over {@link TweetFeatures}
     *     plus the distant features
     * @param distantClassifier the positive/negative model over {@link TweetFeatures}
     * @param offsets added to the score of each class, indexed by {@link Polarity#ordinal()}
     * @param name the model name reported in {@link io.hark.nlp.TextSentiment#model()}
     */
    public TweetSentimentModel(
            LinearClassifier<String, String> classifier,
            LinearClassifier<String, String> distantClassifier,
            double[] offsets,
            String name) {
        this(classifier, distantClassifier, offsets, name, null);
    }

    /**
     * A domain-adapted model: {@code classifier} also reads the {@link #addGeneralFeatures general
     * features} of {@code general}, which is null for a general model.
     */
    public TweetSentimentModel(
            LinearClassifier<String, String> classifier,
            LinearClassifier<String, String> distantClassifier,
            double[] offsets,
            String name,
            TweetSentimentModel general) {
        this.classifier = classifier;
        this.distantClassifier = distantClassifier;
        this.offsets = offsets.clone();
        this.name = name;
        this.general = general;
    }

    /** The same classifiers with other offsets. */
    public TweetSentimentModel withOffsets(double[] newOffsets) {
        return new TweetSentimentModel(classifier, distantClassifier, newOffsets, name, general);
    }

    public LinearClassifier<String, String> classifier() {
        return classifier;
    }

    public LinearClassifier<String, String> distantClassifier() {
        return distantClassifier;
    }

    public double[] offsets() {
        return offsets.clone();
    }

    public String name() {
        return name;
    }

    /** The general model a domain-adapted model corrects, or null for a general model. */
    public TweetSentimentModel general() {
        return general;
    }

    /**
     * Class probabilities for {@link TweetFeatures}, indexed by {@link Polarity#ordinal()}, summing
     * to 1.
     */
    public double[] probabilities(Counter<String> features) {
        HashedWeights table = weightTable();
        double[] logits = new double[CLASSES];
        double distantLogOdds = 0;
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            int row = table.row(feature.getKey());
            if (row >= 0) {
                double value = feature.getValue();
                for (int c = 0; c < CLASSES; c++) {
                    logits[c] += table.weight(row, c) * value;
                }
                distantLogOdds += table.weight(row, DISTANT_COLUMN) * value;
            }
        }
        distantLogOdds =
                Math.max(-MAX_DISTANT_LOG_ODDS, Math.min(MAX_DISTANT_LOG_ODDS, distantLogOdds));
        double[] generalLogProbabilities =
                general == null ? null : generalLogProbabilities(general, features);
        int logOddsRow = table.row(DISTANT_LOG_ODDS);
        int strengthRow = table.row(DISTANT_STRENGTH);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            logits[c] +=
                    table.weight(logOddsRow, c) * (distantLogOdds / 4)
                            + table.weight(strengthRow, c) * (Math.abs(distantLogOdds) / 4)
                            + offsets[c];
            if (generalLogProbabilities != null) {
                for (Polarity p : Polarity.values()) {
                    logits[c] +=
                            table.weight(table.row(generalFeature(p)), c)
                                    * generalLogProbabilities[p.ordinal()];
                }
            }
            max = Math.max(max, logits[c]);
        }
        double total = 0;
        for (int c = 0; c < CLASSES; c++) {
            logits[c] = Math.exp(logits[c] - max);
            total += logits[c];
        }
        for (int c = 0; c < CLASSES; c++) {
            logits[c] /= total;
        }
        return logits;
    }

    /**
     * The distant features the classifier was trained with: the distant model's positive-versus-
     * negative log-odds, scaled to roughly [-3, 3], and their size, which tells polar from neutral
     * texts. {@link #probabilities} computes the same without building them.
     */
    static void addDistantFeatures(
            LinearClassifier<String, String> distantClassifier, Counter<String> features) {
        Counter<String> scores = distantClassifier.scoresOf(new RVFDatum<>(features));
        double logOdds =
                scores.getCount(label(Polarity.POSITIVE))
                        - scores.getCount(label(Polarity.NEGATIVE));
        logOdds = Math.max(-MAX_DISTANT_LOG_ODDS, Math.min(MAX_DISTANT_LOG_ODDS, logOdds));
        features.setCount(DISTANT_LOG_ODDS, logOdds / 4);
        features.setCount(DISTANT_STRENGTH, Math.abs(logOdds) / 4);
    }

    /**
     * Adds the general model's view of a text, the log of each class probability, to its features;
     * {@code tweetFeatures} are the text's {@link TweetFeatures} alone.
     */
    static void addGeneralFeatures(
            TweetSentimentModel general, Counter<String> tweetFeatures, Counter<String> features) {
        double[] logProbabilities = generalLogProbabilities(general, tweetFeatures);
        for (Polarity p : Polarity.values()) {
            features.setCount(generalFeature(p), logProbabilities[p.ordinal()]);
        }
    }

    private static double[] generalLogProbabilities(
            TweetSentimentModel general, Counter<String> tweetFeatures) {
        double[] p = general.probabilities(tweetFeatures);
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.log(Math.max(MIN_GENERAL_PROBABILITY, p[c]));
        }
        return p;
    }

    static String generalFeature(Polarity polarity) {
        return "general:" + label(polarity);
    }

    private HashedWeights weightTable() {
        HashedWeights table = weightTable;
        if (table == null) {
            table = buildWeightTable();
            weightTable = table;
        }
        return table;
    }

    private HashedWeights buildWeightTable() {
        double[][] weights = classifier.weights();
        double[][] distantWeights = distantClassifier.weights();
        int positive = distantClassifier.labelIndex().indexOf(label(Polarity.POSITIVE));
        int negative = distantClassifier.labelIndex().indexOf(label(Polarity.NEGATIVE));
        return HashedWeights.build(
                weights.length + distantWeights.length,
                CLASSES + 1,
                table -> {
                    for (int f = 0; f < weights.length; f++) {
                        for (Polarity p : Polarity.values()) {
                            int l = classifier.labelIndex().indexOf(label(p));
                            table.set(classifier.featureIndex().get(f), p.ordinal(), weights[f][l]);
                        }
                    }
                    for (int f = 0; f < distantWeights.length; f++) {
                        table.set(
                                distantClassifier.featureIndex().get(f),
                                DISTANT_COLUMN,
                                distantWeights[f][positive] - distantWeights[f][negative]);
                    }
                });
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

    /**
     * Reads a model written by {@link #write}; only for trusted model files (Java serialization).
     *
     * @throws IOException if the stream cannot be read or does not hold a tweet sentiment model
     */
    public static TweetSentimentModel read(InputStream in) throws IOException {
        Object model;
        try (ObjectInputStream objects = new ObjectInputStream(new GZIPInputStream(in))) {
            model = objects.readObject();
        } catch (ClassNotFoundException
                | ZipException
                | StreamCorruptedException
                | EOFException e) {
            throw new IOException("not a Hark tweet sentiment model (" + e + ")", e);
        }
        if (!(model instanceof TweetSentimentModel sentimentModel)) {
            throw new IOException(
                    "not a Hark tweet sentiment model (it holds a "
                            + model.getClass().getName()
                            + ")");
        }
        // Built here, where the models load, not by the first texts scored: about 0.6 s alone.
        for (TweetSentimentModel m = sentimentModel; m != null; m = m.general) {
            m.weightTable();
        }
        return sentimentModel;
    }
}
