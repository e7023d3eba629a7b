// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.jobs.Topics;
import io.hark.jobs.Watermarks;
import io.hark.jobs.operators.SeparateUndecodable;
import io.hark.jobs.queries.BroadcastQueries;
import io.hark.schema.Alert;
import io.hark.schema.EnrichedMention;
import io.hark.schema.MetricScope;
import io.hark.schema.WindowMetrics;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The metrics job, a function of (environment, sources, sinks): enriched mentions that matched a
 * listening query, each once (the enriched topic is written at least once), counted per query and
 * group in tumbling event-time windows (late mentions update their window), indexed; each query's
 * windows checked for spikes; alert episodes to the alert topic, the alerts index and the group's
 * notifiers. Undecodable records become dead letters.
 *
 * <p>Operator ids start with {@code metrics-}, so the local mode can run this pipeline and the listen
 * pipeline as one Flink job.
 */
public final class MetricsPipeline {
  private MetricsPipeline() {}

  public static void define(StreamExecutionEnvironment env, MetricsSources sources, MetricsSinks sinks,
      MetricsOptions options) {
    SingleOutputStreamOperator<EnrichedMention> enriched = env
        .fromSource(sources.enrichedMentions(),
            Watermarks.forEnrichedMentions(options.outOfOrderness(), options.idleness()), "enriched-mentions")
        .uid("metrics-enriched-mentions-source")
        .process(new SeparateUndecodable<EnrichedMention>(), new AvroTypeInfo<>(EnrichedMention.class))
        .name("decode")
        .uid("metrics-decode");

    DataStream<EnrichedMention> firstCopies = enriched
        .keyBy(mention -> Topics.mentionKey(mention.getMention()), Types.STRING)
        .process(new DropRepeatedMentions(options.window(), options.allowedLateness()),
            new AvroTypeInfo<>(EnrichedMention.class))
        .name("drop-repeated")
        .uid("metrics-drop-repeated");

    DataStream<MentionFacts> facts = firstCopies
        .connect(env.fromSource(sources.queryUpdates(), Watermarks.forQueryUpdates(), "query-updates")
            .uid("metrics-query-updates-source")
            .setParallelism(1)
            .broadcast(BroadcastQueries.STATE))
        .process(new ToMentionFacts(sources.initialQueries()), TypeInformation.of(MentionFacts.class))
        .name("facts-per-group")
        .uid("metrics-facts-per-group");

    DataStream<WindowMetrics> metrics = facts
        .keyBy(mention -> mention.windowKey, Types.STRING)
        .window(TumblingEventTimeWindows.of(options.window()))
        .allowedLateness(options.allowedLateness())
        .aggregate(new AggregateMentions(options.topK(), options.includeSpam()), new EmitWindowMetrics(),
            TypeInformation.of(GroupWindow.class), TypeInformation.of(GroupWindow.class),
            new AvroTypeInfo<>(WindowMetrics.class))
        .name("window-metrics")
        .uid("metrics-window-metrics");

    DataStream<Alert> alerts = metrics
        .filter(window -> window.getScope() == MetricScope.query)
        .name("query-metrics")
        .uid("metrics-query-metrics")
        .keyBy(WindowMetrics::getKey, Types.STRING)
        .process(new DetectSpikes(options.window(), options.replay(), options.kibana()), DetectSpikes.outputType())
        .name("detect-spikes")
        .uid("metrics-detect-spikes");

    metrics.sinkTo(sinks.metricsIndex()).name("metrics-index").uid("metrics-index");
    alerts.sinkTo(sinks.alertTopic()).name("alert-topic").uid("metrics-alert-topic");
    alerts.sinkTo(sinks.alertIndex()).name("alert-index").uid("metrics-alert-index");
    // its own task: a notifier failing slowly (timeouts, retries) then holds up only later notifications,
    // not spike detection and everything before it, which it would if chained to them
    alerts.sinkTo(sinks.notifications()).name("notify").uid("metrics-notify").disableChaining();
    enriched.getSideOutput(SeparateUndecodable.DEAD_LETTERS).sinkTo(sinks.deadLetters()).name("dead-letters").uid("metrics-dead-letters");
  }
}
