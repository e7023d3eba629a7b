// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Surges in one series of counts (mentions of a query per window, negative mentions, ...), one step
 * at a time, with state small enough for Flink keyed state (about 500 bytes with the defaults).
 *
 * <p>On the {@link CountScale}, normal is a level plus a time-of-day profile (additive
 * Holt-Winters), with a noise estimate that never goes below Poisson noise. Residuals are clipped
 * before they are learned, so a spike hardly moves the baseline while a lasting change of level is
 * still adopted; the noise learns departures clipped no tighter than the series' long-run typical
 * departure, so a noise estimate that collapsed while the series sat still (a run of zeros) grows
 * back once it moves again. Two tests look for surges: a single step far above expected (a spike),
 * and a short-term mean of the residuals far above expected (a sustained rise too gentle for any
 * single step to stand out). Each test must also beat its own {@link RecentPeak}: mention series
 * are heavy-tailed, and what a series did last week is not news this week.
 *
 * <p>Gaps: missing steps are zeros when zero was plausible (the baseline expected at most {@link
 * DetectorSettings#maxExpectedInGap()} in the whole gap, as in the quiet hours of a small query),
 * and otherwise an outage of the source, from which nothing is learned: an outage is not a crash of
 * interest, and it must not drag the baseline down. Gaps longer than a season are always outages.
 *
 * <p>Cold start: both tests need twice the evidence at the first step, falling evenly to the usual
 * evidence at the end of {@link DetectorSettings#warmUp()}, so early on only spikes far beyond the
 * little history there is alert; what the warm-up sees joins the recent peaks only in proportion.
 *
 * <p>Series of other values ({@link ValueScale#LEVELS}: a latency, a temperature) are judged as
 * they are, with a noise floor relative to their level, departures either way count, and nothing is
 * judged before their noise has been seen; gaps in them are always outages.
 */
public final class SpikeDetector {
    /**
     * Version 3 adds the typical departure; version 2 adds the settings' scale; version 1 states
     * are of counts.
     */
    private static final byte FORMAT_VERSION = 3;

    private static final long NONE = Long.MIN_VALUE;

    /** The mean absolute deviation of a normal variable is sqrt(2/pi) of its standard deviation. */
    private static final double MEAN_TO_STANDARD_DEVIATION = Math.sqrt(Math.PI / 2);

    private final DetectorSettings settings;
    private final SeasonalProfile profile;
    private final double levelWeight;
    private final double noiseWeight;
    private final double slotWeight;
    private final double shiftWeight;
    private final double departureWeight;
    private final RecentPeak spikePeak;
    private final RecentPeak shiftPeak;
    private long lastTimestamp = NONE;
    private long steps;
    private double level;
    private double noise;
    private double shift;

    /**
     * The long-run mean absolute departure from expected, unclipped, on the scale the series is
     * judged on.
     */
    private double typicalDeparture;

    public SpikeDetector(DetectorSettings settings) {
        this.settings = settings;
        this.profile = new SeasonalProfile(settings);
        this.levelWeight = settings.perStep(settings.levelMemory());
        this.noiseWeight = settings.perStep(settings.noiseMemory());
        this.slotWeight = settings.perSlotVisit();
        this.shiftWeight = settings.perStep(settings.shiftMemory());
        // as long a memory as the recent peaks': a series still for days keeps the departures it
        // had before
        this.departureWeight = settings.perStep(settings.peakMemory());
        double peakDecay = 1 - settings.perStep(settings.peakMemory());
        this.spikePeak = new RecentPeak(peakDecay);
        this.shiftPeak = new RecentPeak(peakDecay);
    }

    /**
     * Judges {@code value} at {@code timestampMillis} (later than the previous one), then learns
     * from it.
     */
    public Verdict observe(long timestampMillis, double value) {
        double stable = settings.scale().stable(value);
        if (lastTimestamp != NONE) {
            if (timestampMillis <= lastTimestamp) {
                throw new IllegalArgumentException(
                        "steps must come in time order: "
                                + timestampMillis
                                + " after "
                                + lastTimestamp);
            }
            bridgeGap(timestampMillis);
        }
        lastTimestamp = timestampMillis;
        return judgeAndLearn(timestampMillis, stable);
    }

    private Verdict judgeAndLearn(long timestampMillis, double stable) {
        if (steps == 0) {
            level = stable;
        }
        double expected = level + profile.at(timestampMillis);
        ValueScale scale = settings.scale();
        double noiseNow = Math.max(noise, scale.noiseFloor(level));
        double z = (stable - expected) / noiseNow;
        shift += shiftWeight * (z - shift);
        // On a one-sided scale only surges count; on a two-sided one, departures either way.
        double surge = scale.twoSided() ? Math.abs(z) : z;
        double sustained = scale.twoSided() && z < 0 ? -shift : shift;
        double spikeBar = bar(spikePeak);
        double spikeRelative = surge / settings.spikeThreshold() / spikeBar;
        // A sustained departure is over once the series is back on the other side of expected.
        double shiftRelative =
                surge > 0 ? sustained / settings.shiftThreshold() / bar(shiftPeak) : 0;
        double relative = 0;
        // before the noise is known, any step looks far out: it is neither judged nor remembered as
        // a peak
        if (steps >= scale.stepsBeforeNoiseIsKnown()) {
            // Evidence in the warm-up is measured against a baseline still being learned (a new
            // series' daily
            // rhythm looks like a surge the first time): it joins the recent peak only in
            // proportion, or it would
            // raise the bar for weeks.
            double warmUp = warmUpFactor();
            spikePeak.learn(surge / settings.spikeThreshold() / warmUp, spikeRelative > 1);
            shiftPeak.learn(sustained / settings.shiftThreshold() / warmUp, shiftRelative > 1);
            relative = Math.max(0, Math.max(spikeRelative, shiftRelative));
        }
        double bandHalfWidth = settings.spikeThreshold() * spikeBar * noiseNow;
        Verdict verdict =
                new Verdict(
                        scale.value(expected),
                        scale.value(expected - bandHalfWidth),
                        scale.value(expected + bandHalfWidth),
                        relative * relative / (1 + relative * relative),
                        relative > 1);
        learn(timestampMillis, stable - expected, noiseNow);
        return verdict;
    }

    /**
     * How many times its threshold a test's evidence must be: more for a series that often goes
     * that far, and more while the series is new.
     */
    private double bar(RecentPeak peak) {
        return Math.min(settings.peakCap(), Math.max(1, peak.value())) * warmUpFactor();
    }

    /**
     * Twice the evidence at the first step, falling evenly to once at the end of the warm-up. Late
     * in a new series' first day its level and noise are mostly known; asking twice the evidence
     * until the last step missed surges there (a crisis in a query's first day) and bought no fewer
     * false alerts.
     */
    private double warmUpFactor() {
        long warmUpSteps = settings.warmUpSteps();
        return steps >= warmUpSteps ? 1 : 2 - (double) steps / warmUpSteps;
    }

    private void learn(long timestampMillis, double error, double noiseNow) {
        double clip = settings.learningClip() * noiseNow;
        double clipped = Math.max(-clip, Math.min(clip, error));
        // Plain averages at first, so the first hours already give a level and a noise estimate.
        double levelStep = Math.max(levelWeight, 1.0 / (steps + 1));
        double noiseStep = Math.max(noiseWeight, 1.0 / (steps + 1));
        level += levelStep * clipped;
        profile.learn(timestampMillis, (1 - levelStep) * clipped, slotWeight);
        // Clipped at the current noise alone, a noise that collapsed (a level series of zeros has a
        // floor of
        // almost nothing) could only grow back by a few percent a step, and every later move would
        // be a surge
        // for weeks. The long-run departure bounds the clip from below instead: a lone spike moves
        // it little.
        double noiseClip =
                settings.learningClip()
                        * Math.max(noiseNow, typicalDeparture * MEAN_TO_STANDARD_DEVIATION);
        noise +=
                noiseStep
                        * (Math.min(Math.abs(error), noiseClip) * MEAN_TO_STANDARD_DEVIATION
                                - noise);
        typicalDeparture +=
                Math.max(departureWeight, 1.0 / (steps + 1)) * (Math.abs(error) - typicalDeparture);
        steps++;
    }

    private void bridgeGap(long timestampMillis) {
        long stepMillis = settings.step().toMillis();
        long missing = Math.round((double) (timestampMillis - lastTimestamp) / stepMillis) - 1;
        if (missing <= 0) {
            return;
        }
        if (missing * stepMillis <= settings.season().toMillis() && zeroWasPlausible(missing)) {
            for (long i = 1; i <= missing; i++) {
                judgeAndLearn(lastTimestamp + i * stepMillis, settings.scale().stable(0));
            }
        } else {
            shift = 0;
        }
    }

    private boolean zeroWasPlausible(long missing) {
        if (settings.scale() != ValueScale.COUNTS) {
            return false;
        }
        double expectedInGap = 0;
        for (long i = 1; i <= missing && expectedInGap <= settings.maxExpectedInGap(); i++) {
            expectedInGap +=
                    CountScale.count(
                            level + profile.at(lastTimestamp + i * settings.step().toMillis()));
        }
        return expectedInGap <= settings.maxExpectedInGap();
    }

    /**
     * The whole state, settings included, in a versioned binary form for Flink's {@code
     * ValueState<byte[]>}.
     */
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
            out.writeDouble(typicalDeparture);
            spikePeak.writeTo(out);
            shiftPeak.writeTo(out);
            profile.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static SpikeDetector fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version < 1 || version > FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "unknown spike detector state version " + version);
            }
            SpikeDetector detector = new SpikeDetector(DetectorSettings.readFrom(in, version >= 2));
            detector.lastTimestamp = in.readLong();
            detector.steps = in.readLong();
            detector.level = in.readDouble();
            detector.noise = in.readDouble();
            detector.shift = in.readDouble();
            // states written before it was kept take the mean departure their noise stands for
            detector.typicalDeparture =
                    version >= 3 ? in.readDouble() : detector.noise / MEAN_TO_STANDARD_DEVIATION;
            detector.spikePeak.readFrom(in);
            detector.shiftPeak.readFrom(in);
            detector.profile.readFrom(in);
            return detector;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated spike detector state", e);
        }
    }
}
