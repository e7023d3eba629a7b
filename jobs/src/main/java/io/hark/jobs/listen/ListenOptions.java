// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.jobs.JobArguments;
import io.hark.jobs.StartingOffsets;
import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.ElasticsearchSinkOptions;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.jobs.kafka.KafkaConnection;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The listen job's options, parsed once from {@code --name value} arguments. {@link #OPTIONS} lists
 * every option with its default; {@code --help} prints it. Secrets are read from files or the
 * environment ({@link JobArguments}), never from the command line, and are not passed to Flink's
 * job parameters, so they do not show in the web UI.
 */
public final class ListenOptions implements Serializable {
  /** The cap on a mention's text, also applied before a file's mentions are sent to Kafka. */
  public static final int DEFAULT_MAX_TEXT_CHARS = 40_000;

  /** Option name, default (null: none), description. In the order {@code --help} shows them. */
  public static final List<String[]> OPTIONS = JobArguments.table(List.of(
      new String[] {"input-topic", Topics.MENTIONS, "topic of Avro Mentions to read"},
      new String[] {"enriched-topic", Topics.ENRICHED_MENTIONS, "topic to write Avro EnrichedMentions to"},
      new String[] {"dead-letter-topic", Topics.DEAD_LETTERS, "topic to write Avro DeadLetters to"},
      new String[] {"query-topic", Topics.QUERIES, "compacted topic of listening query definitions (JSON, keyed by query id)"},
      new String[] {"query-status-topic", Topics.QUERY_STATUS, "topic where the job reports each query update as active, removed or rejected"},
      new String[] {"labels-topic", Topics.SENTIMENT_LABELS, "compacted topic of analysts' sentiment labels (scripts/hark labels add), applied to indexed and later mentions"},
      new String[] {"queries", null, "a YAML file of listening queries to make the query topic hold before starting"},
      new String[] {"keep-unmatched", "false", "also enrich and index mentions that match no query (metrics and alerts still skip them)"},
      new String[] {"remember-deliveries", "48h", "a mention redelivered (same platform and id) within this time is dropped"},
      new String[] {"near-duplicate-window", "1h", "copies of a text this long after its last copy are marked duplicate_of the first"},
      new String[] {"copy-paste-authors", "3", "distinct authors posting the same text that make further copies a spam signal"},
      new String[] {"burst-posts", "5", "posts by a new or zero-follower account within --burst-window that are a spam signal"},
      new String[] {"burst-window", "10m", "see --burst-posts"},
      new String[] {"repost-nlp-ttl", "24h", "how long an original's NLP is kept for its reposts to reuse"},
      new String[] {"archive", null, "archive mentions and enriched mentions as Avro files by event hour under this path or URI (s3://, gs://, hdfs://) for replays"},
      new String[] {"group-id", "hark-listen", "Kafka consumer group (offsets are committed on checkpoints)"},
      new String[] {"starting-offsets", "committed", "committed (falling back to earliest), earliest or latest"},
      new String[] {"bounded", "false", "stop at the end offsets seen at start instead of running forever"},
      new String[] {"index-prefix", "hark", "Elasticsearch indices are PREFIX-mentions-yyyy.MM.dd behind alias PREFIX-mentions"},
      new String[] {"parallelism", null, "operator parallelism (default: the cluster's)"},
      new String[] {"checkpoint-interval", "30s", "how often state and Kafka offsets are checkpointed"},
      new String[] {"max-text-chars", String.valueOf(DEFAULT_MAX_TEXT_CHARS), "longer texts are dead-lettered (text_too_long)"},
      new String[] {"max-future", "15m", "created_at further ahead of the clock is dead-lettered (created_at_in_future)"},
      new String[] {"max-past", "30d", "created_at further back than this is dead-lettered (created_at_too_old): "
          + "garbage dates would make an index per bogus day; history goes through scripts/hark replay"},
      new String[] {"out-of-orderness", "30s", "how late a mention may arrive relative to newer ones"},
      new String[] {"idleness", "1m", "a partition silent this long stops holding the watermark back"}));

  /** Options that may be given without a value, meaning true. */
  private static final List<String> FLAGS = List.of("bounded", "keep-unmatched");

