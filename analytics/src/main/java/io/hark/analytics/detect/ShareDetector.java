// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Rises in a share (negative mentions among the mentions with a sentiment, per window), one window
 * at a time, with state small enough for Flink keyed state (about 160 bytes). {@link SpikeDetector}
 * reads its values as counts, and a share of 0 to 1 never looks like a surge there.
 *
 * <p>Normal is a beta posterior: hits and trials summed with exponential decay from a Jeffreys
 * prior, so a window weighs as much as its trials. A window's evidence is the signed root of its
 * binomial log-likelihood ratio against the expected share, so 2 negatives of 3 are weak evidence
 * and 12 of 20 strong, in units of a learned over-dispersion (never below binomial noise) and
 * widened by the baseline's own uncertainty (beta-binomial), which keeps the first windows from
 * alerting. Two tests share one bar: a single window far above expected, and a sustained rise,
 * where each window in a row above expected adds its evidence beyond {@code shiftThreshold} (a
 * CUSUM). So 60% negative after 15% alerts within two windows of 20, and a rise ends with the first
 * window back near expected, however long the crisis was. Hits are clipped before they are learned
 * and surging windows teach the noise nothing: a crisis hardly moves the baseline and does not
 * widen the band the next one is judged by, while a lasting change is adopted.
 *
 * <p>Of the {@link DetectorSettings}, this uses {@code levelMemory} (the expected share), {@code
 * noiseMemory}, {@code warmUp}, {@code shiftThreshold} and {@code learningClip}, counted in windows
 * with a sentiment: a window without any says nothing about tone and changes nothing, so there are
 * no gaps to bridge. Tone is far less seasonal than volume, so there is no time-of-day profile; a
 * daily rhythm of tone shows as more noise. {@code spikeThreshold} and the recent peaks answer the
 * heavy tails of mention counts; a share is bounded and its noise binomial, so the bar is {@link
 * #SPIKE_THRESHOLD}, and a crisis must not raise it for the next one.
 *
 * <p>Cold start: during {@code warmUp} both tests need twice the evidence, as in SpikeDetector.
 */
public final class ShareDetector {
    /**
     * Standard deviations for a single window: in simulation about one false alarm in 20,000
     * windows (two weeks of minutes) of a steady binomial share, while 15% negative jumping to 60%
     * in a window of 20 reaches it three times in four.
     */
    private static final double SPIKE_THRESHOLD = 4.0;

    /** Version 2 adds the settings' scale; version 1 states are of counts. */
    private static final byte FORMAT_VERSION = 2;

    private static final long NONE = Long.MIN_VALUE;

    /** Jeffreys prior, Beta(1/2, 1/2): a share of one half, worth one trial. */
    private static final double PRIOR_HITS = 0.5;

    private static final double PRIOR_TRIALS = 1;

    /** The mean absolute deviation of a normal variable is sqrt(2/pi) of its standard deviation. */
    private static final double MEAN_TO_SD = Math.sqrt(Math.PI / 2);

    private static final int BISECTIONS = 40;

    private final DetectorSettings settings;
    private final double levelDecay;
    private final double noiseWeight;
    private long lastTimestamp = NONE;
    private long steps;
    private double hits;
    private double trials;
    private double noise = 1;
    private double shift;

    public ShareDetector(DetectorSettings settings) {
        this.settings = settings;
        this.levelDecay = 1 - settings.perStep(settings.levelMemory());
        this.noiseWeight = settings.perStep(settings.noiseMemory());
    }

    /**
     * Judges {@code hits} of {@code trials} (negative mentions of the mentions with a sentiment) in
     * the window at {@code timestampMillis} (later than the previous one), then learns from it. The
     * verdict's expected, lower and upper are shares, the band for a window of this many trials.
     */
    public Verdict observe(long timestampMillis, long hits, long trials) {
        if (hits < 0 || hits > trials) {
            throw new IllegalArgumentException(
                    "hits must be 0 or more and at most the trials: " + hits + " of " + trials);
        }
        if (lastTimestamp != NONE && timestampMillis <= lastTimestamp) {
            throw new IllegalArgumentException(
                    "steps must come in time order: "
                            + timestampMillis
                            + " after "
                            + lastTimestamp);
        }
        lastTimestamp = timestampMillis;
        double expected = (this.hits + PRIOR_HITS) / (this.trials + PRIOR_TRIALS);
        if (trials == 0) {
            // Nothing to judge or learn from: any share would have been normal.
            return new Verdict(expected, 0, 1, 0, false);
        }
        double share = (double) hits / trials;
        // A rise is measured against at least one expected hit, so four negatives or fewer are
        // never evidence
        // on their own, however calm the query (the counterpart of the Poisson floor of counts).
        double riseBase = Math.max(expected, 1.0 / trials);
        double noiseNow = Math.max(noise, 1);
        // Beta-binomial: a baseline of few trials is itself uncertain, which widens the band of a
        // window.
        double baseTrials = this.trials + PRIOR_TRIALS;
        double scale = noiseNow * Math.sqrt((baseTrials + trials) / (baseTrials + 1));
        double deviations =
                share > riseBase
                        ? deviations(share, riseBase, trials)
                        : share < expected ? -deviations(share, expected, trials) : 0;
        double z = deviations / scale;
        double spikeBar = SPIKE_THRESHOLD * evidenceFactor();
        // A CUSUM of the deviations beyond shiftThreshold, restarted by any window at or below
        // expected. Only
        // a window that adds to it is part of the rise: the windows after a crisis, back near
        // expected, are not.
        shift = z > 0 ? Math.max(0, shift + z - settings.shiftThreshold()) : 0;
        double spikeRelative = z / spikeBar;
        double shiftRelative = z > settings.shiftThreshold() ? shift / spikeBar : 0;
        double relative = Math.max(0, Math.max(spikeRelative, shiftRelative));
        Verdict verdict =
                new Verdict(
                        expected,
                        bound(expected, 0, spikeBar * scale, trials),
                        bound(riseBase, 1, spikeBar * scale, trials),
                        relative * relative / (1 + relative * relative),
                        relative > 1);
        learn(hits, trials, expected, scale, z * noiseNow, verdict.anomalous());
        return verdict;
    }

    private double evidenceFactor() {
        return steps < settings.warmUpSteps() ? 2 : 1;
    }

    /**
     * @param error the window's deviation in units of binomial noise, the baseline's own
     *     uncertainty taken out
     */
    private void learn(
            long hits, long trials, double expected, double scale, double error, boolean surging) {
        // Standard deviations of the window's hits, at least one hit each, so tiny windows are
        // learned whole.
        double clip =
                settings.learningClip()
                        * scale
                        * Math.max(1, Math.sqrt(trials * expected * (1 - expected)));
        double expectedHits = trials * expected;
        this.hits =
                levelDecay * this.hits
                        + Math.max(expectedHits - clip, Math.min(expectedHits + clip, hits));
        this.trials = levelDecay * this.trials + trials;
        // A crisis must not widen the band the next one is judged by.
        if (!surging) {
            double clippedError =
                    Math.min(settings.learningClip() * Math.max(noise, 1), Math.abs(error));
            // Plain averages at first, so the first hours already give a noise estimate.
            noise += Math.max(noiseWeight, 1.0 / (steps + 1)) * (clippedError * MEAN_TO_SD - noise);
        }
        steps++;
    }

    /**
     * The root of the log-likelihood ratio of {@code share} of {@code trials} against {@code base}:
     * signed, about a standard normal variable under the binomial, without the Wald z-score's heavy
     * tail at small counts.
     */
    private static double deviations(double share, double base, long trials) {
        return Math.sqrt(2 * trials * divergence(share, base));
    }

    /** Kullback-Leibler divergence of Bernoulli({@code share}) from Bernoulli({@code base}). */
    private static double divergence(double share, double base) {
        return xLogRatio(share, base) + xLogRatio(1 - share, 1 - base);
    }

    private static double xLogRatio(double x, double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }

    /**
     * The share between {@code base} and {@code limit} (0 or 1) that is {@code sds} standard
     * deviations from {@code base} in a window of {@code trials}, or {@code limit} if none is that
     * far.
     */
    private static double bound(double base, double limit, double sds, long trials) {
        if (deviations(limit, base, trials) <= sds) {
            return limit;
        }
        double near = base;
        double far = limit;
        for (int i = 0; i < BISECTIONS; i++) {
            double middle = (near + far) / 2;
            if (deviations(middle, base, trials) < sds) {
                near = middle;
            } else {
                far = middle;
            }
        }
        return near;
    }

    /**
     * The whole state, settings included, in a versioned binary form for Flink's {@code
     * ValueState<byte[]>}.
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(192);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            settings.writeTo(out);
            out.writeLong(lastTimestamp);
            out.writeLong(steps);
            out.writeDouble(hits);
            out.writeDouble(trials);
            out.writeDouble(noise);
            out.writeDouble(shift);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ShareDetector fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != 1 && version != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "unknown share detector state version " + version);
            }
            ShareDetector detector =
                    new ShareDetector(DetectorSettings.readFrom(in, version == FORMAT_VERSION));
            detector.lastTimestamp = in.readLong();
            detector.steps = in.readLong();
            detector.hits = in.readDouble();
            detector.trials = in.readDouble();
            detector.noise = in.readDouble();
            detector.shift = in.readDouble();
            return detector;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated share detector state", e);
        }
    }
}
