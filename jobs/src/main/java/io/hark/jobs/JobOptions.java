// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.ElasticsearchSinkOptions;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.jobs.kafka.KafkaConnection;
import java.io.Serializable;
import java.time.Duration;

/**
 * What the listen and metrics jobs' options have in common: the connections, reading Kafka,
 * checkpoints, parallelism, watermarks and the Elasticsearch sink. The options are declared here
 * once; a job lists them with {@link Option#withDefault its own default} or {@link
 * Option#describedAs help text} where they differ between the jobs (those declared here without
 * either).
 */
public abstract class JobOptions implements Serializable {
    public static final Option<String> ENRICHED_TOPIC =
            Option.string("enriched-topic", Topics.ENRICHED_MENTIONS, null);
    public static final Option<String> DEAD_LETTER_TOPIC =
            Option.string(
                    "dead-letter-topic", Topics.DEAD_LETTERS, "topic to write Avro DeadLetters to");
    public static final Option<String> QUERY_TOPIC =
            Option.string("query-topic", Topics.QUERIES, null);
    public static final Option<String> GROUP_ID =
            Option.string(
                    "group-id",
                    null,
                    "Kafka consumer group (offsets are committed on checkpoints)");
    public static final Option<StartingOffsets> STARTING_OFFSETS =
            Option.choice(
                    "starting-offsets",
                    "committed",
                    "committed (falling back to earliest), earliest or latest",
                    StartingOffsets.class);
    public static final Option<Boolean> BOUNDED =
            Option.flag(
                    "bounded", "stop at the end offsets seen at start instead of running forever");
    public static final Option<String> INDEX_PREFIX = Option.string("index-prefix", "hark", null);
    public static final Option<Integer> PARALLELISM =
            Option.positive("parallelism", null, "operator parallelism (default: the cluster's)");
    public static final Option<Duration> CHECKPOINT_INTERVAL =
            Option.duration(
                    "checkpoint-interval",
                    "30s",
                    "how often state and Kafka offsets are checkpointed");
    public static final Option<Duration> OUT_OF_ORDERNESS =
            Option.duration("out-of-orderness", null, null);
    public static final Option<Duration> IDLENESS =
            Option.duration(
                    "idleness",
                    null,
                    "a partition silent this long stops holding the watermark back");

    protected final JobArguments values;
    private final KafkaConnection kafka;
    private final ElasticsearchConnection elasticsearch;
    private final IndexTemplates indices;
    private final ElasticsearchSinkOptions sink;

    /** Reads the connections (and their secrets) now, where the job is built. */
    protected JobOptions(JobArguments values) {
        this.values = values;
        this.kafka = values.kafka();
        this.elasticsearch = values.elasticsearch();
        this.indices = new IndexTemplates(values.get(INDEX_PREFIX));
        this.sink = values.sinkOptions();
    }

    public KafkaConnection kafka() {
        return kafka;
    }

    public ElasticsearchConnection elasticsearch() {
        return elasticsearch;
    }

    public IndexTemplates indices() {
        return indices;
    }

    public ElasticsearchSinkOptions sink() {
        return sink;
    }

    public String enrichedTopic() {
        return values.get(ENRICHED_TOPIC);
    }

    public String deadLetterTopic() {
        return values.get(DEAD_LETTER_TOPIC);
    }

    public String queryTopic() {
        return values.get(QUERY_TOPIC);
    }

    public String groupId() {
        return values.get(GROUP_ID);
    }

    public StartingOffsets startingOffsets() {
        return values.get(STARTING_OFFSETS);
    }

    public boolean bounded() {
        return values.get(BOUNDED);
    }

    /** The operator parallelism, or null for the cluster's. */
    public Integer parallelism() {
        return values.get(PARALLELISM);
    }

    public Duration checkpointInterval() {
        return values.get(CHECKPOINT_INTERVAL);
    }

    public Duration outOfOrderness() {
        return values.get(OUT_OF_ORDERNESS);
    }

    public Duration idleness() {
        return values.get(IDLENESS);
    }
}
