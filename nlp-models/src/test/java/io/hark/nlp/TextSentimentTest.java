// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hark.nlp.TextSentiment.Polarity;
import org.junit.jupiter.api.Test;

class TextSentimentTest {
    @Test
    void normalizesAndPicksTheMostProbableClass() {
        TextSentiment s = TextSentiment.fromProbabilities(6, 2, 2, "m");
        assertThat(s.polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s.score()).isCloseTo(-0.4, within(1e-9));
        assertThat(s.confidence()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void tiesGoToNeutral() {
        assertThat(TextSentiment.fromProbabilities(1, 1, 1, "m").polarity())
                .isEqualTo(Polarity.NEUTRAL);
    }

    @Test
    void givesBackTheProbabilitiesItWasMadeFrom() {
        double[][] made = {
            {0.7, 0.2, 0.1},
            {0.1, 0.3, 0.6},
            {0.25, 0.5, 0.25},
            {0.05, 0.9, 0.05},
            {1e-9, 0.6, 0.4 - 1e-9}
        };
        for (double[] p : made) {
            assertThat(TextSentiment.fromProbabilities(p[0], p[1], p[2], "m").probabilities())
                    .containsExactly(p, within(1e-12));
        }
        for (double p : TextSentiment.fromProbabilities(0, 1, 0, "m").probabilities()) {
            assertThat(p).isPositive();
        }
    }

    @Test
    void rejectsAllZero() {
        assertThatThrownBy(() -> TextSentiment.fromProbabilities(0, 0, 0, "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
