// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

/**
 * The sentiment of one text.
 *
 * @param polarity the most probable class
 * @param score from -1 (most negative) to 1 (most positive): P(positive) - P(negative)
 * @param confidence the probability of {@code polarity}
 * @param model which model produced it
 */
public record TextSentiment(Polarity polarity, double score, double confidence, String model) {
    public enum Polarity {
        NEGATIVE,
        NEUTRAL,
        POSITIVE
    }

    /** What a model says of a text it cannot process: neutral, every class equally likely. */
    public static TextSentiment unprocessable(String model) {
        return new TextSentiment(Polarity.NEUTRAL, 0, 1.0 / 3, model);
    }

    /** From the three class probabilities, which need not be normalized. */
    public static TextSentiment fromProbabilities(
            double negative, double neutral, double positive, String model) {
        double total = negative + neutral + positive;
        if (!(total > 0)) {
            throw new IllegalArgumentException("probabilities must sum to a positive number");
        }
        negative /= total;
        neutral /= total;
        positive /= total;
        Polarity polarity = Polarity.NEUTRAL;
        double confidence = neutral;
        if (negative > confidence) {
            polarity = Polarity.NEGATIVE;
            confidence = negative;
        }
        if (positive > confidence) {
            polarity = Polarity.POSITIVE;
            confidence = positive;
        }
        return new TextSentiment(polarity, positive - negative, confidence, model);
    }

    /**
     * The class probabilities this sentiment was made {@link #fromProbabilities from}, indexed by
     * {@link Polarity#ordinal()}: the polarity's is the confidence, and the score and their sum of
     * 1 give the other two, to within rounding; never 0, so that their logs and ratios are finite.
     */
    public double[] probabilities() {
        double[] p = new double[Polarity.values().length];
        double negative;
        double neutral;
        double positive;
        switch (polarity) {
            case NEGATIVE -> {
                negative = confidence;
                positive = confidence + score;
                neutral = 1 - negative - positive;
            }
            case POSITIVE -> {
                positive = confidence;
                negative = confidence - score;
                neutral = 1 - negative - positive;
            }
            default -> {
                neutral = confidence;
                positive = (1 - confidence + score) / 2;
                negative = (1 - confidence - score) / 2;
            }
        }
        p[Polarity.NEGATIVE.ordinal()] = Math.max(Double.MIN_NORMAL, negative);
        p[Polarity.NEUTRAL.ordinal()] = Math.max(Double.MIN_NORMAL, neutral);
        p[Polarity.POSITIVE.ordinal()] = Math.max(Double.MIN_NORMAL, positive);
        return p;
    }
}
