// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.TextSentiment;
import io.hark.nlp.TextSentiment.Polarity;
import io.hark.nlp.text.SocialTextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sentiment toward a target (a brand, a person, a topic) within a text: "Forkly > DashBite. They
 * sent a driver who was super kind." is positive toward Forkly and negative toward DashBite.
 *
 * <p>A positive-versus-negative logistic regression ({@link TargetedSentimentModel}, trained by
 * {@link TargetedSentimentTrainer} on SemEval task 4B) over the text's words and a few dense
 * features: the {@link TweetSentiment} probabilities of the whole text and of the sentences that
 * mention the target, the lexicon valence of the words next to it, and where it stands in a
 * comparative. When the target is behind in a comparative, the text's sentiment features are
 * negated: what the text says goes to what the target is compared with. The whole-text model's
 * neutral probability (of the target's sentences) is kept, so the result is neutral where that
 * model finds no stance, unless a comparative takes one. When no target occurs in the text, the
 * result is the whole-text sentiment. See MODEL.md next to the model file for its scores.
 *
 * <p>Immutable and thread-safe; {@link #shared()} loads the shipped models once per JVM.
 */
public final class TargetedSentiment {
    public static final String MODEL_RESOURCE = "targeted-sentiment.ser.gz";

    /** Whole-text log-odds beyond this carry no more information. */
    private static final double MAX_LOG_ODDS = 8;

    /**
     * The words' unit-length values are doubled: a weaker prior on them than on the dense features.
     * Chosen by the trainer's cross-validation by topic (macro recall 0.8402 with 1, 0.8444 with
     * 2).
     */
    private static final double WORD_SCALE = 2;

    static final String SIDE_PREFIX = "side:";

    /**
     * The log-odds a comparative adds for the target ahead and takes for the one behind. Set by
     * hand, not trained: too few training tweets have one (the trainer prints how many) to learn
     * that "Forkly > DashBite" praises Forkly at DashBite's expense.
     */
    static final Map<String, Double> FIXED_WEIGHTS =
            Map.of(
                    SIDE_PREFIX + TargetContext.Side.AHEAD,
                    2.0,
                    SIDE_PREFIX + TargetContext.Side.BEHIND,
                    -2.0);

    private static volatile TargetedSentiment shared;

    private final TargetedSentimentModel model;
    private final TweetSentiment wholeText;
    private final SocialTextNormalizer normalizer = SocialTextNormalizer.instance();
    private final SentimentLexicon lexicon = SentimentLexicon.vader();

    public TargetedSentiment(TargetedSentimentModel model, TweetSentiment wholeText) {
        this.model = model;
        this.wholeText = wholeText;
    }

    /**
     * The JVM's instance of the shipped model, over {@link TweetSentiment#shared()}; loaded on
     * first use.
     */
    public static TargetedSentiment shared() {
        TargetedSentiment instance = shared;
        if (instance == null) {
            synchronized (TargetedSentiment.class) {
                instance = shared;
                if (instance == null) {
                    instance = new TargetedSentiment(loadShippedModel(), TweetSentiment.shared());
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /** The same targeted model over another whole-text model, such as a domain-adapted one. */
    public TargetedSentiment withWholeText(TweetSentiment otherWholeText) {
        return new TargetedSentiment(model, otherWholeText);
    }

    /** The name of the whole-text model it reads, as its sentiments give it. */
    public String wholeTextModelName() {
        return wholeText.modelName();
    }

    public String modelName() {
        return model.name();
    }

    TargetedSentimentModel model() {
        return model;
    }

    /**
     * The sentiment of {@code text} toward the target named by any of {@code targets} (phrases such
     * as {@code ["forkly", "@forkly", "#forkly"]}, matched as whole words, ignoring case, a leading
     * {@code @} or {@code #}, and the spaces between words); the whole-text sentiment when none
     * occurs. Never throws: null, empty or unprocessable input is neutral with a uniform
     * confidence.
     */
    public TextSentiment analyze(String text, List<String> targets) {
        return new Reading(text, null).toward(targets);
    }

    /**
     * {@link #analyze(String, List)} toward each of several targets, such as the queries a mention
     * matched, in order: the text's own reading is computed once for them all.
     */
    public List<TextSentiment> analyzeEach(String text, List<List<String>> targetsEach) {
        return analyzeEach(text, null, targetsEach);
    }

    /**
     * {@link #analyzeEach(String, List)}, given what the whole-text model already found for this
     * very text ({@code wholeTextSentiment}, from {@link TweetSentiment#analyze} with the same
     * model; null if unknown): the whole text is then not scored again.
     */
    public List<TextSentiment> analyzeEach(
            String text, TextSentiment wholeTextSentiment, List<List<String>> targetsEach) {
        Reading reading = new Reading(text, wholeTextSentiment);
        List<TextSentiment> sentiments = new ArrayList<>(targetsEach.size());
        for (List<String> targets : targetsEach) {
            sentiments.add(reading.toward(targets));
        }
        return sentiments;
    }

    /**
     * The classifier's features for a text in which a target occurs, or null when none does: what
     * {@link TargetedSentimentTrainer} trains on. Scaled to roughly [-2, 2] so that one prior suits
     * them.
     */
    Counter<String> features(String text, List<String> targets) {
        TargetContext.Mention mention = TargetContext.find(text, targets);
        return mention == null ? null : new Reading(text, null).features(mention);
    }

    /**
     * What the whole-text model makes of one text, computed on first need and kept for each target
     * asked about: the features of the text are the dear part.
     */
    private final class Reading {
        private final String text;
        private final TextSentiment known;
        private Counter<String> textFeatures;
        private Counter<String> wordFeatures;
        private double[] whole;

        /**
         * @param known the whole-text model's sentiment of {@code text}, or null to compute it
         */
        Reading(String text, TextSentiment known) {
            this.text = text;
            this.known = known;
        }

        TextSentiment toward(List<String> targets) {
            try {
                TargetContext.Mention mention = TargetContext.find(text, targets);
                if (mention == null) {
                    return wholeTextSentiment();
                }
                double[] near = near(mention);
                double positive = 1 / (1 + Math.exp(-model.logOdds(features(mention, near))));
                // A comparative takes a side even in words the whole-text model finds neutral
                // ("Forkly > DashBite").
                double neutral =
                        mention.side() == TargetContext.Side.NONE
                                ? near[Polarity.NEUTRAL.ordinal()]
                                : 0;
                return TextSentiment.fromProbabilities(
                        (1 - neutral) * (1 - positive),
                        neutral,
                        (1 - neutral) * positive,
                        model.name());
            } catch (RuntimeException | StackOverflowError e) {
                return TextSentiment.unprocessable(model.name());
            }
        }

        private TextSentiment wholeTextSentiment() {
            if (known != null) {
                return known;
            }
            try {
                return wholeText.sentiment(whole());
            } catch (RuntimeException | StackOverflowError e) {
                return TextSentiment.unprocessable(wholeText.modelName());
            }
        }

        Counter<String> features(TargetContext.Mention mention) {
            return features(mention, near(mention));
        }

        private Counter<String> features(TargetContext.Mention mention, double[] near) {
            return TargetedSentiment.this.features(wordFeatures(), whole(), near, mention);
        }

        private Counter<String> textFeatures() {
            if (textFeatures == null) {
                textFeatures = wholeText.features(text);
            }
            return textFeatures;
        }

        /** Features holding the text's word features: all of them where they are computed. */
        private Counter<String> wordFeatures() {
            if (known == null) {
                return textFeatures();
            }
            if (wordFeatures == null) {
                wordFeatures = wholeText.wordFeatures(text);
            }
            return wordFeatures;
        }

        private double[] whole() {
            if (whole == null) {
                whole =
                        known != null
                                ? known.probabilities()
                                : wholeText.probabilities(textFeatures());
            }
            return whole;
        }

        private double[] near(TargetContext.Mention mention) {
            return mention.wholeText()
                    ? whole()
                    : wholeText.probabilities(wholeText.features(mention.sentences()));
        }
    }

    /**
     * @param textFeatures the text's {@link TweetFeatures}, or at least their word unigrams
     */
    private Counter<String> features(
            Counter<String> textFeatures,
            double[] whole,
            double[] near,
            TargetContext.Mention mention) {
        Counter<String> features = new ClassicCounter<>();
        features.setCount("bias", 1);
        // The text's words, as the whole-text model sees them: what task 4B's annotators meant by a
        // stance differs from task 4A's labels, and these weights learn the difference.
        for (Map.Entry<String, Double> feature : textFeatures.entrySet()) {
            if (feature.getKey().startsWith(TweetFeatures.WORD_PREFIX)) {
                features.setCount(feature.getKey(), feature.getValue() * WORD_SCALE);
            }
        }
        // Behind in a comparative, the target gets the opposite of what the text says.
        double direction = mention.side() == TargetContext.Side.BEHIND ? -1 : 1;
        features.setCount("text:logOdds", direction * logOdds(whole) / 4);
        features.setCount("text:neutral", whole[Polarity.NEUTRAL.ordinal()]);
        features.setCount("near:logOdds", direction * logOdds(near) / 4);
        features.setCount("near:neutral", near[Polarity.NEUTRAL.ordinal()]);
        if (!mention.wholeText()) {
            features.setCount("near:part", 1);
        }
        features.setCount("words:before", direction * valence(mention.before()));
        features.setCount("words:after", direction * valence(mention.after()));
        if (mention.side() != TargetContext.Side.NONE) {
            features.setCount(SIDE_PREFIX + mention.side(), 1);
        }
        if (mention.tagged()) {
            features.setCount("target:tagged", 1);
        }
        if (mention.leading()) {
            features.setCount("target:leading", 1);
        }
        return features;
    }

    private static double logOdds(double[] p) {
        double logOdds = Math.log(p[Polarity.POSITIVE.ordinal()] / p[Polarity.NEGATIVE.ordinal()]);
        return Math.max(-MAX_LOG_ODDS, Math.min(MAX_LOG_ODDS, logOdds));
    }

    /**
     * The lexicon valence of a few words, negated ones counting half and reversed, squashed to (-1,
     * 1).
     */
    private double valence(String words) {
        if (words.isBlank()) {
            return 0;
        }
        double sum = 0;
        for (String token : normalizer.normalize(words).negationMarkedTokens()) {
            sum += lexicon.markedValence(token);
        }
        return Math.tanh(sum / 4);
    }

    private static TargetedSentimentModel loadShippedModel() {
        try (InputStream in = TargetedSentiment.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing model resource " + MODEL_RESOURCE);
            }
            return TargetedSentimentModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
