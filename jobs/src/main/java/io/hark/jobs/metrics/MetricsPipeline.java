// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.detect.AlertRules;
import io.hark.analytics.window.MentionFacts;
import io.hark.jobs.Watermarks;
import io.hark.jobs.queries.BroadcastQueries;
import io.hark.schema.Alert;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.MentionIds;
import io.hark.schema.MetricScope;
import io.hark.schema.WindowMetrics;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.types.Either;

/**
 * The metrics job, a function of (environment, sources, sinks): enriched mentions that matched a
 * listening query, each once (the enriched topic is written at least once), counted per query and
 * group in tumbling event-time windows (late mentions update their window), indexed; each query's
 * windows checked for spikes and silences, and the whole input for its silence; alert episodes to
 * the alert topic, the alerts index and the group's notifiers. Undecodable records become dead
 * letters.
 *
 * <p>Operator ids start with {@code metrics-}, so the local mode can run this pipeline and the
 * listen pipeline as one Flink job.
 */
public final class MetricsPipeline {
    /**
     * A replay task emits a window as a part once this many mentions went by without one for it:
     * minutes of replayed time at any realistic rate, so windows are usually whole when emitted.
     */
    private static final long WINDOW_PARTS_IDLE_MENTIONS = 10_000;

    /** The most mentions a replay task holds in open windows: tens of megabytes of heap. */
    private static final long WINDOW_PARTS_MAX_HELD = 100_000;

    /** How long after a failed report it is tried again (and again when the next one is due). */
    private static final Duration REPORT_RETRY = Duration.ofMinutes(5);

    private MetricsPipeline() {}

    public static void define(
            StreamExecutionEnvironment env,
            MetricsSources sources,
            MetricsSinks sinks,
            MetricsOptions options) {
        DataStream<Either<DeadLetter, EnrichedMention>> incoming =
                env.fromSource(
                                sources.enrichedMentions(),
                                Watermarks.forEnrichedMentions(
                                        options.outOfOrderness(),
                                        options.allowedLateness(),
                                        options.idleness()),
                                "enriched-mentions")
                        .uid("metrics-enriched-mentions-source");
        process(env, decode(incoming, sinks.deadLetters()), sources, sinks, options);
    }

    /** The enriched mentions read; what could not be decoded to {@code deadLetters}. */
    public static DataStream<EnrichedMention> decode(
            DataStream<Either<DeadLetter, EnrichedMention>> incoming,
            Sink<DeadLetter> deadLetters) {
        SingleOutputStreamOperator<EnrichedMention> enriched =
                incoming.process(
                                new SeparateUndecodable<EnrichedMention>(),
                                new AvroTypeInfo<>(EnrichedMention.class))
                        .name("decode")
                        .uid("metrics-decode");
        enriched.getSideOutput(SeparateUndecodable.DEAD_LETTERS)
                .sinkTo(deadLetters)
                .name("dead-letters")
                .uid("metrics-dead-letters");
        return enriched;
    }

    /**
     * Everything after decoding: window metrics to the metrics index, spike detection, alerts to
     * their topic, index and notifiers.
     *
     * @param sources only the query updates and initial queries are read
     */
    public static void process(
            StreamExecutionEnvironment env,
            DataStream<EnrichedMention> enriched,
            MetricsSources sources,
            MetricsSinks sinks,
            MetricsOptions options) {
        detectAndPublish(windowMetrics(env, enriched, sources, options), sinks, options);
    }

    /**
     * Window metrics to the metrics index; each query's windows checked for spikes, and the alerts
     * to their topic, index and notifiers. A replay computes its window metrics its own way and
     * joins here.
     */
    public static void detectAndPublish(
            DataStream<WindowMetrics> metrics, MetricsSinks sinks, MetricsOptions options) {
        DataStream<Alert> alerts = alerts(metrics, options, options.alertRules(), "");
        if (options.watchesSilences()) {
            alerts = alerts.union(inputSilence(metrics, options));
        }
        metrics.sinkTo(sinks.metricsIndex()).name("metrics-index").uid("metrics-index");
        alerts.sinkTo(sinks.alertTopic()).name("alert-topic").uid("metrics-alert-topic");
        alerts.sinkTo(sinks.alertIndex()).name("alert-index").uid("metrics-alert-index");
        // its own task: a notifier failing slowly (timeouts, retries) then holds up only later
        // notifications,
        // not spike detection and everything before it, which it would if chained to them
        alerts.sinkTo(sinks.notifications()).name("notify").uid("metrics-notify").disableChaining();
        if (sinks.reports() != null) {
            brandReports(metrics, sinks.reports(), options)
                    .sinkTo(sinks.deadLetters())
                    .name("report-dead-letters")
                    .uid("metrics-report-dead-letters");
        }
    }

    /**
     * One brand report per period of {@link MetricsOptions#reportSchedule()}, written by one task;
     * the announcements that failed, as dead letters.
     */
    static DataStream<DeadLetter> brandReports(
            DataStream<WindowMetrics> metrics, ReportPublisher publisher, MetricsOptions options) {
        return metrics.keyBy(WriteBrandReports.ONE_KEY, Types.STRING)
                .process(
                        new WriteBrandReports(
                                options.reportSchedule(),
                                options.reportGroups(),
                                options.allowedLateness(),
                                REPORT_RETRY,
                                publisher),
                        new AvroTypeInfo<>(DeadLetter.class))
                .setParallelism(1)
                .name("brand-reports")
                .uid("metrics-brand-reports");
    }

