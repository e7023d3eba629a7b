// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hark.analytics.nab.NabScorer.Detections;
import io.hark.analytics.nab.NabScorer.Profile;
import io.hark.analytics.nab.NabScorer.Result;
import io.hark.analytics.nab.NabScorer.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases worked out by hand. A series of 200 rows has 30 rows of probation (15%) and here one
 * window, rows 100 to 109. NAB's scaled sigmoid is {@code 2 / (1 + e^(5x)) - 1}; a detection at a
 * window's first row, x = -1, earns s(-1) = 0.986614, which NAB scales to 1.
 */
class NabScorerTest {
    private static final Window WINDOW = new Window(100, 109);
    private static final double S_MINUS_ONE = 2 / (1 + Math.exp(-5)) - 1;

    @Test
    void aDetectionAtTheWindowsStartIsPerfect() {
        Result result = score(Profile.STANDARD, 100);
        assertThat(result.raw()).isCloseTo(1.0, within(1e-12));
        assertThat(result.score()).isCloseTo(100.0, within(1e-9));
        assertThat(result.caught()).isEqualTo(1);
        assertThat(result.delays()).containsExactly(new NabScorer.Delay(0, 10));
    }

    @Test
    void aDetectionAtTheWindowsLastRowEarnsAQuarter() {
        // x = -(109 - 109 + 1) / 10 = -0.1: s(-0.1) = 2 / (1 + e^-0.5) - 1 = 0.244919, over
        // 0.986614
        double credit = (2 / (1 + Math.exp(-0.5)) - 1) / S_MINUS_ONE;
        assertThat(credit).isCloseTo(0.248242, within(1e-6));
        Result result = score(Profile.STANDARD, 109, 105);
        assertThat(result.raw())
                .as("only the first detection in a window counts")
                .isCloseTo((2 / (1 + Math.exp(-2.5)) - 1) / S_MINUS_ONE, within(1e-12));
        assertThat(score(Profile.STANDARD, 109).raw()).isCloseTo(credit, within(1e-12));
        // normalized between the null detector (-1) and the perfect one (+1)
        assertThat(score(Profile.STANDARD, 109).score())
                .isCloseTo(100 * (credit + 1) / 2, within(1e-9));
        assertThat(result.delays()).containsExactly(new NabScorer.Delay(5, 10));
        assertThat(result.delays().get(0).shareOfWindow()).isEqualTo(0.5);
    }

    @Test
    void nothingDetectedScoresZero() {
        Result result = score(Profile.STANDARD);
        assertThat(result.raw()).isEqualTo(-1.0);
        assertThat(result.score()).isZero();
        assertThat(result.caught()).isZero();
    }

    @Test
    void aFalseAlarmBeforeAnyWindowCostsTheWholeWeight() {
        Result result = score(Profile.STANDARD, 50);
        assertThat(result.raw()).isCloseTo(-1.0 - 0.11, within(1e-12));
        assertThat(result.score()).isCloseTo(-5.5, within(1e-9));
        assertThat(result.falsePositives()).isEqualTo(1);
        assertThat(score(Profile.REWARD_LOW_FP, 50).raw()).isCloseTo(-1.0 - 0.22, within(1e-12));
    }

    @Test
    void aFalseAlarmRightAfterAWindowCostsLittleAndFarAfterItAll() {
        // one row past the window's end, x = |109 - 110| / (109 - 100) = 1/9: s(1/9) = -0.270848
        double nearCost = 0.11 * (2 / (1 + Math.exp(5.0 / 9)) - 1);
        assertThat(nearCost).isCloseTo(-0.029793, within(1e-6));
        assertThat(score(Profile.STANDARD, 100, 110).raw())
                .isCloseTo(1.0 + nearCost, within(1e-12));
        // beyond three widths past the window s is -1
        assertThat(score(Profile.STANDARD, 100, 150).raw()).isCloseTo(1.0 - 0.11, within(1e-12));
    }

    @Test
    void probationCountsNothing() {
        assertThat(NabScorer.probationRows(200)).isEqualTo(30);
        assertThat(NabScorer.probationRows(10_000)).as("at most 750 rows").isEqualTo(750);
        assertThat(score(Profile.STANDARD, 0, 29).raw()).isEqualTo(-1.0);
        assertThat(score(Profile.STANDARD, 0, 29).falsePositives()).isZero();
        // a window wholly inside probation is not scored; one that ends after it is
        Result early =
                NabScorer.score(
                        List.of(new Detections("s", fired(200, 5), List.of(new Window(2, 10)))),
                        Profile.STANDARD);
        assertThat(early.windows()).isZero();
        Result straddling =
                NabScorer.score(
                        List.of(
                                new Detections(
                                        "s", fired(200, 29, 31), List.of(new Window(25, 34)))),
                        Profile.STANDARD);
        assertThat(straddling.windows()).isEqualTo(1);
        assertThat(straddling.delays())
                .as("the detection in probation does not count")
                .containsExactly(new NabScorer.Delay(6, 10));
    }

    @Test
    void theLowFalseNegativeProfileChargesTwiceForAMissedWindow() {
        assertThat(score(Profile.REWARD_LOW_FN).raw()).isEqualTo(-2.0);
        assertThat(score(Profile.REWARD_LOW_FN).score()).isZero();
        // normalized between -2 (nothing) and +1 (perfect): a perfect detection plus one false
        // alarm before it
        assertThat(score(Profile.REWARD_LOW_FN, 50, 100).score())
                .isCloseTo(100 * (1 - 0.11 + 2) / 3, within(1e-9));
    }

    @Test
    void seriesAddUpBeforeNormalizing() {
        Detections caught = new Detections("a", fired(200, 100), List.of(WINDOW));
        Detections missed = new Detections("b", fired(200), List.of(WINDOW, new Window(150, 159)));
        Result result = NabScorer.score(List.of(caught, missed), Profile.STANDARD);
        assertThat(result.windows()).isEqualTo(3);
        assertThat(result.raw()).isCloseTo(1.0 - 2.0, within(1e-12));
        assertThat(result.score()).isCloseTo(100 * (-1.0 + 3) / 6, within(1e-9));
    }

    private static Result score(Profile profile, int... detections) {
        return NabScorer.score(
                List.of(new Detections("series", fired(200, detections), List.of(WINDOW))),
                profile);
    }

    private static boolean[] fired(int rows, int... detections) {
        boolean[] fired = new boolean[rows];
        for (int row : detections) {
            fired[row] = true;
        }
        return fired;
    }
}
