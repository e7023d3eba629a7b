// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.detect.AlertEpisodes;
import io.hark.analytics.detect.AlertRules;
import io.hark.analytics.detect.DetectorSettings;
import io.hark.analytics.detect.EpisodeStep;
import io.hark.analytics.detect.ShareDetector;
import io.hark.analytics.detect.SilenceAlerts;
import io.hark.analytics.detect.SilenceStep;
import io.hark.analytics.detect.SilenceWatch;
import io.hark.analytics.detect.SpikeDetector;
import io.hark.analytics.detect.Verdict;
import io.hark.analytics.notify.KibanaLinks;
import io.hark.analytics.window.Signal;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.MetricScope;
import io.hark.schema.Severity;
import io.hark.schema.WindowMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Spike detection and alert episodes for one listening query (the key), one window of its metrics
 * (scope query) at a time.
 *
 * <p>Each {@link Signal} has its own detector ({@link SpikeDetector} for counts, {@link
 * ShareDetector} for the negative share); the most anomalous signal of a window drives one {@link
 * AlertEpisodes} lifecycle per query, so a crisis that lifts volume, negative volume and negative
 * share together pages once. Each episode step becomes an {@link Alert} with the evidence on-call
 * needs: actual against expected and its band, the top negative posts and authors, the terms and
 * hashtags over-represented against the query's baseline, a Kibana link.
 *
 * <p>Windows without mentions produce no metrics, yet they are data (zero) for the detectors and
 * what ends an episode: an event-time timer feeds a zero window for each step without metrics, for
 * up to {@link #QUIET_WINDOWS_FED} steps after the last window that had any.
 *
 * <p>A query that normally has traffic and goes quiet while the rest of the input flows raises a
 * {@code silence} alert ({@link SilenceWatch}). The live job only: windows judged long after they
 * ended, when the input catches up after it stalled, do not count (the whole input's silence,
 * {@link WatchInputSilence}, paged for that); a replay's time is not the clock's, and a bounded
 * run's input ends by design ({@link MetricsOptions#watchesSilences()}).
 *
 * <p>A window re-emitted for late mentions is not observed again (the detectors saw it on time and
 * learned from it), but it is judged again against the band it was judged with, for as long as the
 * window may still be updated: when its mentions came late (a connector that delivered a backlog, a
 * listen task that lagged while the others moved the watermark on), a surge it holds still opens an
 * episode, late, if none is open. Shares are not judged again: their band depends on the window's
 * mentions, which changed.
 */
public class DetectSpikes extends KeyedProcessFunction<String, WindowMetrics, Alert> {
    static final int QUIET_WINDOWS_FED = 60;

    /** The signals judged as counts, whose bands do not depend on the window's mentions. */
    private static final List<Signal> COUNT_SIGNALS =
            Arrays.stream(Signal.values())
                    .filter(signal -> signal != Signal.NEGATIVE_SHARE)
                    .toList();

    /** How the summary of an episode opened on a window judged again ends. */
    public static final String JUDGED_LATE = "; judged late, as its mentions came late";

    private static final Duration DELIVERY_DELAY = Duration.ofMinutes(5);
    private static final int EVIDENCE = 5;
    private static final double MIN_LIFT = 2.0;
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final Duration step;
    private final boolean replay;
    private final boolean watchSilences;
    private final KibanaLinks kibana;
    private final AlertRules rules;

    /** How long after its end a window may be re-emitted, and so judged again. */
    private final Duration allowedLateness;

    /**
     * How long after its end a window may be judged and still count as judged in time for a
     * silence.
     */
    private final Duration judgedInTimeWithin;

    private transient DetectorSettings settings;
    private transient MapState<String, byte[]> detectors;
    private transient ValueState<byte[]> episodes;
    private transient ValueState<byte[]> silence;

    /** Start of the last window observed, and of the last that had mentions. */
    private transient ValueState<long[]> observed;

    /**
     * The last window's query, group and time, as an empty window, which quiet windows are made
     * like: a copy, since an input object may be reused for the next record once this one is
     * processed.
     */
    private transient ValueState<WindowMetrics> lastMetrics;

    /**
     * Each recent window's band as it was judged, per count signal (expected, lower, upper), and
     * whether it was anomalous then (the last element), to judge it again if late mentions change
     * it.
     */
    private transient MapState<Long, double[]> judged;

    /** The signal the open episode is about, so its updates and resolution speak of it. */
    private transient ValueState<String> episodeSignal;

    private transient TermBaseline topics;
    private transient TermBaseline hashtags;

    /**
     * @param replay mark alerts as recorded by a replay, which notifiers never send
     * @param watchSilences raise silences (the live job only)
     * @param rules the detector's, episodes' and silences' settings
     * @param outOfOrderness how far behind the newest mention the watermark, and so the judging of
     *     windows, lags
     * @param allowedLateness how long after its end the window operator still updates a window
     */
    public DetectSpikes(
            Duration step,
            boolean replay,
            boolean watchSilences,
            KibanaLinks kibana,
            AlertRules rules,
            Duration outOfOrderness,
            Duration allowedLateness) {
        this.step = step;
        this.replay = replay;
        this.watchSilences = watchSilences;
        this.kibana = kibana;
        this.rules = rules;
        this.allowedLateness = allowedLateness;
        // a quiet window is judged a step after it ends, once the watermark passes, and the newest
        // mentions
        // may take minutes to come from their platform
        this.judgedInTimeWithin = outOfOrderness.plus(step).plus(DELIVERY_DELAY);
    }

    public static TypeInformation<Alert> outputType() {
        return new AvroTypeInfo<>(Alert.class);
    }

    @Override
    public void open(OpenContext openContext) {
        settings = rules.detector(step);
        detectors =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "detectors",
                                        Types.STRING,
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        episodes =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "episodes",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        silence =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "silence",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        observed =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "observed",
                                        PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        lastMetrics =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "last-metrics", new AvroTypeInfo<>(WindowMetrics.class)));
        episodeSignal =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("episode-signal", Types.STRING));
        judged =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "judged-bands",
                                        Types.LONG,
                                        PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        topics =
                new TermBaseline(
                        getRuntimeContext()
                                .getMapState(
                                        new MapStateDescriptor<>(
                                                "topic-baseline",
                                                Types.STRING,
                                                PrimitiveArrayTypeInfo
                                                        .DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO)));
        hashtags =
                new TermBaseline(
                        getRuntimeContext()
                                .getMapState(
                                        new MapStateDescriptor<>(
                                                "hashtag-baseline",
                                                Types.STRING,
                                                PrimitiveArrayTypeInfo
                                                        .DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO)));
    }

    @Override
    public void processElement(WindowMetrics metrics, Context ctx, Collector<Alert> out)
            throws Exception {
        long start = metrics.getWindowStart().toEpochMilli();
        long[] seen = observed.value();
        if (seen != null && start <= seen[0]) {
            judgeAgain(metrics, ctx, out);
            return;
        }
        // A query's first window is seldom whole: the stream, or the query, started within it.
        // Learned as the level, it would make the next, whole window look like a surge.
        if (seen != null) {
            for (long missing = seen[0] + step.toMillis();
                    missing < start;
                    missing += step.toMillis()) {
                observe(empty(metrics, missing), ctx, out);
            }
            observe(metrics, ctx, out);
        }
        observed.update(new long[] {start, start});
        lastMetrics.update(empty(metrics, start));
        ctx.timerService().registerEventTimeTimer(start + 2 * step.toMillis());
    }

    /** No metrics for the window after the last observed one: it had no mentions. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        long[] seen = observed.value();
        long quietWindow = timestamp - step.toMillis();
        if (seen == null || quietWindow != seen[0] + step.toMillis()) {
            return;
        }
        observe(empty(lastMetrics.value(), quietWindow), ctx, out);
        observed.update(new long[] {quietWindow, seen[1]});
        if (quietWindow - seen[1] < QUIET_WINDOWS_FED * step.toMillis()) {
            ctx.timerService().registerEventTimeTimer(timestamp + step.toMillis());
        }
    }

    private void observe(WindowMetrics metrics, Context ctx, Collector<Alert> out)
            throws Exception {
        long start = metrics.getWindowStart().toEpochMilli();
        Map<Signal, Verdict> verdicts = new EnumMap<>(Signal.class);
        Signal strongest = null;
        for (Signal signal : Signal.values()) {
            verdicts.put(signal, observe(signal, start, metrics));
            if (strongest == null || moreAlarming(verdicts.get(signal), verdicts.get(strongest))) {
                strongest = signal;
            }
        }
        byte[] episodeBytes = episodes.value();
        AlertEpisodes lifecycle =
                episodeBytes == null
                        ? new AlertEpisodes(rules.episodes())
                        : AlertEpisodes.fromBytes(episodeBytes);
        Optional<EpisodeStep> step =
                strongest == Signal.NEGATIVE_SHARE
                        ? lifecycle.step(
                                start,
                                metrics.getNegative(),
                                strongest.evidence(metrics),
                                inMentions(
                                        verdicts.get(strongest),
                                        metrics.getNegative()
                                                + metrics.getNeutral()
                                                + metrics.getPositive()))
                        : lifecycle.step(
                                start,
                                strongest.of(metrics),
                                strongest.evidence(metrics),
                                verdicts.get(strongest));
        episodes.update(lifecycle.toBytes());
        keepBands(start, verdicts, verdicts.get(strongest).anomalous());
        long windowIndex = start / this.step.toMillis();
        if (step.isPresent()) {
            EpisodeStep.Kind kind = step.get().kind();
            if (kind == EpisodeStep.Kind.OPENED
                    || kind == EpisodeStep.Kind.ESCALATED
                    || episodeSignal.value() == null) {
                episodeSignal.update(strongest.name());
            }
            Signal about = Signal.valueOf(episodeSignal.value());
            out.collect(
                    alert(
                            ctx.getCurrentKey(),
                            metrics,
                            about,
                            about.of(metrics),
                            verdicts.get(about),
                            step.get(),
                            windowIndex,
                            ctx.timerService().currentProcessingTime(),
                            false));
            if (kind == EpisodeStep.Kind.RESOLVED) {
                episodeSignal.clear();
            }
        }
        if (watchSilences) {
            watchSilence(metrics, ctx, out);
        }
        if (!verdicts.get(strongest).anomalous()) {
            topics.learn(metrics.getTopTopics(), windowIndex);
            hashtags.learn(metrics.getTopHashtags(), windowIndex);
        }
    }

    /**
     * Keeps the bands {@code start}'s window was judged with, for as long as it may be re-emitted,
     * and forgets those of the window that can no longer be.
     */
    private void keepBands(long start, Map<Signal, Verdict> verdicts, boolean anomalous)
            throws Exception {
        double[] bands = new double[3 * COUNT_SIGNALS.size() + 1];
        for (int i = 0; i < COUNT_SIGNALS.size(); i++) {
            Verdict verdict = verdicts.get(COUNT_SIGNALS.get(i));
            bands[3 * i] = verdict.expected();
            bands[3 * i + 1] = verdict.lower();
            bands[3 * i + 2] = verdict.upper();
        }
        bands[bands.length - 1] = anomalous ? 1 : 0;
        judged.put(start, bands);
        // windows are observed one step after another, so forgetting one window a step forgets
        // them all in turn
        long stepMillis = step.toMillis();
        long stepsKept = (allowedLateness.toMillis() + stepMillis - 1) / stepMillis + 1;
        judged.remove(start - (stepsKept + 1) * stepMillis);
    }

    /**
     * A window observed before, re-emitted because late mentions changed it: judged again against
     * the bands it was judged with. If none of its signals was anomalous then and one is now, and
     * no episode is open, an episode opens on it.
     */
    private void judgeAgain(WindowMetrics metrics, Context ctx, Collector<Alert> out)
            throws Exception {
        long start = metrics.getWindowStart().toEpochMilli();
        double[] bands = judged.get(start);
        byte[] episodeBytes = episodes.value();
        if (bands == null
                || bands.length != 3 * COUNT_SIGNALS.size() + 1
                || bands[bands.length - 1] != 0
                || episodeBytes == null) {
            return;
        }
        Signal strongest = null;
        Verdict strongestVerdict = null;
        for (int i = 0; i < COUNT_SIGNALS.size(); i++) {
            Signal signal = COUNT_SIGNALS.get(i);
            Verdict verdict =
                    new Verdict(bands[3 * i], bands[3 * i + 1], bands[3 * i + 2], 0, false)
                            .withValue(signal.of(metrics), settings.scale());
            if (strongest == null || moreAlarming(verdict, strongestVerdict)) {
                strongest = signal;
                strongestVerdict = verdict;
            }
        }
        AlertEpisodes lifecycle = AlertEpisodes.fromBytes(episodeBytes);
        Optional<EpisodeStep> opened =
                lifecycle.stepLate(
                        start,
                        strongest.of(metrics),
                        strongest.evidence(metrics),
                        strongestVerdict);
        if (opened.isEmpty()) {
            return;
        }
        episodes.update(lifecycle.toBytes());
        bands[bands.length - 1] = 1;
        judged.put(start, bands);
        episodeSignal.update(strongest.name());
        out.collect(
                alert(
                        ctx.getCurrentKey(),
                        metrics,
                        strongest,
                        strongest.of(metrics),
                        strongestVerdict,
                        opened.get(),
                        start / step.toMillis(),
                        ctx.timerService().currentProcessingTime(),
                        true));
    }

    private void watchSilence(WindowMetrics metrics, Context ctx, Collector<Alert> out)
            throws Exception {
        byte[] state = silence.value();
        SilenceWatch watch =
                state == null ? new SilenceWatch(rules.silence()) : SilenceWatch.fromBytes(state);
        long now = ctx.timerService().currentProcessingTime();
        long end = metrics.getWindowEnd().toEpochMilli();
        Optional<SilenceStep> step =
                watch.step(
                        metrics.getWindowStart().toEpochMilli(),
                        end,
                        metrics.getVolume(),
                        now - end <= judgedInTimeWithin.toMillis());
        silence.update(watch.toBytes());
        step.ifPresent(
                silent ->
                        out.collect(
                                SilenceAlerts.ofQuery(
                                        silent,
                                        ctx.getCurrentKey(),
                                        metrics.getGroup(),
                                        kibana,
                                        now)));
    }

    /**
     * The signal's detector's verdict on this window, its state updated: a share has its own
     * detector, which weighs each window's share by how many mentions it rests on; the others are
     * counts.
     */
    private Verdict observe(Signal signal, long start, WindowMetrics metrics) throws Exception {
        byte[] state = detectors.get(signal.name());
        Verdict verdict;
        if (signal == Signal.NEGATIVE_SHARE) {
            ShareDetector detector =
                    state == null ? new ShareDetector(settings) : ShareDetector.fromBytes(state);
            verdict =
                    detector.observe(
                            start,
                            metrics.getNegative(),
                            metrics.getNegative() + metrics.getNeutral() + metrics.getPositive());
            state = detector.toBytes();
        } else {
            SpikeDetector detector =
                    state == null ? new SpikeDetector(settings) : SpikeDetector.fromBytes(state);
            verdict = detector.observe(start, signal.of(metrics));
            state = detector.toBytes();
        }
        detectors.put(signal.name(), state);
        return verdict;
    }

    /**
     * A share's verdict in negative mentions out of the window's {@code trials}: severity counts
     * band widths of at least one mention, and a band of shares (under 1) would keep every share
     * alert low.
     */
    private static Verdict inMentions(Verdict share, long trials) {
        return new Verdict(
                share.expected() * trials,
                share.lower() * trials,
                share.upper() * trials,
                share.anomalyScore(),
                share.anomalous());
    }

    private static boolean moreAlarming(Verdict candidate, Verdict current) {
        if (candidate.anomalous() != current.anomalous()) {
            return candidate.anomalous();
        }
        return candidate.anomalyScore() > current.anomalyScore();
    }

    private Alert alert(
            String queryId,
            WindowMetrics metrics,
            Signal signal,
            double actual,
            Verdict verdict,
            EpisodeStep step,
            long windowIndex,
            long now,
            boolean late)
            throws Exception {
        Instant episodeStart = Instant.ofEpochMilli(step.episodeStart());
        Severity severity = Severity.valueOf(step.severity().name().toLowerCase(Locale.ROOT));
        AlertState state = AlertState.valueOf(step.kind().name().toLowerCase(Locale.ROOT));
        return Alert.newBuilder()
                .setAlertId(queryId + "@" + step.episodeStart())
                .setState(state)
                .setSequence(step.sequence())
                .setReplay(replay)
                .setQueryId(queryId)
                .setGroup(metrics.getGroup())
                .setSignal(signal.label())
                .setSeverity(severity)
                .setWindowStart(metrics.getWindowStart())
                .setWindowEnd(metrics.getWindowEnd())
                .setEpisodeStart(episodeStart)
                .setActual(actual)
                .setExpected(verdict.expected())
                .setLower(verdict.lower())
                .setUpper(verdict.upper())
                .setAnomalyScore(verdict.anomalyScore())
                .setVolume(metrics.getVolume())
                .setNegative(metrics.getNegative())
                .setTopNegativePosts(limit(metrics.getTopNegativePosts()))
                .setOverRepresentedTerms(
                        topics.overRepresented(
                                metrics.getTopTerms(), windowIndex, MIN_LIFT, EVIDENCE))
                .setOverRepresentedHashtags(
                        hashtags.overRepresented(
                                metrics.getTopHashtags(), windowIndex, MIN_LIFT, EVIDENCE))
                .setTopAuthors(limit(metrics.getTopAuthors()))
                .setKibanaUrl(
                        kibana.discover(
                                queryId,
                                episodeStart.minus(Duration.ofMinutes(30)),
                                metrics.getWindowEnd().plus(Duration.ofMinutes(5))))
                .setSummary(
                        summary(queryId, metrics, signal, actual, verdict, step, severity)
                                + (late ? JUDGED_LATE : ""))
                .setEmittedAt(Instant.ofEpochMilli(now))
                .build();
    }

    private String summary(
            String queryId,
            WindowMetrics metrics,
            Signal signal,
            double actual,
            Verdict verdict,
            EpisodeStep step,
            Severity severity) {
        String what =
                metrics.getGroup() == null ? queryId : queryId + " (" + metrics.getGroup() + ")";
        String window =
                MINUTE.format(metrics.getWindowStart())
                        + "-"
                        + MINUTE.format(metrics.getWindowEnd())
                        + " UTC";
        if (step.kind() == EpisodeStep.Kind.RESOLVED) {
            return what
                    + ": back to normal at "
                    + window
                    + " after "
                    + step.anomalousWindows()
                    + " anomalous "
                    + (step.anomalousWindows() == 1 ? "window" : "windows")
                    + " since "
                    + MINUTE.format(Instant.ofEpochMilli(step.episodeStart()))
                    + " UTC";
        }
        return String.format(
                Locale.ROOT,
                "%s: %s %s in %s, expected %s (normal up to %s); %s, %d anomalous %s",
                what,
                signal.label().replace('_', ' '),
                number(actual),
                window,
                number(verdict.expected()),
                number(verdict.upper()),
                severity,
                step.anomalousWindows(),
                step.anomalousWindows() == 1 ? "window" : "windows");
    }

    private static String number(double value) {
        return value == Math.rint(value) || Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static <T> List<T> limit(List<T> items) {
        return items.subList(0, Math.min(EVIDENCE, items.size()));
    }

    /** A window without mentions, as the detectors must see it. */
    private WindowMetrics empty(WindowMetrics like, long start) {
        return WindowMetrics.newBuilder()
                .setScope(MetricScope.query)
                .setKey(like.getKey())
                .setGroup(like.getGroup())
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + step.toMillis()))
                .setVolume(0)
                .setUniqueAuthors(0)
                .setNegative(0)
                .setNeutral(0)
                .setPositive(0)
                .setNetSentiment(0)
                .setReach(0)
                .setNegativeReach(0)
                .setEngagement(0)
                .setUpdatedAt(like.getUpdatedAt())
                .build();
    }
}
