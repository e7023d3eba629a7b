// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static io.hark.analytics.detect.SyntheticSeries.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {
    private static final int MINUTES_PER_DAY = 1440;

    private final SpikeDetector detector =
            new SpikeDetector(DetectorSettings.defaults(Duration.ofMinutes(1)));

    /** Feeds minutes [from, to) of {@code series}; returns the minutes judged anomalous. */
    private List<Long> feed(SyntheticSeries series, long from, long to) {
        List<Long> anomalous = new ArrayList<>();
        for (long i = from; i < to; i++) {
            if (detector.observe(minute(i), series.countAt(minute(i))).anomalous()) {
                anomalous.add(i);
            }
        }
        return anomalous;
    }

    @Test
    void flatPoissonNoiseRarelyAlarms() {
        for (double mean : new double[] {0.3, 4, 40}) {
            SpikeDetector fresh =
                    new SpikeDetector(DetectorSettings.defaults(Duration.ofMinutes(1)));
            SyntheticSeries series = SyntheticSeries.flat(7, mean);
            int alarms = 0;
            for (long i = 0; i < 7 * MINUTES_PER_DAY; i++) {
                alarms += fresh.observe(minute(i), series.countAt(minute(i))).anomalous() ? 1 : 0;
            }
            // A week of minutes: at most one false alarm in 10,000 minutes.
            assertThat(alarms).as("false alarms at mean %s", mean).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void flagsAnInjectedSpikeOnItsOwnStep() {
        SyntheticSeries series = SyntheticSeries.daily(1, 5, 40);
        assertThat(feed(series, 0, 3 * MINUTES_PER_DAY + 600)).isEmpty();

        long spike = 3 * MINUTES_PER_DAY + 600;
        Verdict verdict = detector.observe(minute(spike), 6 * series.mean(minute(spike)));

        assertThat(verdict.anomalous()).isTrue();
        assertThat(verdict.anomalyScore()).isGreaterThan(0.5);
        assertThat(verdict.upper()).isLessThan(6 * series.mean(minute(spike)));
    }

    @Test
    void learnsTheDailyCycle() {
        SyntheticSeries series = SyntheticSeries.daily(2, 4, 60);
        feed(series, 0, 3 * MINUTES_PER_DAY);

        // Days 4 to 7: the afternoon peak is 15 times the night, and nothing of it is news.
        assertThat(feed(series, 3 * MINUTES_PER_DAY, 7 * MINUTES_PER_DAY)).isEmpty();
        long afternoon = 7 * MINUTES_PER_DAY + 15 * 60;
        Verdict peak = detector.observe(minute(afternoon), series.countAt(minute(afternoon)));
        assertThat(peak.expected()).isCloseTo(60, Percentage.withPercentage(15));
        long night = afternoon + 12 * 60;
        feed(series, afternoon + 1, night);
        assertThat(detector.observe(minute(night), 0).expected()).isLessThan(8);
    }

    @Test
    void aSpikeDoesNotPoisonTheBaseline() {
        SyntheticSeries series = SyntheticSeries.flat(3, 20);
        feed(series, 0, 3 * MINUTES_PER_DAY);
        double expectedBefore = detector.observe(minute(3 * MINUTES_PER_DAY), 20).expected();

        long first = 3 * MINUTES_PER_DAY + 1;
        for (long i = first; i < first + 5; i++) {
            assertThat(detector.observe(minute(i), 600).anomalous())
                    .as("minute %d of the first spike", i - first)
                    .isTrue();
        }
        feed(series, first + 5, first + MINUTES_PER_DAY);
        Verdict second = detector.observe(minute(first + MINUTES_PER_DAY), 600);

        assertThat(second.anomalous()).isTrue();
        assertThat(second.expected()).isCloseTo(expectedBefore, Percentage.withPercentage(10));
    }

    @Test
    void aJumpSmallerThanRecentOnesIsNoNews() {
        SyntheticSeries series = SyntheticSeries.flat(4, 20);
        feed(series, 0, 2 * MINUTES_PER_DAY);
        SpikeDetector beforeTheBigJump = SpikeDetector.fromBytes(detector.toBytes());
        assertThat(detector.observe(minute(2 * MINUTES_PER_DAY), 200).anomalous()).isTrue();
        feed(series, 2 * MINUTES_PER_DAY + 1, 3 * MINUTES_PER_DAY);

        assertThat(beforeTheBigJump.observe(minute(3 * MINUTES_PER_DAY), 100).anomalous()).isTrue();
        assertThat(detector.observe(minute(3 * MINUTES_PER_DAY), 100).anomalous()).isFalse();
        feed(series, 3 * MINUTES_PER_DAY + 1, 4 * MINUTES_PER_DAY);
        assertThat(detector.observe(minute(4 * MINUTES_PER_DAY), 300).anomalous()).isTrue();
    }

    @Test
    void aFarSurgeAlertsHoweverSpikyTheSeriesWasLately() {
        SyntheticSeries series = SyntheticSeries.flat(13, 20);
        feed(series, 0, 2 * MINUTES_PER_DAY);
        assertThat(detector.observe(minute(2 * MINUTES_PER_DAY), 5_000).anomalous()).isTrue();
        feed(series, 2 * MINUTES_PER_DAY + 1, 3 * MINUTES_PER_DAY);

        // A fifth of yesterday's jump, and still fifty times the mean.
        assertThat(detector.observe(minute(3 * MINUTES_PER_DAY), 1_000).anomalous()).isTrue();
    }

    @Test
    void flagsASustainedRiseThatNoSingleStepWould() {
        SyntheticSeries series = SyntheticSeries.flat(5, 20);
        feed(series, 0, 3 * MINUTES_PER_DAY);
        SyntheticSeries doubled = SyntheticSeries.flat(6, 40);

        int anomalous = 0;
        for (long i = 3 * MINUTES_PER_DAY; i < 3 * MINUTES_PER_DAY + 180; i++) {
            int count = doubled.countAt(minute(i));
            Verdict verdict = detector.observe(minute(i), count);
            assertThat(count).as("minute %d", i).isLessThan((int) verdict.upper());
            anomalous += verdict.anomalous() ? 1 : 0;
        }

        // The shift test finds the doubling within three hours.
        assertThat(anomalous).isPositive();
    }

    @Test
    void onlyHugeSpikesAlertInTheFirstHours() {
        SyntheticSeries series = SyntheticSeries.daily(6, 5, 40);
        assertThat(feed(series, 0, 120)).isEmpty();
        // Four times the mean is a spike once the detector has seen a day, but not in its first
        // hours.
        assertThat(detector.observe(minute(120), 4 * series.mean(minute(120))).anomalous())
                .isFalse();
        assertThat(detector.observe(minute(121), 30 * series.mean(minute(121))).anomalous())
                .isTrue();
    }

    @Test
    void theEvidenceNeededFallsOverTheWarmUp() {
        // Late in the first day, level and noise are mostly known: four times the mean is a spike
        // already.
        SyntheticSeries series = SyntheticSeries.daily(6, 5, 40);
        assertThat(feed(series, 0, 1300)).isEmpty();
        assertThat(detector.observe(minute(1300), 4 * series.mean(minute(1300))).anomalous())
                .isTrue();
    }

    @Test
    void lowCountsDoNotAlertOnAThree() {
        SyntheticSeries series = SyntheticSeries.flat(8, 0.5);
        feed(series, 0, 2 * MINUTES_PER_DAY);
        assertThat(detector.observe(minute(2 * MINUTES_PER_DAY), 3).anomalous()).isFalse();
        assertThat(detector.observe(minute(2 * MINUTES_PER_DAY + 1), 30).anomalous()).isTrue();
    }

    @Test
    void aSeriesOfZerosIsStillPoissonNoise() {
        feed(SyntheticSeries.flat(14, 0), 0, 2 * MINUTES_PER_DAY);
        assertThat(detector.observe(minute(2 * MINUTES_PER_DAY), 3).anomalous()).isFalse();
        assertThat(detector.observe(minute(2 * MINUTES_PER_DAY + 1), 30).anomalous()).isTrue();
    }

    @Test
    void anOutageIsNotLearnedAsZeros() {
        SyntheticSeries series = SyntheticSeries.flat(9, 50);
        feed(series, 0, 2 * MINUTES_PER_DAY);
        long after = 2 * MINUTES_PER_DAY + 180;

        Verdict resumed = detector.observe(minute(after), 50);

        assertThat(resumed.expected()).isCloseTo(50, Percentage.withPercentage(10));
        assertThat(resumed.anomalous()).isFalse();
    }

    @Test
    void aQuietGapIsZeros() {
        SyntheticSeries series = SyntheticSeries.flat(10, 0.05);
        feed(series, 0, 2 * MINUTES_PER_DAY);
        SpikeDetector toldZeros = SpikeDetector.fromBytes(detector.toBytes());
        for (long i = 2 * MINUTES_PER_DAY; i < 2 * MINUTES_PER_DAY + 30; i++) {
            toldZeros.observe(minute(i), 0);
        }

        long after = 2 * MINUTES_PER_DAY + 30;
        assertThat(detector.observe(minute(after), 2))
                .isEqualTo(toldZeros.observe(minute(after), 2));
    }

    @Test
    void restoredStateGivesIdenticalVerdicts() {
        SyntheticSeries series = SyntheticSeries.daily(11, 5, 40);
        feed(series, 0, 2 * MINUTES_PER_DAY);
        byte[] state = detector.toBytes();
        SpikeDetector restored = SpikeDetector.fromBytes(state);

        for (long i = 2 * MINUTES_PER_DAY; i < 3 * MINUTES_PER_DAY; i++) {
            double count = i % 500 == 0 ? 400 : series.countAt(minute(i));
            assertThat(restored.observe(minute(i), count))
                    .isEqualTo(detector.observe(minute(i), count));
        }
        assertThat(state.length).isLessThan(600);
        assertThat(restored.toBytes()).isEqualTo(detector.toBytes());
    }

    @Test
    void rejectsUnknownStateVersionsAndStepsOutOfOrder() {
        byte[] state = detector.toBytes();
        state[0] = 99;
        assertThatThrownBy(() -> SpikeDetector.fromBytes(state)).hasMessageContaining("version 99");

        detector.observe(minute(10), 1);
        assertThatThrownBy(() -> detector.observe(minute(10), 1))
                .hasMessageContaining("time order");
        assertThatThrownBy(() -> detector.observe(minute(11), -1))
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> detector.observe(minute(12), Double.NaN))
                .hasMessageContaining("finite");
    }

    @Test
    void readsStatesWrittenBeforeTheScaleAndTheTypicalDepartureWereKept() {
        SyntheticSeries series = SyntheticSeries.daily(12, 5, 40);
        feed(series, 0, MINUTES_PER_DAY);
        byte[] current = detector.toBytes();
        // The settings end with maxExpectedInGap and the scale byte (since version 2); the state's
        // last timestamp,
        // steps, level, noise and shift follow them, then its typical departure (since version 3).
        int scaleAt =
                1
                        + 7 * Long.BYTES
                        + Double.BYTES
                        + Long.BYTES
                        + Double.BYTES
                        + Long.BYTES
                        + 3 * Double.BYTES;
        int noiseAt = scaleAt + 1 + 2 * Long.BYTES + Double.BYTES;
        int departureAt = noiseAt + 2 * Double.BYTES;
        byte[] version2 = without(current, departureAt, Double.BYTES);
        version2[0] = 2;
        byte[] version1 = without(version2, scaleAt, 1);
        version1[0] = 1;

        double noise = ByteBuffer.wrap(current, noiseAt, Double.BYTES).getDouble();
        byte[] expected = current.clone();
        // an old state's typical departure is the mean absolute departure its noise stands for
        ByteBuffer.wrap(expected, departureAt, Double.BYTES)
                .putDouble(noise / Math.sqrt(Math.PI / 2));
        assertThat(SpikeDetector.fromBytes(version2).toBytes()).isEqualTo(expected);
        assertThat(SpikeDetector.fromBytes(version1).toBytes()).isEqualTo(expected);
    }

    private static byte[] without(byte[] bytes, int at, int length) {
        byte[] shorter = new byte[bytes.length - length];
        System.arraycopy(bytes, 0, shorter, 0, at);
        System.arraycopy(bytes, at + length, shorter, at, bytes.length - at - length);
        return shorter;
    }

    @Test
    void aLevelThatSatStillAtZeroLearnsItsNoiseOnceItMoves() {
        // Like a disk's bytes written or a temperature's change: nothing for a day, then moving.
        // The noise learnt
        // on the zeros is next to nothing, and from departures clipped at a few times that it grows
        // back only by a
        // few percent a step.
        Duration fiveMinutes = Duration.ofMinutes(5);
        SpikeDetector levels =
                new SpikeDetector(
                        DetectorSettings.defaults(fiveMinutes).withScale(ValueScale.LEVELS));
        Random noise = new Random(5);
        long step = fiveMinutes.toMillis();
        int stepsPerDay = 288;
        for (int i = 0; i < stepsPerDay; i++) {
            levels.observe(SyntheticSeries.START + i * step, 0);
        }
        Verdict verdict = null;
        for (int i = stepsPerDay; i < 2 * stepsPerDay; i++) {
            verdict = levels.observe(SyntheticSeries.START + i * step, 10 * noise.nextGaussian());
        }
        assertThat(verdict.upper() - verdict.expected())
                .as("the band after a day of noise of 10")
                .isGreaterThan(10);
    }

    @Test
    void onLevelsADropIsAsAnomalousAsASurge() {
        SpikeDetector levels =
                new SpikeDetector(
                        DetectorSettings.defaults(Duration.ofMinutes(5))
                                .withScale(ValueScale.LEVELS));
        Random noise = new Random(3);
        long step = Duration.ofMinutes(5).toMillis();
        int anomalies = 0;
        for (int i = 0; i < 3 * 288; i++) {
            anomalies +=
                    levels.observe(SyntheticSeries.START + i * step, -20 + noise.nextGaussian())
                                    .anomalous()
                            ? 1
                            : 0;
        }
        assertThat(anomalies)
                .as("false alarms on three days of a noisy level below zero")
                .isLessThanOrEqualTo(1);
        SpikeDetector beforeTheDrop = SpikeDetector.fromBytes(levels.toBytes());
        Verdict drop = levels.observe(SyntheticSeries.START + 3 * 288 * step, -60);
        Verdict surge = beforeTheDrop.observe(SyntheticSeries.START + 3 * 288 * step, 20);
        assertThat(drop.anomalous()).isTrue();
        assertThat(surge.anomalous()).isTrue();
        assertThat(drop.expected()).isCloseTo(-20, offset(1.0));
        assertThat(drop.lower()).isLessThan(drop.expected()).isGreaterThan(-60);

        SpikeDetector counts = new SpikeDetector(DetectorSettings.defaults(Duration.ofMinutes(5)));
        for (int i = 0; i < 3 * 288; i++) {
            counts.observe(
                    SyntheticSeries.START + i * step, 200 + Math.round(10 * noise.nextGaussian()));
        }
        assertThat(counts.observe(SyntheticSeries.START + 3 * 288 * step, 0).anomalous())
                .as("a drop in mentions is not a surge")
                .isFalse();
    }
}
