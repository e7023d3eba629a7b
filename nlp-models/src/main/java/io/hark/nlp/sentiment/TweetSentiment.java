// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.TextSentiment;
import io.hark.nlp.TextSentiment.Polarity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Tweet-tuned sentiment: a linear classifier over {@link TweetFeatures}, trained by {@link
 * TweetSentimentTrainer} on the SemEval tweet sets. Far faster than {@link
 * io.hark.nlp.CoreNlpSentiment} (no parsing) and better on tweets; see MODEL.md next to the model
 * file for its scores.
 *
 * <p>Immutable and thread-safe; {@link #shared()} loads the shipped model once per JVM, {@link
 * #load(Path)} a model written by {@code scripts/hark train-sentiment}, such as a domain-adapted
 * one.
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

    /**
     * Loads the model in {@code file} (gzipped Java serialization: trusted files only). Each call
     * reads the file anew; a domain-adapted model, which holds its general model, takes a few
     * seconds and about as much heap as the shipped one.
     *
     * @throws IOException if the file cannot be read or is not a Hark tweet sentiment model; the
     *     message names the file
     */
    public static TweetSentiment load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new TweetSentiment(TweetSentimentModel.read(in));
        } catch (NoSuchFileException e) {
            throw new IOException("no sentiment model file " + file, e);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The model, such as the general one to adapt to a domain. */
    public TweetSentimentModel model() {
        return model;
    }

    public String modelName() {
        return model.name();
    }

    /**
     * The sentiment of {@code text}. Never throws: null, empty or unprocessable input is neutral
     * with a uniform confidence.
     */
    public TextSentiment analyze(String text) {
        try {
            return sentiment(probabilities(features(text)));
        } catch (RuntimeException | StackOverflowError e) {
            return TextSentiment.unprocessable(model.name());
        }
    }

    /** The sentiment for class {@link #probabilities}. */
    TextSentiment sentiment(double[] p) {
        return TextSentiment.fromProbabilities(
                p[Polarity.NEGATIVE.ordinal()],
                p[Polarity.NEUTRAL.ordinal()],
                p[Polarity.POSITIVE.ordinal()],
                model.name());
    }

    /**
     * The {@link TweetFeatures} of {@code text}, for models that build on this one ({@link
     * TargetedSentiment}).
     */
    Counter<String> features(String text) {
        return features.extract(text);
    }

    /** The word n-gram features of {@link #features}, with the same values, and no others. */
    Counter<String> wordFeatures(String text) {
        return features.extractWords(text);
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
