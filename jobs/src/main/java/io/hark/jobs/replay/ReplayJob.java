// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import io.hark.analytics.window.MentionFacts;
import io.hark.jobs.JobWiring;
import io.hark.jobs.Topics;
import io.hark.jobs.Watermarks;
import io.hark.jobs.elasticsearch.ElasticsearchSink;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.jobs.elasticsearch.MentionDocuments;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.KafkaDeadLetters;
import io.hark.jobs.kafka.KafkaTopics;
import io.hark.jobs.labels.SentimentLabels;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.listen.ListenPipeline;
import io.hark.jobs.listen.ListenSinks;
import io.hark.jobs.listen.ListenSources;
import io.hark.jobs.metrics.FixedQueryFacts;
import io.hark.jobs.metrics.MentionCopy;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import io.hark.jobs.metrics.MetricsPipeline;
import io.hark.jobs.metrics.MetricsSinks;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryFile;
import io.hark.queries.control.QueryUpdate;
import io.hark.schema.Alert;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.WindowMetrics;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.types.Either;

/**
 * A replay: a bounded period of mentions through the same listen and metrics pipelines as the live
 * jobs, in Flink's batch execution mode, into a replay namespace of indices (or over the live
 * ones). Alerts are recorded, marked replay, and never notified; nothing is written to the live
 * topics; the query topic is only read. Run by {@code scripts/hark replay}, or with {@code flink
 * run -c io.hark.jobs.replay.ReplayJob hark-jobs.jar [options]} ({@link ReplayOptions}, {@code
 * --help}).
 */
public final class ReplayJob {
    public static final String NAME = "hark-replay";

