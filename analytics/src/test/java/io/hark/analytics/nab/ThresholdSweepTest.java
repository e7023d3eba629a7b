// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hark.analytics.nab.NabScorer.Profile;
import io.hark.analytics.nab.NabScorer.Result;
import io.hark.analytics.nab.NabScorer.Window;
import io.hark.analytics.nab.ThresholdSweep.Scores;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A case worked out by hand: 200 rows (30 of probation), one window at rows 100 to 109. Row 100
 * scores 0.7 and row 105 0.95 (inside the window); rows 50 and 51 score 0.6 (a false alarm lasting
 * two rows, before the window); row 10 scores 0.99 (in probation); every other row 0.1.
 */
class ThresholdSweepTest {
    private static final double S_MINUS_ONE = 2 / (1 + Math.exp(-5)) - 1;

    @Test
    void everyRowAtOrAboveTheThresholdIsADetection() {
        List<Result> results =
                ThresholdSweep.sweep(
                        List.of(series()), List.of(0.5, 0.6, 0.7, 0.95, 0.99), Profile.STANDARD);

        // 0.5 and 0.6: the window's start (raw +1) and two false positives before any window (-0.11
        // each)
        assertThat(results.get(0).raw()).isCloseTo(1 - 2 * 0.11, within(1e-12));
        assertThat(results.get(0).falsePositives()).isEqualTo(2);
        assertThat(results.get(0).score()).isCloseTo(100 * (1 - 0.22 + 1) / 2, within(1e-9));
        assertThat(results.get(1).raw()).isEqualTo(results.get(0).raw());
        // 0.7: the window's start alone, a perfect score
        assertThat(results.get(2).raw()).isCloseTo(1, within(1e-12));
        assertThat(results.get(2).score()).isCloseTo(100, within(1e-9));
        // 0.95: row 105 alone, x = -(109 - 105 + 1) / 10 = -0.5
        double credit = (2 / (1 + Math.exp(-2.5)) - 1) / S_MINUS_ONE;
        assertThat(results.get(3).raw()).isCloseTo(credit, within(1e-12));
        assertThat(results.get(3).delays()).containsExactly(new NabScorer.Delay(5, 10));
        // 0.99: only row 10, in probation, which counts for nothing: the window is missed
        assertThat(results.get(4).raw()).isEqualTo(-1.0);
        assertThat(results.get(4).score()).isZero();
    }

    @Test
    void aScoreExactlyAtTheThresholdCounts() {
        boolean[] fired = ThresholdSweep.atOrAbove(List.of(series()), 0.7).get(0).fired();
        assertThat(fired[100]).isTrue();
        assertThat(fired[105]).isTrue();
        assertThat(fired[50]).isFalse();
        assertThat(fired[10]).isTrue();
    }

    private static Scores series() {
        double[] scores = new double[200];
        Arrays.fill(scores, 0.1);
        scores[10] = 0.99;
        scores[50] = 0.6;
        scores[51] = 0.6;
        scores[100] = 0.7;
        scores[105] = 0.95;
        return new Scores("hand-worked", scores, List.of(new Window(100, 109)));
    }
}