  private final KafkaConnection kafka;
  private final ElasticsearchConnection elasticsearch;
  private final String inputTopic;
  private final String enrichedTopic;
  private final String deadLetterTopic;
  private final String groupId;
  private final StartingOffsets startingOffsets;
  private final boolean bounded;
  private final IndexTemplates indices;
  private final Integer parallelism;
  private final Duration checkpointInterval;
  private final int maxTextChars;
  private final Duration maxFuture;
  private final Duration maxPast;
  private final Duration outOfOrderness;
  private final Duration idleness;
  private final ElasticsearchSinkOptions sink;
  private final String queryTopic;
  private final String labelsTopic;
  private final String queryStatusTopic;
  private final Path queries;
  private final boolean keepUnmatched;
  private final Duration rememberDeliveries;
  private final Duration nearDuplicateWindow;
  private final int copyPasteAuthors;
  private final int burstPosts;
  private final Duration burstWindow;
  private final Duration repostNlpTtl;
  private final String archive;

  private ListenOptions(JobArguments values) {
    this.kafka = values.kafka();
    this.elasticsearch = values.elasticsearch();
    this.inputTopic = values.string("input-topic");
    this.enrichedTopic = values.string("enriched-topic");
    this.deadLetterTopic = values.string("dead-letter-topic");
    this.groupId = values.string("group-id");
    this.startingOffsets = values.enumValue("starting-offsets", StartingOffsets.class);
    this.bounded = values.bool("bounded");
    this.indices = new IndexTemplates(values.string("index-prefix"));
    this.parallelism = values.optionalPositive("parallelism");
    this.checkpointInterval = values.duration("checkpoint-interval");
    this.maxTextChars = values.positive("max-text-chars");
    this.maxFuture = values.duration("max-future");
    this.maxPast = values.duration("max-past");
    this.outOfOrderness = values.duration("out-of-orderness");
    this.idleness = values.duration("idleness");
    this.queryTopic = values.string("query-topic");
    this.labelsTopic = values.string("labels-topic");
    this.queryStatusTopic = values.string("query-status-topic");
    this.queries = values.path("queries");
    this.keepUnmatched = values.bool("keep-unmatched");
    this.archive = values.string("archive");
    this.rememberDeliveries = values.duration("remember-deliveries");
    this.nearDuplicateWindow = values.duration("near-duplicate-window");
    this.copyPasteAuthors = values.positive("copy-paste-authors");
    this.burstPosts = values.positive("burst-posts");
    this.burstWindow = values.duration("burst-window");
    this.repostNlpTtl = values.duration("repost-nlp-ttl");
    this.sink = values.sinkOptions();
  }

  /** Parses {@code --name value} pairs; a flag such as {@code --bounded} alone means {@code --bounded true}. */
  public static ListenOptions parse(String... args) {
    return parse(List.of(args), System.getenv());
  }

  public static ListenOptions parse(List<String> args, Map<String, String> environment) {
    return new ListenOptions(JobArguments.parse(OPTIONS, FLAGS, args, environment, usage()));
  }

  public static String usage() {
    return JobArguments.usage("Options of the listen job", OPTIONS);
  }

  public KafkaConnection kafka() {
    return kafka;
  }

  public ElasticsearchConnection elasticsearch() {
    return elasticsearch;
  }

  public String inputTopic() {
    return inputTopic;
  }

  public String enrichedTopic() {
    return enrichedTopic;
  }

  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  public String groupId() {
    return groupId;
  }

  public StartingOffsets startingOffsets() {
    return startingOffsets;
  }

  public boolean bounded() {
    return bounded;
  }

  public IndexTemplates indices() {
    return indices;
  }

  public Integer parallelism() {
    return parallelism;
  }

  public Duration checkpointInterval() {
    return checkpointInterval;
  }

  public int maxTextChars() {
    return maxTextChars;
  }

  public Duration maxFuture() {
    return maxFuture;
  }

  public Duration maxPast() {
    return maxPast;
  }

  public Duration outOfOrderness() {
    return outOfOrderness;
  }

  public Duration idleness() {
    return idleness;
  }

  public ElasticsearchSinkOptions sink() {
    return sink;
  }

  public String labelsTopic() {
    return labelsTopic;
  }

  public String queryTopic() {
    return queryTopic;
  }

  public String queryStatusTopic() {
    return queryStatusTopic;
  }

  /** The YAML file of queries to sync to the query topic at start, or null. */
  public Path queries() {
    return queries;
  }

  public boolean keepUnmatched() {
    return keepUnmatched;
  }

  /** Where the job archives what it reads and emits, or null for no archive. */
  public String archive() {
    return archive;
  }

  public Duration rememberDeliveries() {
    return rememberDeliveries;
  }

  public Duration nearDuplicateWindow() {
    return nearDuplicateWindow;
  }

  public int copyPasteAuthors() {
    return copyPasteAuthors;
  }

  public int burstPosts() {
    return burstPosts;
  }

  public Duration burstWindow() {
    return burstWindow;
  }

  public Duration repostNlpTtl() {
    return repostNlpTtl;
  }
}
