// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.jobs.JobWiring;
import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.AlertDocuments;
import io.hark.jobs.elasticsearch.ElasticsearchSink;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.jobs.elasticsearch.MetricDocuments;
import io.hark.jobs.elasticsearch.RejectedDocuments;
import io.hark.jobs.kafka.KafkaDeadLetters;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.schema.Alert;
import io.hark.schema.WindowMetrics;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The metrics job: enriched mentions to window metrics, spike detection and alerts. {@code main}
 * only wires real sources and sinks to {@link MetricsPipeline}; run it with {@code flink run -c
 * io.hark.jobs.metrics.MetricsJob hark-jobs.jar [options]}. Reading the enriched topic, not the
 * listen job's stream, it can be replayed over history (backfills, backtests) without redoing NLP.
 * Options: {@link MetricsOptions} ({@code --help} lists them).
 */
public final class MetricsJob {
    public static final String NAME = "hark-metrics";

    private MetricsJob() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(MetricsOptions.usage());
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, MetricsOptions.parse(args));
        env.execute(NAME);
    }

    /** Builds the job on {@code env} and starts it without waiting. */
    public static JobClient start(StreamExecutionEnvironment env, MetricsOptions options)
            throws Exception {
        define(env, options);
        return env.executeAsync(NAME);
    }

    /**
     * Adds the job's pipeline, with real sources and sinks, to {@code env} (which may hold other
     * pipelines).
     */
    public static void define(StreamExecutionEnvironment env, MetricsOptions options) {
        configure(env, options);
        MetricsPipeline.define(env, sources(options), sinks(options), options);
    }

    public static void configure(StreamExecutionEnvironment env, MetricsOptions options) {
        JobWiring.configure(env, options.parallelism(), options.checkpointInterval());
    }

    public static MetricsSources sources(MetricsOptions options) {
        QueryCatalog catalog = QueryCatalog.read(options.kafka(), options.queryTopic());
        return new MetricsSources(
                JobWiring.source(
                        options.kafka(),
                        options.enrichedTopic(),
                        options.groupId(),
                        options.startingOffsets(),
                        options.bounded(),
                        new Topics.IncomingEnrichedMentionDeserializer()),
                JobWiring.queryUpdates(
                        options.kafka(),
                        options.queryTopic(),
                        options.groupId(),
                        catalog,
                        options.bounded()),
                catalog.queries());
    }

    public static MetricsSinks sinks(MetricsOptions options) {
        KafkaDeadLetters deadLetters =
                new KafkaDeadLetters(options.kafka(), options.deadLetterTopic());
        return new MetricsSinks(
                windowMetricsIndex(options, options.indices(), deadLetters),
                JobWiring.atLeastOnceSink(
                        options.kafka(), Topics.alertSerializer(options.alertTopic())),
                alertIndex(options, options.indices(), deadLetters),
                new NotifyAlerts(
                        options.notifiersYaml(),
                        options.notifiersSource(),
                        options.kafka(),
                        options.deadLetterTopic()),
                JobWiring.atLeastOnceSink(
                        options.kafka(), Topics.deadLetterSerializer(options.deadLetterTopic())),
                options.reportSchedule() == null
                        ? null
                        : new BrandReportPublisher(
                                options.elasticsearch(),
                                options.indices().prefix(),
                                options.reportGroups(),
                                options.reportDirectory(),
                                options.reportUrlPrefix(),
                                options.kafka(),
                                options.queryTopic(),
                                options.notifiersYaml(),
                                options.notifiersSource(),
                                !options.replay()));
    }

    /**
     * The sink of window metrics documents. A window's document is updated in place each time the
     * window fires again, so its bulk requests go one at a time: sent concurrently, an earlier
     * update could land last (see {@code ElasticsearchSinkITCase}).
     */
    public static ElasticsearchSink<WindowMetrics> windowMetricsIndex(
            MetricsOptions options, IndexTemplates indices, RejectedDocuments rejected) {
        return new ElasticsearchSink<>(
                new MetricDocuments(indices),
                options.elasticsearch(),
                indices,
                rejected,
                options.sink().oneRequestAtATime());
    }

    /**
     * The sink of alert documents, updated in place as an episode goes on: one request at a time.
     */
    public static ElasticsearchSink<Alert> alertIndex(
            MetricsOptions options, IndexTemplates indices, RejectedDocuments rejected) {
        return new ElasticsearchSink<>(
                new AlertDocuments(indices),
                options.elasticsearch(),
                indices,
                rejected,
                options.sink().oneRequestAtATime());
    }
}
