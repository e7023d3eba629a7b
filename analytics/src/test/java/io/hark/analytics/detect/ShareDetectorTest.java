// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static io.hark.analytics.detect.SyntheticSeries.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShareDetectorTest {
    private static final int MINUTES_PER_DAY = 1440;

    private final ShareDetector detector =
            new ShareDetector(DetectorSettings.defaults(Duration.ofMinutes(1)));
    private final Random random = new Random(1);

    /**
     * Feeds minutes [from, to) with a binomial share of {@code trials} a minute; returns how many
     * were anomalous.
     */
    private int feed(long from, long to, int trials, double share) {
        int anomalous = 0;
        for (long i = from; i < to; i++) {
            anomalous +=
                    detector.observe(minute(i), hits(trials, share), trials).anomalous() ? 1 : 0;
        }
        return anomalous;
    }

    private int hits(long trials, double share) {
        int hits = 0;
        for (long i = 0; i < trials; i++) {
            hits += random.nextDouble() < share ? 1 : 0;
        }
        return hits;
    }

    /**
     * The first window of a crisis at {@code share} that is judged anomalous, counted from 1; 0 if
     * none.
     */
    private int windowsToFlag(long from, int trials, double share, int patience) {
        for (int i = 0; i < patience; i++) {
            if (detector.observe(minute(from + i), hits(trials, share), trials).anomalous()) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void aSteadyShareRarelyAlarms() {
        for (double volume : new double[] {1, 5, 20, 100}) {
            ShareDetector fresh =
                    new ShareDetector(DetectorSettings.defaults(Duration.ofMinutes(1)));
            SyntheticSeries trials = SyntheticSeries.flat(2, volume);
            int alarms = 0;
            for (long i = 0; i < 2 * MINUTES_PER_DAY; i++) {
                int n = trials.countAt(minute(i));
                alarms += fresh.observe(minute(i), hits(n, 0.15), n).anomalous() ? 1 : 0;
            }
            // Two days of minutes: at most one false alarm in 2,880 windows.
            assertThat(alarms)
                    .as("false alarms at %s trials a window", volume)
                    .isLessThanOrEqualTo(1);
            assertThat(fresh.observe(minute(2 * MINUTES_PER_DAY), 0, 0).expected())
                    .isCloseTo(0.15, within(0.02));
        }
    }

    @Test
    void flagsAShiftInToneAtSteadyVolumeWithinTwoWindows() {
        feed(0, 2 * MINUTES_PER_DAY, 20, 0.15);
        long shift = 2 * MINUTES_PER_DAY;

        Verdict first = detector.observe(minute(shift), 12, 20);
        assertThat(first.anomalous()).isTrue();
        assertThat(first.anomalyScore()).isGreaterThan(0.5);
        assertThat(first.expected()).isCloseTo(0.15, within(0.01));
        assertThat(first.upper()).isBetween(first.expected(), 0.6);

        assertThat(windowsToFlag(shift + 1, 20, 0.6, 2))
                .as("windows to flag a random 60%% share")
                .isPositive();
    }

    @Test
    void twoNegativesOfThreeAreNoEvidence() {
        feed(0, 2 * MINUTES_PER_DAY, 20, 0.15);
        long next = 2 * MINUTES_PER_DAY;

        Verdict twoOfThree = detector.observe(minute(next), 2, 3);
        assertThat(twoOfThree.anomalous()).isFalse();
        // No window of three could be a rise: even three of three is within the band.
        assertThat(twoOfThree.upper()).isEqualTo(1);
        assertThat(detector.observe(minute(next + 1), 3, 3).anomalous()).isFalse();
        // The same two thirds of thirty mentions is a crisis.
        assertThat(detector.observe(minute(next + 2), 20, 30).anomalous()).isTrue();
    }

    @Test
    void aQueryThatIsNeverNegativeNeedsMoreThanAHandfulOfNegatives() {
        assertThat(feed(0, 2 * MINUTES_PER_DAY, 20, 0)).isZero();
        long next = 2 * MINUTES_PER_DAY;

        assertThat(detector.observe(minute(next), 1, 1).anomalous()).isFalse();
        assertThat(detector.observe(minute(next + 1), 3, 3).anomalous()).isFalse();
        assertThat(detector.observe(minute(next + 2), 4, 20).anomalous()).isFalse();
        assertThat(detector.observe(minute(next + 3), 10, 20).anomalous()).isTrue();
    }

    @Test
    void aLongCrisisDoesNotPoisonTheBaseline() {
        feed(0, 2 * MINUTES_PER_DAY, 20, 0.15);
        double expectedBefore = detector.observe(minute(2 * MINUTES_PER_DAY), 3, 20).expected();
        long crisis = 2 * MINUTES_PER_DAY + 1;
        assertThat(feed(crisis, crisis + 240, 20, 0.6))
                .as("windows of a 4-hour crisis flagged")
                .isGreaterThan(120);

        long nextDay = crisis + 240;
        assertThat(feed(nextDay, nextDay + MINUTES_PER_DAY, 20, 0.15))
                .as("false alarms the day after")
                .isLessThanOrEqualTo(1);
        long second = nextDay + MINUTES_PER_DAY;
        Verdict before = detector.observe(minute(second), 3, 20);
        assertThat(before.anomalous()).isFalse();
        assertThat(before.expected()).isCloseTo(expectedBefore, within(0.03));
        assertThat(windowsToFlag(second + 1, 20, 0.6, 5))
                .as("windows to flag the second crisis")
                .isBetween(1, 5);
    }

    @Test
    void flagsASustainedRiseAndLetsGoWhenItEnds() {
        feed(0, 2 * MINUTES_PER_DAY, 100, 0.15);
        long rise = 2 * MINUTES_PER_DAY;

        // 25% of 100 is less than 3 standard deviations above 15%: few windows would stand out on
        // their own.
        assertThat(windowsToFlag(rise, 100, 0.25, 20)).isPositive();
        assertThat(feed(rise + 20, rise + 360, 100, 0.25))
                .as("windows of the next hours flagged")
                .isGreaterThan(170);
        assertThat(feed(rise + 360, rise + 600, 100, 0.15))
                .as("false alarms after the rise")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void onlyFarRisesAlertBeforeADayOfHistory() {
        assertThat(detector.observe(minute(0), 20, 20).anomalous()).isFalse();
        assertThat(feed(1, 600, 20, 0.15)).isZero();
        // 12 of 20 is a crisis once the detector has seen a day, but not yet.
        assertThat(detector.observe(minute(600), 12, 20).anomalous()).isFalse();
        assertThat(detector.observe(minute(601), 30, 30).anomalous()).isTrue();
    }

    @Test
    void windowsWithoutSentimentLearnNothing() {
        feed(0, MINUTES_PER_DAY, 20, 0.15);
        ShareDetector toldNothing = ShareDetector.fromBytes(detector.toBytes());
        for (long i = MINUTES_PER_DAY; i < MINUTES_PER_DAY + 30; i++) {
            Verdict empty = detector.observe(minute(i), 0, 0);
            assertThat(empty.anomalous()).isFalse();
            assertThat(empty.expected()).isCloseTo(0.15, within(0.01));
        }

        long after = MINUTES_PER_DAY + 30;
        assertThat(detector.observe(minute(after), 9, 20))
                .isEqualTo(toldNothing.observe(minute(after), 9, 20));
    }

    @Test
    void restoredStateGivesIdenticalVerdicts() {
        feed(0, 2 * MINUTES_PER_DAY, 20, 0.15);
        byte[] state = detector.toBytes();
        ShareDetector restored = ShareDetector.fromBytes(state);

        for (long i = 2 * MINUTES_PER_DAY; i < 3 * MINUTES_PER_DAY; i++) {
            int trials = i % 7 == 0 ? 0 : 20;
            int hits = hits(trials, i % 500 < 30 ? 0.6 : 0.15);
            assertThat(restored.observe(minute(i), hits, trials))
                    .isEqualTo(detector.observe(minute(i), hits, trials));
        }
        assertThat(state.length).isLessThan(200);
        assertThat(restored.toBytes()).isEqualTo(detector.toBytes());
    }

    @Test
    void rejectsUnknownStateVersionsStepsOutOfOrderAndImpossibleCounts() {
        byte[] state = detector.toBytes();
        state[0] = 99;
        assertThatThrownBy(() -> ShareDetector.fromBytes(state)).hasMessageContaining("version 99");

        detector.observe(minute(10), 1, 2);
        assertThatThrownBy(() -> detector.observe(minute(10), 1, 2))
                .hasMessageContaining("time order");
        assertThatThrownBy(() -> detector.observe(minute(11), 3, 2))
                .hasMessageContaining("at most the trials");
        assertThatThrownBy(() -> detector.observe(minute(11), -1, 2))
                .hasMessageContaining("0 or more");
    }
}
