// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.spam;

import java.util.Set;

/**
 * Combines {@link SpamSignal}s into a score in [0, 1] as a noisy OR: 1 − Π(1 − weight).
 *
 * <p>A noisy OR rather than a capped sum because it treats each signal as an independent chance
 * that the mention is spam: the score stays in [0, 1] without a cap, one strong signal dominates,
 * and every further signal still raises the score, by less the higher it already is. A capped sum
 * would make all combinations past the cap look alike.
 */
public final class SpamScore {
    /** Mentions scoring at or above this are flagged as spam. */
    public static final double THRESHOLD = 0.5;

    private SpamScore() {}

    public static double of(Set<SpamSignal> signals) {
        double probabilityNotSpam = 1;
        for (SpamSignal signal : signals) {
            probabilityNotSpam *= 1 - signal.weight();
        }
        return 1 - probabilityNotSpam;
    }

    public static boolean isSpam(double score) {
        return score >= THRESHOLD;
    }
}
