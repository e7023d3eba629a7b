// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;

/**
 * How a {@link SpikeDetector} learns what normal looks like and how much evidence makes a surge.
 * Times are durations, never point counts, so the same defaults fit 1-minute live windows and
 * 5-minute archives. Thresholds are in noise units: standard deviations of the series on the {@link
 * CountScale}.
 *
 * @param step the sampling interval of the series
 * @param season the period of the daily cycle (time of day in UTC)
 * @param seasonSlot the width of one time-of-day slot of the seasonal profile; divides {@code
 *     season}
 * @param seasonMemory half-life of the seasonal profile: how fast a changed daily rhythm is adopted
 * @param levelMemory half-life of the level on top of the profile: how fast trends, weekends and
 *     slow drifts are followed
 * @param noiseMemory half-life of the noise estimate
 * @param warmUp history needed before ordinary alerts; both tests need twice the evidence at the
 *     first step, falling evenly to once over the warm-up
 * @param spikeThreshold a single step this many noise units above expected is a spike, at the least
 * @param shiftMemory half-life of the short-term mean of the residuals, which the shift test
 *     watches
 * @param shiftThreshold a short-term mean this many noise units above expected is a sustained
 *     surge, at the least
 * @param peakMemory half-life of the recent peak of each test's evidence, which a surge must also
 *     beat: mention series are heavy-tailed, and a jump smaller than the series' largest of the
 *     last weeks (decayed) is no news
 * @param peakCap the recent peak raises a test's threshold at most this many times, so a surge that
 *     far out always alerts, however spiky the series was lately
 * @param learningClip residuals are clipped to this many noise units before they are learned, so a
 *     spike moves the baseline no more than an ordinary busy step does
 * @param maxExpectedInGap a gap in the series is read as zero counts when the baseline expected at
 *     most this many in it altogether (quiet hours of a small query); otherwise it is an outage,
 *     and nothing is learned from it
 * @param scale what kind of values the series holds: counts (surges only) or levels (surges and
 *     drops)
 */
public record DetectorSettings(
        Duration step,
        Duration season,
        Duration seasonSlot,
        Duration seasonMemory,
        Duration levelMemory,
        Duration noiseMemory,
        Duration warmUp,
        double spikeThreshold,
        Duration shiftMemory,
        double shiftThreshold,
        Duration peakMemory,
        double peakCap,
        double learningClip,
        double maxExpectedInGap,
        ValueScale scale) {

    public DetectorSettings {
        Duration[] positive = {
            step,
            season,
            seasonSlot,
            seasonMemory,
            levelMemory,
            noiseMemory,
            shiftMemory,
            peakMemory
        };
        for (Duration duration : positive) {
            if (duration.toMillis() <= 0) {
                throw new IllegalArgumentException("durations must be positive: " + duration);
            }
        }
        if (season.toMillis() % seasonSlot.toMillis() != 0) {
            throw new IllegalArgumentException(
                    "the season slot " + seasonSlot + " must divide the season " + season);
        }
        if (scale == null) {
            throw new IllegalArgumentException("a scale is needed: counts or levels");
        }
        if (spikeThreshold <= 0
                || peakCap < 1
                || shiftThreshold <= 0
                || learningClip <= 0
                || maxExpectedInGap < 0) {
            throw new IllegalArgumentException("thresholds must be positive");
        }
    }

    /**
     * Defaults chosen on NAB's Twitter mention volumes and checked by leave-one-series-out (see the
     * README). Nothing in them depends on the step: a series sampled every minute gets the same
     * memories in time.
     */
    public static DetectorSettings defaults(Duration step) {
        return new DetectorSettings(
                step,
                Duration.ofDays(1),
                Duration.ofMinutes(30),
                Duration.ofDays(7),
                Duration.ofDays(1),
                Duration.ofDays(3),
                Duration.ofDays(1),
                7.0,
                Duration.ofHours(2),
                1.5,
                Duration.ofDays(20),
                4.0,
                4.0,
                5.0,
                ValueScale.COUNTS);
    }

    /** These settings for values of another kind. */
    public DetectorSettings withScale(ValueScale other) {
        return new DetectorSettings(
                step,
                season,
                seasonSlot,
                seasonMemory,
                levelMemory,
                noiseMemory,
                warmUp,
                spikeThreshold,
                shiftMemory,
                shiftThreshold,
                peakMemory,
                peakCap,
                learningClip,
                maxExpectedInGap,
                other);
    }

    /** The weight of the newest step in an exponential average with this half-life. */
    double perStep(Duration halfLife) {
        return 1 - Math.pow(0.5, (double) step.toMillis() / halfLife.toMillis());
    }

    /**
     * The weight of the newest step in a profile slot, which learns only while the clock is in that
     * slot.
     */
    double perSlotVisit() {
        double visitsPerSeason = (double) seasonSlot.toMillis() / step.toMillis();
        double seasonsPerHalfLife = (double) seasonMemory.toMillis() / season.toMillis();
        return 1 - Math.pow(0.5, 1 / (visitsPerSeason * seasonsPerHalfLife));
    }

    int slots() {
        return (int) (season.toMillis() / seasonSlot.toMillis());
    }

    long warmUpSteps() {
        return warmUp.toMillis() / step.toMillis();
    }

    void writeTo(DataOutput out) throws IOException {
        for (Duration duration :
                new Duration[] {
                    step, season, seasonSlot, seasonMemory, levelMemory, noiseMemory, warmUp
                }) {
            out.writeLong(duration.toMillis());
        }
        out.writeDouble(spikeThreshold);
        out.writeLong(shiftMemory.toMillis());
        out.writeDouble(shiftThreshold);
        out.writeLong(peakMemory.toMillis());
        out.writeDouble(peakCap);
        out.writeDouble(learningClip);
        out.writeDouble(maxExpectedInGap);
        out.writeByte(scale.ordinal());
    }

    /**
     * @param withScale whether the state has the scale, which states written before it was there
     *     (counts) lack
     */
    static DetectorSettings readFrom(DataInput in, boolean withScale) throws IOException {
        return new DetectorSettings(
                millis(in),
                millis(in),
                millis(in),
                millis(in),
                millis(in),
                millis(in),
                millis(in),
                in.readDouble(),
                millis(in),
                in.readDouble(),
                millis(in),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                withScale ? ValueScale.values()[in.readByte()] : ValueScale.COUNTS);
    }

    private static Duration millis(DataInput in) throws IOException {
        return Duration.ofMillis(in.readLong());
    }
}
