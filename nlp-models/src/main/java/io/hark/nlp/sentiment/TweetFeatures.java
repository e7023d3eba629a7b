// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.text.NormalizedText;
import io.hark.nlp.text.SocialTextNormalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a text into the sparse features of the tweet sentiment classifier. Training and prediction
 * must use exactly this code: the model stores only feature names and weights.
 *
 * <p>Indicator features: word unigrams and bigrams of the negation-marked tokens ({@code w:},
 * {@code b:}) and character 3- to 5-grams of the normalized text ({@code c:}), each block scaled to
 * unit length, and hashtags ({@code h:}, value 1). Real-valued features are scaled to roughly [0,
 * 3] so that one Gaussian prior suits them all: emoticon counts, lexicon sums and counts
 * (separately for negated words), the last polar word's valence, and the stylistic cues.
 */
public final class TweetFeatures {
    /** Longer texts are cut here: tweets are short and the features are per character. */
    public static final int MAX_CHARS = 2_000;

    /** The prefix of word unigram features. */
    static final String WORD_PREFIX = "w:";

    private final SocialTextNormalizer normalizer = SocialTextNormalizer.instance();
    private final SentimentLexicon lexicon;

    public TweetFeatures(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Counter<String> extract(String text) {
        return extract(normalizer.normalize(capped(text)));
    }

    /** Only the word unigrams and bigrams of {@link #extract}, with the same values. */
    public Counter<String> extractWords(String text) {
        Counter<String> features = new ClassicCounter<>();
        addWordNgrams(normalizer.normalize(capped(text)).negationMarkedTokens(), features);
        return features;
    }

    private static String capped(String text) {
        return text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    public Counter<String> extract(NormalizedText normalized) {
        Counter<String> features = new ClassicCounter<>();
        features.setCount("bias", 1);
        addWordNgrams(normalized.negationMarkedTokens(), features);
        addCharNgrams(normalized.text(), features);
        for (String tag : normalized.hashtags()) {
            features.setCount("h:" + tag, 1);
        }
        addLexiconScores(normalized.negationMarkedTokens(), features);
        addCues(normalized.cues(), normalized.tokens().size(), features);
        return features;
    }

    private static void addWordNgrams(List<String> tokens, Counter<String> features) {
        Set<String> ngrams = new HashSet<>();
        String previous = "<s>";
        for (String token : tokens) {
            ngrams.add(WORD_PREFIX + token);
            ngrams.add("b:" + previous + ' ' + token);
            previous = token;
        }
        ngrams.add("b:" + previous + " </s>");
        addUnitLength(ngrams, features);
    }

    private static void addCharNgrams(String text, Counter<String> features) {
        Set<String> ngrams = new HashSet<>();
        String padded = ' ' + text + ' ';
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                ngrams.add("c:" + padded.substring(i, i + n));
            }
        }
        addUnitLength(ngrams, features);
    }

    /**
     * Indicators scaled so that each block has unit length: otherwise long tweets, with hundreds of
     * character n-grams, would get larger scores, and one prior could not suit short and long
     * alike.
     */
    private static void addUnitLength(Set<String> indicators, Counter<String> features) {
        double value = 1 / Math.sqrt(Math.max(1, indicators.size()));
        for (String name : indicators) {
            features.setCount(name, value);
        }
    }

    private void addLexiconScores(List<String> markedTokens, Counter<String> features) {
        double positive = 0, negative = 0, negatedPositive = 0, negatedNegative = 0, last = 0;
        int positiveWords = 0, negativeWords = 0;
        for (String token : markedTokens) {
            boolean negated = SocialTextNormalizer.isNegated(token);
            double valence = lexicon.valence(SocialTextNormalizer.unmarked(token));
            if (valence == 0) {
                continue;
            }
            if (negated) {
                if (valence > 0) {
                    negatedPositive += valence;
                } else {
                    negatedNegative -= valence;
                }
                last = -valence / 2;
            } else {
                if (valence > 0) {
                    positive += valence;
                    positiveWords++;
                } else {
                    negative -= valence;
                    negativeWords++;
                }
                last = valence;
            }
        }
        putIfNonZero(features, "lex:pos", Math.log1p(positive));
        putIfNonZero(features, "lex:neg", Math.log1p(negative));
        putIfNonZero(features, "lex:negatedPos", Math.log1p(negatedPositive));
        putIfNonZero(features, "lex:negatedNeg", Math.log1p(negatedNegative));
        putIfNonZero(features, "lex:posWords", Math.log1p(positiveWords));
        putIfNonZero(features, "lex:negWords", Math.log1p(negativeWords));
        putIfNonZero(features, "lex:balance", Math.tanh((positive - negative) / 4));
        putIfNonZero(features, last > 0 ? "lex:lastPos" : "lex:lastNeg", Math.abs(last) / 2);
    }

    private static void addCues(NormalizedText.Cues cues, int tokens, Counter<String> features) {
        putIfNonZero(features, "emo:pos", Math.log1p(cues.positiveEmoticons()));
        putIfNonZero(features, "emo:neg", Math.log1p(cues.negativeEmoticons()));
        putIfNonZero(features, "cue:elongated", Math.log1p(cues.elongatedWords()));
        putIfNonZero(features, "cue:exclaims", Math.log1p(cues.repeatedExclamations()));
        putIfNonZero(features, "cue:questions", Math.log1p(cues.repeatedQuestions()));
        putIfNonZero(features, "cue:allCaps", Math.log1p(cues.allCapsWords()));
        putIfNonZero(features, "cue:urls", Math.min(cues.urls(), 2));
        putIfNonZero(features, "cue:negations", Math.log1p(cues.negations()));
        features.setCount("cue:length", Math.log1p(tokens) / 3);
    }

    private static void putIfNonZero(Counter<String> features, String name, double value) {
        if (value != 0) {
            features.setCount(name, value);
        }
    }
}
