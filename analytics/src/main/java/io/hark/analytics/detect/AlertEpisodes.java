// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import io.hark.analytics.detect.EpisodeStep.Kind;
import io.hark.analytics.detect.EpisodeStep.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Turns one series' verdicts into alert episodes: opened on the first anomalous window, escalated
 * when it gets worse, updated now and then while it lasts, resolved after a calm spell, and kept
 * from re-opening while the series flaps. State small enough for Flink keyed state.
 */
public final class AlertEpisodes {
    private static final byte FORMAT_VERSION = 1;
    private static final long NONE = Long.MIN_VALUE;
    private static final Severity[] SEVERITIES = Severity.values();

    private final EpisodeSettings settings;
    private boolean open;
    private long episodeStart = NONE;
    private int sequence;
    private Severity severity = Severity.LOW;
    private int anomalousWindows;
    private double peakExcess;
    private long lastAnomalous = NONE;
    private long lastEmitted = NONE;
    private long cooldownUntil = NONE;

    public AlertEpisodes(EpisodeSettings settings) {
        this.settings = settings;
    }

    /**
     * Takes the verdict on the window starting at {@code windowStartMillis} (in time order) and
     * returns what happened to the episode, if anything. {@code actual} is the value the verdict
     * judged; {@code volume} the mentions in the window.
     */
    public Optional<EpisodeStep> step(
            long windowStartMillis, double actual, long volume, Verdict verdict) {
        boolean anomalous = verdict.anomalous() && volume >= settings.minVolume();
        double excess = anomalous ? excess(actual, verdict) : 0;
        return open
                ? carryOn(windowStartMillis, anomalous, excess)
                : maybeOpen(windowStartMillis, anomalous, excess);
    }

    /**
     * Takes a new verdict on a window stepped before, whose mentions came late (after later windows
     * were stepped): it opens an episode as {@link #step} would have, if none is open; an open
     * episode has moved on since, and the window neither carries it on nor resolves it.
     */
    public Optional<EpisodeStep> stepLate(
            long windowStartMillis, double actual, long volume, Verdict verdict) {
        if (open) {
            return Optional.empty();
        }
        boolean anomalous = verdict.anomalous() && volume >= settings.minVolume();
        return maybeOpen(windowStartMillis, anomalous, anomalous ? excess(actual, verdict) : 0);
    }

    private Optional<EpisodeStep> maybeOpen(long window, boolean anomalous, double excess) {
        if (!anomalous) {
            return Optional.empty();
        }
        Severity now = severity(excess, 0);
        // Still the resolved episode's severity: only something worse pages during the cooldown.
        if (window < cooldownUntil && now.compareTo(severity) <= 0) {
            // a late window is older than the one that set the cooldown: it must not shorten it
            cooldownUntil = Math.max(cooldownUntil, window + settings.cooldown().toMillis());
            return Optional.empty();
        }
        open = true;
        episodeStart = window;
        sequence = 0;
        severity = now;
        anomalousWindows = 1;
        peakExcess = excess;
        lastAnomalous = window;
        lastEmitted = window;
        return Optional.of(current(Kind.OPENED));
    }

    private Optional<EpisodeStep> carryOn(long window, boolean anomalous, double excess) {
        if (anomalous) {
            anomalousWindows++;
            lastAnomalous = window;
            peakExcess = Math.max(peakExcess, excess);
        }
        Severity now = severity(peakExcess, lastAnomalous - episodeStart);
        if (now.compareTo(severity) > 0) {
            severity = now;
            return next(Kind.ESCALATED, window);
        }
        if (window - lastAnomalous >= settings.calmToResolve().toMillis()) {
            open = false;
            cooldownUntil = window + settings.cooldown().toMillis();
            return next(Kind.RESOLVED, window);
        }
        return window - lastEmitted >= settings.updateEvery().toMillis()
                ? next(Kind.UPDATED, window)
                : Optional.empty();
    }

    private Optional<EpisodeStep> next(Kind kind, long window) {
        sequence++;
        lastEmitted = window;
        return Optional.of(current(kind));
    }

    private EpisodeStep current(Kind kind) {
        return new EpisodeStep(kind, episodeStart, sequence, severity, anomalousWindows);
    }

    /** How far above expected, in band half-widths (1 is the top of the band). */
    private static double excess(double actual, Verdict verdict) {
        // A band narrower than one mention would make any excess look enormous.
        return (actual - verdict.expected()) / Math.max(1, verdict.upper() - verdict.expected());
    }

    private Severity severity(double excess, long durationMillis) {
        int steps =
                excess <= 1
                        ? 0
                        : (int) Math.floor(Math.log(excess) / Math.log(settings.severityStep()));
        if (durationMillis >= settings.sustained().toMillis()) {
            steps++;
        }
        return SEVERITIES[Math.min(SEVERITIES.length - 1, steps)];
    }

    /**
     * The whole state, settings included, in a versioned binary form for Flink's {@code
     * ValueState<byte[]>}.
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            settings.writeTo(out);
            out.writeBoolean(open);
            out.writeLong(episodeStart);
            out.writeInt(sequence);
            out.writeByte(severity.ordinal());
            out.writeInt(anomalousWindows);
            out.writeDouble(peakExcess);
            out.writeLong(lastAnomalous);
            out.writeLong(lastEmitted);
            out.writeLong(cooldownUntil);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static AlertEpisodes fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "unknown alert episode state version " + version);
            }
            AlertEpisodes episodes = new AlertEpisodes(EpisodeSettings.readFrom(in));
            episodes.open = in.readBoolean();
            episodes.episodeStart = in.readLong();
            episodes.sequence = in.readInt();
            episodes.severity = SEVERITIES[in.readByte()];
            episodes.anomalousWindows = in.readInt();
            episodes.peakExcess = in.readDouble();
            episodes.lastAnomalous = in.readLong();
            episodes.lastEmitted = in.readLong();
            episodes.cooldownUntil = in.readLong();
            return episodes;
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("corrupt alert episode state", e);
        }
    }
}
