// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import io.hark.analytics.detect.SilenceStep.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Silences in one series of mention counts (a query's windows, or the whole input's mentions per
 * tick of the clock), one step at a time. A stretch of steps without mentions becomes a silence
 * once it is as long as {@link SilenceSettings#minDuration()} and the mentions normal for it add up
 * to {@link SilenceSettings#minExpected()}; it ends at the first step with mentions. Normal is the
 * recent rate of mentions (an exponential average with a half-life of {@link #RATE_MEMORY}, plain
 * at first) as the stretch began: long enough that a query's last busy minute does not make it look
 * busy, and kept through the stretch, since a rate that learned from the silence would soon expect
 * it. Spike detection never sees a drop in counts as news, so without this a dead connector would
 * page nobody.
 *
 * <p>Steps judged late (the input catching up after it stalled, when the whole input's silence was
 * the news) do not count towards a silence: its clock starts again at the next step judged in time.
 */
public final class SilenceWatch {
    private static final byte FORMAT_VERSION = 1;
    private static final long NONE = Long.MIN_VALUE;
    static final Duration RATE_MEMORY = Duration.ofHours(1);

    private final SilenceSettings settings;
    private long firstStep = NONE;
    private long steps;

    /** Mentions per millisecond, recently. */
    private double rate;

    private long silentSince = NONE;
    private long silentUntil = NONE;

    /** The recent rate as the silence began. */
    private double normalRate;

    /** The first step of the silence's latest run of steps judged in time. */
    private long inTimeSince = NONE;

    private boolean open;

    public SilenceWatch(SilenceSettings settings) {
        this.settings = settings;
    }

    /**
     * Takes the step from {@code startMillis} to {@code endMillis} (in time order) with {@code
     * mentions} and returns what happened to the silence, if anything.
     *
     * @param inTime whether the step is judged about when it ended, rather than long after
     */
    public Optional<SilenceStep> step(
            long startMillis, long endMillis, long mentions, boolean inTime) {
        if (firstStep == NONE) {
            firstStep = startMillis;
        }
        Optional<SilenceStep> step = judge(startMillis, endMillis, mentions, inTime);
        learnRate(endMillis - startMillis, mentions);
        return step;
    }

    private Optional<SilenceStep> judge(
            long startMillis, long endMillis, long mentions, boolean inTime) {
        if (mentions > 0) {
            Optional<SilenceStep> resolved =
                    open ? Optional.of(current(Kind.RESOLVED, startMillis)) : Optional.empty();
            open = false;
            silentSince = NONE;
            inTimeSince = NONE;
            return resolved;
        }
        if (silentSince == NONE) {
            silentSince = startMillis;
            normalRate = rate;
        }
        silentUntil = endMillis;
        if (!inTime) {
            inTimeSince = NONE;
            return Optional.empty();
        }
        if (inTimeSince == NONE) {
            inTimeSince = startMillis;
        }
        if (open || !isNews()) {
            return Optional.empty();
        }
        open = true;
        return Optional.of(current(Kind.OPENED, silentUntil));
    }

    private void learnRate(long stepMillis, long mentions) {
        double weight = 1 - Math.pow(0.5, (double) stepMillis / RATE_MEMORY.toMillis());
        rate +=
                Math.max(weight, 1.0 / (steps + 1))
                        * ((double) mentions / Math.max(1, stepMillis) - rate);
        steps++;
    }

    private SilenceStep current(Kind kind, long until) {
        return new SilenceStep(kind, silentSince, until, normalRate * (until - silentSince));
    }

    private boolean isNews() {
        long watched = silentUntil - inTimeSince;
        return watched >= settings.minDuration().toMillis()
                && normalRate * watched >= settings.minExpected()
                && silentSince - firstStep >= settings.minHistoryMillis();
    }

    /** Whether a silence is open: opened and not yet ended by a step with mentions. */
    public boolean isOpen() {
        return open;
    }

    /**
     * The whole state, settings included, in a versioned binary form for Flink's {@code
     * ValueState<byte[]>}.
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        settings.writeTo(out);
        out.writeLong(firstStep);
        out.writeLong(steps);
        out.writeDouble(rate);
        out.writeLong(silentSince);
        out.writeLong(silentUntil);
        out.writeDouble(normalRate);
        out.writeLong(inTimeSince);
        out.writeBoolean(open);
    }

    public static SilenceWatch fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return readFrom(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated silence watch state", e);
        }
    }

    static SilenceWatch readFrom(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown silence watch state version " + version);
        }
        SilenceWatch watch = new SilenceWatch(SilenceSettings.readFrom(in));
        watch.firstStep = in.readLong();
        watch.steps = in.readLong();
        watch.rate = in.readDouble();
        watch.silentSince = in.readLong();
        watch.silentUntil = in.readLong();
        watch.normalRate = in.readDouble();
        watch.inTimeSince = in.readLong();
        watch.open = in.readBoolean();
        return watch;
    }
}
