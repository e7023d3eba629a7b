// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.jobs.JobWiring;
import io.hark.jobs.Topics;
import io.hark.jobs.archive.Archive;
import io.hark.jobs.elasticsearch.ElasticsearchSink;
import io.hark.jobs.elasticsearch.IndexedSentimentCorrections;
import io.hark.jobs.elasticsearch.MentionDocuments;
import io.hark.jobs.kafka.KafkaDeadLetters;
import io.hark.jobs.labels.SentimentLabels;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.jobs.queries.QueryCatalog.SyncResult;
import io.hark.jobs.queries.QueryControl;
import io.hark.nlp.sentiment.TweetSentiment;
import io.hark.queries.QueryFile;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import java.io.IOException;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listen job: Kafka mentions to enriched mentions in Kafka and Elasticsearch. {@code main} only
 * wires real sources and sinks to {@link ListenPipeline}; run it with {@code flink run
 * hark-jobs.jar [options]} or {@code scripts/hark listen [options]}. Options: {@link ListenOptions}
 * ({@code --help} lists them).
 */
public final class ListenJob {
    public static final String NAME = "hark-listen";
    private static final Logger LOG = LoggerFactory.getLogger(ListenJob.class);

    private ListenJob() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(ListenOptions.usage());
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, ListenOptions.parse(args));
        env.execute(NAME);
    }

    /** Builds the job on {@code env} and starts it without waiting. */
    public static JobClient start(StreamExecutionEnvironment env, ListenOptions options)
            throws Exception {
        define(env, options);
        return env.executeAsync(NAME);
    }

    /**
     * Adds the job's pipeline, with real sources and sinks, to {@code env} (which may hold other
     * pipelines).
     */
    public static void define(StreamExecutionEnvironment env, ListenOptions options) {
        checkSentimentModel(options);
        configure(env, options);
        ListenPipeline.define(env, sources(options), sinks(options), options);
    }

    /**
     * A model file that cannot be read stops the job here, with its reason, not in every task
     * later.
     */
    private static void checkSentimentModel(ListenOptions options) {
        if (options.sentimentModel() != null) {
            try {
                TweetSentiment.load(options.sentimentModel());
            } catch (IOException e) {
                throw new IllegalArgumentException("--sentiment-model: " + e.getMessage(), e);
            }
        }
    }

    public static void configure(StreamExecutionEnvironment env, ListenOptions options) {
        JobWiring.configure(env, options.parallelism(), options.checkpointInterval());
    }

    /**
     * The Kafka sources. The query and labels topics are read now, to their end: a fresh job starts
     * with those queries and labels and its streams pick up after them (a restored job has them in
     * its state). {@code --queries FILE} first makes the topic hold exactly the file's queries.
     */
    public static ListenSources sources(ListenOptions options) {
        QueryCatalog.ensureTopics(
                options.kafka(), options.queryTopic(), options.queryStatusTopic());
        if (options.queries() != null) {
            SyncResult synced =
                    QueryCatalog.sync(
                            options.kafka(),
                            options.queryTopic(),
                            QueryFile.load(options.queries()));
            LOG.info(
                    "Query topic {} now holds the queries of {}: {}",
                    options.queryTopic(),
                    options.queries(),
                    synced);
        }
        QueryCatalog catalog = QueryCatalog.read(options.kafka(), options.queryTopic());
        if (catalog.queries().isEmpty()) {
            LOG.warn(
                    "No listening queries in {}: {}",
                    options.queryTopic(),
                    options.keepUnmatched()
                            ? "every mention is indexed without query ids"
                            : "every mention is dropped until queries are added");
        }
        SentimentLabels labels = SentimentLabels.read(options.kafka(), options.labelsTopic());
        return new ListenSources(
                mentionSource(options),
                JobWiring.queryUpdates(
                        options.kafka(),
                        options.queryTopic(),
                        options.groupId(),
                        catalog,
                        options.bounded()),
                catalog.queries(),
                labels.updates(
                        options.kafka(),
                        options.labelsTopic(),
                        options.groupId(),
                        !options.bounded()),
                labels.labels());
    }

    public static KafkaSource<Either<DeadLetter, Mention>> mentionSource(ListenOptions options) {
        return JobWiring.source(
                options.kafka(),
                options.inputTopic(),
                options.groupId(),
                options.startingOffsets(),
                options.bounded(),
                new Topics.IncomingMentionDeserializer());
    }

    public static ListenSinks sinks(ListenOptions options) {
        String archive = options.archive();
        return new ListenSinks(
                JobWiring.atLeastOnceSink(
                        options.kafka(), Topics.enrichedMentionSerializer(options.enrichedTopic())),
                new ElasticsearchSink<>(
                        new MentionDocuments(options.indices()),
                        options.elasticsearch(),
                        options.indices(),
                        new KafkaDeadLetters(options.kafka(), options.deadLetterTopic()),
                        options.sink()),
                JobWiring.atLeastOnceSink(
                        options.kafka(), Topics.deadLetterSerializer(options.deadLetterTopic())),
                JobWiring.atLeastOnceSink(
                        options.kafka(), QueryControl.statusSerializer(options.queryStatusTopic())),
                new IndexedSentimentCorrections(options.elasticsearch(), options.indices()),
                archive == null ? null : Archive.mentionSink(archive),
                archive == null ? null : Archive.enrichedSink(archive));
    }
}
