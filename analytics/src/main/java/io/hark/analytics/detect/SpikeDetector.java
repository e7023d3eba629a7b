// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Surges in one series of counts (mentions of a query per window, negative mentions, ...), one step at a
 * time, with state small enough for Flink keyed state.
 *
 * <p>On the {@link CountScale}, normal is a level plus a time-of-day profile (additive Holt-Winters),
 * with a noise estimate that never goes below Poisson noise. Two tests look for surges: a single step far
 * above the band (a spike), and a one-sided CUSUM of the standardized residuals (a sustained rise too
 * gentle for any single step to stand out). Residuals are clipped before they are learned, so a spike
 * hardly moves the baseline, while a lasting change of level is still adopted within hours.
 *
 * <p>Gaps: missing steps are zeros when zero was plausible (the baseline expected at most {@link
 * DetectorSettings#maxExpectedInGap()} in the whole gap, as in the quiet hours of a small query), and
 * otherwise an outage of the source, from which nothing is learned: an outage is not a crash of
 * interest, and it must not drag the baseline down.
 *
 * <p>Cold start: during {@link DetectorSettings#warmUp()} both tests need twice the evidence, so only
 * spikes far beyond the little history there is alert.
 */
public final class SpikeDetector {
  private static final byte FORMAT_VERSION = 1;
  private static final long NONE = Long.MIN_VALUE;
  // The CUSUM is capped so that it forgets a long surge within a few steps of its end.
  private static final double SHIFT_CAP = 2;
  // Gaps longer than a season are outages whatever the baseline says (and bound the work of one step).
  private static final int MAX_SEASONS_IN_GAP = 1;

  private final DetectorSettings settings;
  private final SeasonalProfile profile;
  private final double levelWeight;
  private final double noiseWeight;
  private final double slotWeight;
  private final double peakDecay;
  private long lastTimestamp = NONE;
  private long steps;
  private double level;
  private double noise = CountScale.POISSON_NOISE;
  private double shift;
  private double recentPeak;
  private double surgePeak;

  public SpikeDetector(DetectorSettings settings) {
    this.settings = settings;
    this.profile = new SeasonalProfile(settings);
    this.levelWeight = settings.perStep(settings.levelMemory());
    this.noiseWeight = settings.perStep(settings.noiseMemory());
    this.slotWeight = settings.perSlotVisit();
    this.peakDecay = 1 - settings.perStep(settings.peakMemory());
  }

  /** Judges {@code value} at {@code timestampMillis} (later than the previous one), then learns from it. */
  public Verdict observe(long timestampMillis, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("a count must be finite and 0 or more: " + value);
    }
    if (lastTimestamp != NONE) {
      if (timestampMillis <= lastTimestamp) {
        throw new IllegalArgumentException("steps must come in time order: " + timestampMillis + " after " + lastTimestamp);
      }
      bridgeGap(timestampMillis);
    }
    lastTimestamp = timestampMillis;
    return judgeAndLearn(timestampMillis, CountScale.stable(value));
  }

  private Verdict judgeAndLearn(long timestampMillis, double stable) {
    if (steps == 0) {
      level = stable;
    }
    double expected = level + profile.at(timestampMillis);
    double noiseNow = Math.max(noise, CountScale.POISSON_NOISE);
    double z = (stable - expected) / noiseNow;
    // The CUSUM takes a spike as no more than a bare spike, so that it speaks for sustained rises only.
    shift = Math.min(SHIFT_CAP * settings.shiftThreshold(),
        Math.max(0, shift + Math.min(z, settings.spikeThreshold()) - settings.shiftAllowance()));
    double evidence = Math.max(z / settings.spikeThreshold(), shift / settings.shiftThreshold());
    double bar = Math.max(1, settings.peakMargin() * recentPeak) * evidenceFactor();
    boolean anomalous = evidence > bar && z > settings.shiftAllowance();
    learnPeak(evidence, anomalous);
    double bandHalfWidth = settings.spikeThreshold() * bar * noiseNow;
    double relative = Math.max(0, evidence / bar);
    Verdict verdict = new Verdict(CountScale.count(expected), CountScale.count(expected - bandHalfWidth),
        CountScale.count(expected + bandHalfWidth), relative * relative / (1 + relative * relative), anomalous);
    learn(timestampMillis, stable - expected, noiseNow);
    return verdict;
  }

  /**
   * The recent peak is the series' largest excursion lately, surges included, so that what is usual for a
   * spiky series needs more to alert. A surge joins it only once it is over: a crisis must not raise its
   * own bar while it lasts.
   */
  private void learnPeak(double evidence, boolean anomalous) {
    recentPeak *= peakDecay;
    if (anomalous) {
      surgePeak = Math.max(surgePeak, evidence);
    } else {
      recentPeak = Math.max(recentPeak, Math.max(evidence, surgePeak));
      surgePeak = 0;
    }
  }

  private double evidenceFactor() {
    return steps < settings.warmUpSteps() ? 2 : 1;
  }

  private void learn(long timestampMillis, double error, double noiseNow) {
    double clip = settings.learningClip() * noiseNow;
    double clipped = Math.max(-clip, Math.min(clip, error));
    // Plain averages at first, so the first hours already give a level and a noise estimate.
    double levelNow = Math.max(levelWeight, 1.0 / (steps + 1));
    double noiseNowWeight = Math.max(noiseWeight, 1.0 / (steps + 1));
    level += levelNow * clipped;
    profile.learn(timestampMillis, (1 - levelNow) * clipped, slotWeight);
    // The mean absolute deviation of a normal variable is sqrt(2/pi) of its standard deviation.
    noise += noiseNowWeight * (Math.abs(clipped) * Math.sqrt(Math.PI / 2) - noise);
    steps++;
  }

  private void bridgeGap(long timestampMillis) {
    long stepMillis = settings.step().toMillis();
    long missing = Math.round((double) (timestampMillis - lastTimestamp) / stepMillis) - 1;
    if (missing <= 0) {
      return;
    }
    if (missing * stepMillis <= MAX_SEASONS_IN_GAP * settings.season().toMillis() && zeroWasPlausible(missing)) {
      for (long i = 1; i <= missing; i++) {
        judgeAndLearn(lastTimestamp + i * stepMillis, CountScale.stable(0));
      }
    } else {
      shift = 0;
    }
  }

  private boolean zeroWasPlausible(long missing) {
    double expectedInGap = 0;
    for (long i = 1; i <= missing && expectedInGap <= settings.maxExpectedInGap(); i++) {
      expectedInGap += CountScale.count(level + profile.at(lastTimestamp + i * settings.step().toMillis()));
    }
    return expectedInGap <= settings.maxExpectedInGap();
  }

  /** The whole state, settings included, in a versioned binary form for Flink's {@code ValueState<byte[]>}. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      settings.writeTo(out);
      out.writeLong(lastTimestamp);
      out.writeLong(steps);
      out.writeDouble(level);
      out.writeDouble(noise);
      out.writeDouble(shift);
      out.writeDouble(recentPeak);
      out.writeDouble(surgePeak);
      profile.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static SpikeDetector fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("unknown spike detector state version " + version);
      }
      SpikeDetector detector = new SpikeDetector(DetectorSettings.readFrom(in));
      detector.lastTimestamp = in.readLong();
      detector.steps = in.readLong();
      detector.level = in.readDouble();
      detector.noise = in.readDouble();
      detector.shift = in.readDouble();
      detector.recentPeak = in.readDouble();
      detector.surgePeak = in.readDouble();
      detector.profile.readFrom(in);
      return detector;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated spike detector state", e);
    }
  }
}