    /**
     * Per query and group, per window: the metrics, each mention counted once, by the query groups
     * in force.
     */
    public static DataStream<WindowMetrics> windowMetrics(
            StreamExecutionEnvironment env,
            DataStream<EnrichedMention> enriched,
            MetricsSources sources,
            MetricsOptions options) {
        DataStream<MentionFacts> facts =
                dropRepeated(enriched, options)
                        .connect(
                                env.fromSource(
                                                sources.queryUpdates(),
                                                Watermarks.forQueryUpdates(),
                                                "query-updates")
                                        .uid("metrics-query-updates-source")
                                        .setParallelism(1)
                                        .broadcast(BroadcastQueries.STATE))
                        .process(
                                new ToMentionFacts(sources.initialQueries()),
                                TypeInformation.of(MentionFacts.class))
                        .name("facts-per-group")
                        .uid("metrics-facts-per-group");
        return windowMetrics(facts, options);
    }

    /**
     * Each mention counted once, as its latest copy says ({@link DropRepeatedMentions}): for input
     * written at least once.
     */
    public static DataStream<MentionCopy> dropRepeated(
            DataStream<EnrichedMention> enriched, MetricsOptions options) {
        return enriched.keyBy(mention -> MentionIds.of(mention.getMention()), Types.STRING)
                .process(
                        new DropRepeatedMentions(options.window(), options.allowedLateness()),
                        MentionCopy.TYPE)
                .name("drop-repeated")
                .uid("metrics-drop-repeated");
    }

    /**
     * The facts counted per window key in tumbling event-time windows; late facts update their
     * window.
     */
    public static DataStream<WindowMetrics> windowMetrics(
            DataStream<MentionFacts> facts, MetricsOptions options) {
        return facts.keyBy(mention -> mention.windowKey, Types.STRING)
                .window(TumblingEventTimeWindows.of(options.window()))
                .allowedLateness(options.allowedLateness())
                .aggregate(
                        new AggregateMentions(options.topK(), options.includeSpam()),
                        new EmitWindowMetrics(),
                        GroupWindowType.INSTANCE,
                        GroupWindowType.INSTANCE,
                        new AvroTypeInfo<>(WindowMetrics.class))
                .name("window-metrics")
                .uid("metrics-window-metrics");
    }

    /**
     * {@link #windowMetrics(DataStream, MetricsOptions)} for bounded input (replays): each task
     * first sums its share of each window ({@link SumWindowParts}), so parts of windows cross the
     * shuffle, not every mention. The same metrics, exactly while a window's hashtag and topic
     * sketches hold all its keys.
     */
    public static DataStream<WindowMetrics> windowMetricsOfBoundedInput(
            DataStream<MentionFacts> facts, MetricsOptions options) {
        return facts.transform(
                        "window-parts",
                        SumWindowParts.TYPE,
                        new SumWindowParts(
                                options.window(),
                                options.topK(),
                                options.includeSpam(),
                                WINDOW_PARTS_IDLE_MENTIONS,
                                WINDOW_PARTS_MAX_HELD))
                .uid("metrics-window-parts")
                .keyBy(part -> part.f0, Types.STRING)
                .window(TumblingEventTimeWindows.of(options.window()))
                .aggregate(
                        new MergeWindowParts(options.topK()),
                        new EmitWindowMetrics(),
                        GroupWindowType.INSTANCE,
                        GroupWindowType.INSTANCE,
                        new AvroTypeInfo<>(WindowMetrics.class))
                .name("window-metrics")
                .uid("metrics-window-metrics");
    }

    /**
     * The whole input's silence, judged on the queries' windows as they arrive ({@link
     * WatchInputSilence}).
     */
    static DataStream<Alert> inputSilence(
            DataStream<WindowMetrics> metrics, MetricsOptions options) {
        return metrics.filter(window -> window.getScope() == MetricScope.query)
                .name("query-metrics-for-silence")
                .uid("metrics-query-metrics-for-silence")
                .keyBy(WatchInputSilence.ONE_KEY, Types.STRING)
                .process(
                        new WatchInputSilence(
                                options.window(), options.alertRules(), options.kibana()),
                        DetectSpikes.outputType())
                .name("watch-input-silence")
                .uid("metrics-watch-input-silence");
    }

    /**
     * Each query's windows checked for spikes under {@code rules}: the alert episodes' steps.
     *
     * @param variant tells apart the operators of several rule settings in one job (backtests);
     *     empty for one
     */
    public static DataStream<Alert> alerts(
            DataStream<WindowMetrics> metrics,
            MetricsOptions options,
            AlertRules rules,
            String variant) {
        String suffix = variant.isEmpty() ? "" : "-" + variant;
        return metrics.filter(window -> window.getScope() == MetricScope.query)
                .name("query-metrics" + suffix)
                .uid("metrics-query-metrics" + suffix)
                .keyBy(WindowMetrics::getKey, Types.STRING)
                .process(
                        new DetectSpikes(
                                options.window(),
                                options.replay(),
                                options.watchesSilences(),
                                options.kibana(),
                                rules,
                                options.outOfOrderness(),
                                options.allowedLateness()),
                        DetectSpikes.outputType())
                .name("detect-spikes" + suffix)
                .uid("metrics-detect-spikes" + suffix);
    }
}
