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
    void rejectsAllZero() {
        assertThatThrownBy(() -> TextSentiment.fromProbabilities(0, 0, 0, "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
