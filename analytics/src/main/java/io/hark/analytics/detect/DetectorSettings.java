// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;

/**
 * How a {@link SpikeDetector} learns what normal looks like and how much evidence makes a surge. Times are
 * durations, never point counts, so the same defaults fit 1-minute live windows and 5-minute archives.
 * Thresholds are in noise units: standard deviations of the series on the {@link CountScale}.
 *
 * @param step the sampling interval of the series
 * @param season the period of the daily cycle (time of day in UTC)
 * @param seasonSlot the width of one time-of-day slot of the seasonal profile; divides {@code season}
 * @param seasonMemory half-life of the seasonal profile: how fast a changed daily rhythm is adopted
 * @param levelMemory half-life of the level on top of the profile: how fast trends, weekends and slow
 *     drifts are followed
 * @param noiseMemory half-life of the noise estimate
 * @param warmUp history needed before ordinary alerts; until then only spikes twice as far out count
 * @param spikeThreshold a single step this many noise units above expected is a spike, at the least
 * @param peakMemory half-life of the series' recent peak: the largest normal excursion above expected, in
 *     noise units
 * @param peakMargin a spike must also be this many times the recent peak: mention series are
 *     heavy-tailed, and a brand whose mentions often double for an hour needs more than a doubling to
 *     alert
 * @param shiftAllowance the shift test accumulates how far each step is above expected, less this
 * @param shiftThreshold the accumulated excess (in noise units) that makes a sustained surge
 * @param learningClip residuals are clipped to this many noise units before they are learned, so a
 *     spike moves the baseline no more than an ordinary busy step does
 * @param maxExpectedInGap a gap in the series is read as zero counts when the baseline expected at most
 *     this many in it altogether (quiet hours of a small query); otherwise it is an outage, and nothing is
 *     learned from it
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
    Duration peakMemory,
    double peakMargin,
    double shiftAllowance,
    double shiftThreshold,
    double learningClip,
    double maxExpectedInGap) {

  public DetectorSettings {
    for (Duration duration : new Duration[] {step, season, seasonSlot, seasonMemory, levelMemory, noiseMemory, peakMemory}) {
      if (duration.toMillis() <= 0) {
        throw new IllegalArgumentException("durations must be positive: " + duration);
      }
    }
    if (season.toMillis() % seasonSlot.toMillis() != 0) {
      throw new IllegalArgumentException("the season slot " + seasonSlot + " must divide the season " + season);
    }
    if (spikeThreshold <= 0 || peakMargin <= 0 || shiftThreshold <= 0 || shiftAllowance < 0 || learningClip <= 0 || maxExpectedInGap < 0) {
      throw new IllegalArgumentException("thresholds must be positive");
    }
  }

  /** Defaults chosen by leave-one-series-out on NAB's Twitter mention volumes; see the README. */
  public static DetectorSettings defaults(Duration step) {
    return new DetectorSettings(step, Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(7), Duration.ofHours(3),
        Duration.ofDays(1), Duration.ofDays(1), 5.0, Duration.ofDays(1), 1.2, 1.0, 8.0, 3.0, 5.0);
  }

  /** The weight of the newest step in an exponential average with this half-life. */
  double perStep(Duration halfLife) {
    return 1 - Math.pow(0.5, (double) step.toMillis() / halfLife.toMillis());
  }

  /** The weight of the newest step in a profile slot, which learns only while the clock is in that slot. */
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
    for (Duration duration : new Duration[] {step, season, seasonSlot, seasonMemory, levelMemory, noiseMemory, warmUp}) {
      out.writeLong(duration.toMillis());
    }
    out.writeDouble(spikeThreshold);
    out.writeLong(peakMemory.toMillis());
    for (double value : new double[] {peakMargin, shiftAllowance, shiftThreshold, learningClip, maxExpectedInGap}) {
      out.writeDouble(value);
    }
  }

  static DetectorSettings readFrom(DataInput in) throws IOException {
    return new DetectorSettings(millis(in), millis(in), millis(in), millis(in), millis(in), millis(in), millis(in),
        in.readDouble(), millis(in), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
  }

  private static Duration millis(DataInput in) throws IOException {
    return Duration.ofMillis(in.readLong());
  }
}