    private ReplayJob() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(ReplayOptions.usage());
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ReplayOptions options = ReplayOptions.parse(List.of(args), System.getenv());
        define(env, options, ReplayInput.of(options), options.indices().prefix());
        env.execute(NAME + " " + options.indices().prefix());
    }

    /**
     * Adds the replay to {@code env}.
     *
     * @param input what {@code options} say to read, looked up
     * @param run names the replay's count of records read ({@link ReplayProgress})
     */
    public static void define(
            StreamExecutionEnvironment env, ReplayOptions options, ReplayInput input, String run) {
        ListenOptions listen = options.listen();
        MetricsOptions metrics = options.metrics();
        KafkaConnection kafka = options.kafka();
        IndexTemplates indices = options.indices();
        KafkaTopics.ensure(
                kafka,
                Stream.of(options.deadLetterTopic(), options.alertTopic())
                        .filter(Objects::nonNull)
                        .map(KafkaTopics::single)
                        .toList());
        KafkaDeadLetters rejected = new KafkaDeadLetters(kafka, options.deadLetterTopic());
        Sink<DeadLetter> deadLetters =
                JobWiring.atLeastOnceSink(
                        kafka, Topics.deadLetterSerializer(options.deadLetterTopic()));
        DataStream<WindowMetrics> windows =
                windowMetrics(
                        env,
                        options,
                        input,
                        run,
                        deadLetters,
                        new ElasticsearchSink<>(
                                new MentionDocuments(indices),
                                listen.elasticsearch(),
                                indices,
                                rejected,
                                listen.sink()));
        MetricsPipeline.detectAndPublish(
                windows,
                new MetricsSinks(
                        MetricsJob.windowMetricsIndex(metrics, indices, rejected),
                        options.alertTopic() == null
                                ? new DiscardingSink<Alert>()
                                : JobWiring.atLeastOnceSink(
                                        kafka, Topics.alertSerializer(options.alertTopic())),
                        MetricsJob.alertIndex(metrics, indices, rejected),
                        new DiscardingSink<Alert>(),
                        deadLetters),
                metrics);
    }

    /**
     * Reads the replay's records in batch mode and, unless {@code --skip-nlp}, puts them through
     * the listen pipeline, with the queries fixed for the whole run; then counts them in the
     * metrics pipeline's windows.
     *
     * @param mentionIndex where the enriched mentions are indexed
     */
    static DataStream<WindowMetrics> windowMetrics(
            StreamExecutionEnvironment env,
            ReplayOptions options,
            ReplayInput input,
            String run,
            Sink<DeadLetter> deadLetters,
            Sink<EnrichedMention> mentionIndex) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(options.parallelism());
        JobWiring.onlyEvolvableTypes(env);
        // Flink would size a batch job's tasks by bytes, and a replay's few megabytes of text,
        // which take the
        // NLP minutes, would get one task
        env.configure(
                new Configuration()
                        .set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false));
        ListenOptions listen = options.listen();
        MetricsOptions metrics = options.metrics();
        KafkaConnection kafka = options.kafka();
        QueryCatalog.ensureTopics(kafka, listen.queryTopic(), listen.queryStatusTopic());
        QueryCatalog catalog = QueryCatalog.read(kafka, listen.queryTopic());
        List<QueryDefinition> queries =
                options.queries() == null ? catalog.queries() : QueryFile.load(options.queries());
        SentimentLabels labels = SentimentLabels.read(kafka, listen.labelsTopic());

        DataStream<MentionCopy> counted;
        if (options.skipNlp()) {
            // no step of this path changes or keeps a record it is given, and copying each between
            // chained
            // steps cost more than the steps themselves
            env.getConfig().enableObjectReuse();
            DataStream<Either<DeadLetter, EnrichedMention>> incoming =
                    env.fromSource(
                                    input.enrichedMentions(),
                                    Watermarks.forEnrichedMentions(
                                            metrics.outOfOrderness(),
                                            metrics.allowedLateness(),
                                            metrics.idleness()),
                                    "replay-enriched-mentions")
                            .uid("replay-enriched-mentions-source")
                            .filter(
                                    new CreatedWithin<EnrichedMention>(
                                            run,
                                            input.createdFrom(),
                                            input.createdTo(),
                                            mention -> mention.getMention().getCreatedAt()))
                            .name("in-period")
                            .uid("replay-in-period");
            // archived before an analyst's label came, a mention gets it here
            DataStream<SentimentCorrection> noLabelUpdates =
                    ListenPipeline.labelUpdates(
                            env,
                            labels.updates(kafka, listen.labelsTopic(), options.groupId(), false));
            DataStream<EnrichedMention> enriched =
                    ListenPipeline.applyLabels(
                            MetricsPipeline.decode(incoming, deadLetters),
                            noLabelUpdates,
                            labels.labels());
            enriched.sinkTo(mentionIndex).name("elasticsearch").uid("elasticsearch");
            // the archive commits each record once
            counted =
                    input.mayRepeat()
                            ? MetricsPipeline.dropRepeated(enriched, metrics)
                            : firstCopies(enriched);
        } else {
            DataStream<Either<DeadLetter, Mention>> incoming =
                    env.fromSource(
                                    input.mentions(),
                                    Watermarks.forIncomingMentions(
                                            listen.outOfOrderness(),
                                            listen.idleness(),
                                            listen.maxFuture()),
                                    "replay-mentions")
                            .uid("replay-mentions-source")
                            .filter(
                                    new CreatedWithin<Mention>(
                                            run,
                                            input.createdFrom(),
                                            input.createdTo(),
                                            Mention::getCreatedAt))
                            .name("in-period")
                            .uid("replay-in-period");
            Source<QueryUpdate, ?, ?> noUpdates =
                    JobWiring.fixedQueries(kafka, listen.queryTopic(), options.groupId(), catalog);
            // the listen pipeline drops redeliveries itself
            DataStream<EnrichedMention> enriched =
                    ListenPipeline.process(
                            env,
                            incoming,
                            new ListenSources(
                                    null,
                                    noUpdates,
                                    queries,
                                    labels.updates(
                                            kafka, listen.labelsTopic(), options.groupId(), false),
                                    labels.labels()),
                            new ListenSinks(
                                    new DiscardingSink<>(),
                                    mentionIndex,
                                    deadLetters,
                                    new DiscardingSink<>(),
                                    new DiscardingSink<>()),
                            listen);
            counted = firstCopies(enriched);
        }
        DataStream<MentionFacts> facts =
                counted.flatMap(
                                new FixedQueryFacts(queries),
                                TypeInformation.of(MentionFacts.class))
                        .name("facts-per-group")
                        .uid("replay-facts-per-group");
        return MetricsPipeline.windowMetricsOfBoundedInput(facts, metrics);
    }

    private static DataStream<MentionCopy> firstCopies(DataStream<EnrichedMention> enriched) {
        return enriched.map(MentionCopy::first, MentionCopy.TYPE)
                .name("first-copies")
                .uid("replay-first-copies");
    }
}
