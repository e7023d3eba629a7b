// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.detect.AlertRules;
import io.hark.analytics.notify.KibanaLinks;
import io.hark.jobs.JobArguments;
import io.hark.jobs.StartingOffsets;
import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.ElasticsearchSinkOptions;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.schema.StrictYaml;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The metrics job's options, parsed once from {@code --name value} arguments; {@link #OPTIONS}
 * lists them with their defaults and {@code --help} prints them.
 */
public final class MetricsOptions implements Serializable {
  public static final List<String[]> OPTIONS = JobArguments.table(List.of(
      new String[] {"enriched-topic", Topics.ENRICHED_MENTIONS, "topic of Avro EnrichedMentions to read"},
      new String[] {"alert-topic", Topics.ALERTS, "topic to write Avro Alerts to (every step of every episode)"},
      new String[] {"dead-letter-topic", Topics.DEAD_LETTERS, "topic to write Avro DeadLetters to"},
      new String[] {"query-topic", Topics.QUERIES, "compacted topic of listening queries (for their groups)"},
      new String[] {"group-id", "hark-metrics", "Kafka consumer group (offsets are committed on checkpoints)"},
      new String[] {"starting-offsets", "committed", "committed (falling back to earliest), earliest or latest"},
      new String[] {"bounded", "false", "stop at the end offsets seen at start instead of running forever"},
      new String[] {"index-prefix", "hark", "indices PREFIX-metrics-yyyy.MM and PREFIX-alerts-yyyy.MM, aliases PREFIX-metrics, PREFIX-alerts"},
      new String[] {"parallelism", null, "operator parallelism (default: the cluster's)"},
      new String[] {"checkpoint-interval", "30s", "how often state and Kafka offsets are checkpointed"},
      new String[] {"window", "1m", "metrics window (tumbling, event time)"},
      new String[] {"allowed-lateness", "10m", "a mention this late still updates its window (the document is overwritten)"},
      new String[] {"out-of-orderness", "2s", "how long a window waits for stragglers before it is emitted and checked for spikes"},
      new String[] {"idleness", "10s", "a partition silent this long stops holding the watermark back"},
      new String[] {"include-spam", "false", "count spam in the metrics (by default it is left out and counted as spam_excluded)"},
      new String[] {"top-k", "10", "entries of each top list (hashtags, topics, terms, authors, posts)"},
      new String[] {"notifiers", null, "YAML file of notifiers per query group (webhook, Slack, PagerDuty)"},
      new String[] {"alert-rules", null, "YAML file of alert-rule settings (changes to the detector's and episodes' defaults; see scripts/hark backtest)"},
      new String[] {"alert-rule", null, "which setting of --alert-rules to run (default: the file's only one)"},
      new String[] {"replay", "false", "a replay: alerts are recorded, marked replay, and never notified"},
      new String[] {"kibana-url", "http://localhost:5601", "Kibana as on-call staff reach it, for the links in alerts"},
      new String[] {"kibana-data-view", null, "the Kibana data view of mentions the links in alerts open (default: PREFIX-mentions)"}));

  private static final List<String> FLAGS = List.of("bounded", "include-spam", "replay");

  private final KafkaConnection kafka;
  private final ElasticsearchConnection elasticsearch;
  private final String enrichedTopic;
  private final String alertTopic;
  private final String deadLetterTopic;
  private final String queryTopic;
  private final String groupId;
  private final StartingOffsets startingOffsets;
  private final boolean bounded;
  private final IndexTemplates indices;
  private final Integer parallelism;
  private final Duration checkpointInterval;
  private final Duration window;
  private final Duration allowedLateness;
  private final Duration outOfOrderness;
  private final Duration idleness;
  private final boolean includeSpam;
  private final int topK;
  private final String notifiersYaml;
  private final String notifiersSource;
  private final boolean replay;
  private final AlertRules alertRules;
  private final String kibanaUrl;
  private final String kibanaDataView;
  private final ElasticsearchSinkOptions sink;

  private MetricsOptions(JobArguments values) {
    this.kafka = values.kafka();
    this.elasticsearch = values.elasticsearch();
    this.enrichedTopic = values.string("enriched-topic");
    this.alertTopic = values.string("alert-topic");
    this.deadLetterTopic = values.string("dead-letter-topic");
    this.queryTopic = values.string("query-topic");
    this.groupId = values.string("group-id");
    this.startingOffsets = values.enumValue("starting-offsets", StartingOffsets.class);
    this.bounded = values.bool("bounded");
    this.indices = new IndexTemplates(values.string("index-prefix"));
    this.parallelism = values.optionalPositive("parallelism");
    this.checkpointInterval = values.duration("checkpoint-interval");
    this.window = values.duration("window");
    this.allowedLateness = values.duration("allowed-lateness");
    this.outOfOrderness = values.duration("out-of-orderness");
    this.idleness = values.duration("idleness");
    this.includeSpam = values.bool("include-spam");
    this.topK = values.positive("top-k");
    Path notifiers = values.path("notifiers");
    this.notifiersSource = notifiers == null ? null : notifiers.toString();
    this.notifiersYaml = notifiers == null ? null : read(notifiers);
    this.replay = values.bool("replay");
    this.alertRules = alertRules(values.path("alert-rules"), values.string("alert-rule"));
    this.kibanaUrl = values.string("kibana-url");
    this.kibanaDataView = values.string("kibana-data-view") == null ? indices.mentionsAlias() : values.string("kibana-data-view");
    this.sink = values.sinkOptions();
  }

  public static MetricsOptions parse(String... args) {
    return parse(List.of(args), System.getenv());
  }

  public static MetricsOptions parse(List<String> args, Map<String, String> environment) {
    return new MetricsOptions(JobArguments.parse(OPTIONS, FLAGS, args, environment, usage()));
  }

  public static String usage() {
    return JobArguments.usage("Options of the metrics job", OPTIONS);
  }

  /**
   * Read where the job is built, shipped with it: the TaskManagers need not have the file. The
   * secrets it names are resolved on the TaskManagers, from their environment or files.
   */
  private static String read(Path file) {
    try {
      return StrictYaml.read(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read --notifiers file " + file + ": " + e.getMessage());
    }
  }

  private static AlertRules alertRules(Path file, String name) {
    if (file == null) {
      if (name != null) {
        throw new IllegalArgumentException("--alert-rule needs --alert-rules FILE");
      }
      return AlertRules.defaults();
    }
    List<AlertRules> settings = AlertRules.load(file);
    if (name == null && settings.size() == 1) {
      return settings.get(0);
    }
    return settings.stream().filter(rules -> rules.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name == null
            ? "--alert-rules " + file + " holds several settings: choose one with --alert-rule NAME"
            : "--alert-rules " + file + " has no setting named '" + name + "'"));
  }

  public KafkaConnection kafka() {
    return kafka;
  }

  public ElasticsearchConnection elasticsearch() {
    return elasticsearch;
  }

  public String enrichedTopic() {
    return enrichedTopic;
  }

  public String alertTopic() {
    return alertTopic;
  }

  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  public String queryTopic() {
    return queryTopic;
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

  public Duration window() {
    return window;
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }

  public Duration outOfOrderness() {
    return outOfOrderness;
  }

  public Duration idleness() {
    return idleness;
  }

  public boolean includeSpam() {
    return includeSpam;
  }

  public int topK() {
    return topK;
  }

  /** The notifiers file's content, or null when there is none. */
  public String notifiersYaml() {
    return notifiersYaml;
  }

  public String notifiersSource() {
    return notifiersSource;
  }

  public boolean replay() {
    return replay;
  }

  public AlertRules alertRules() {
    return alertRules;
  }

  public KibanaLinks kibana() {
    return new KibanaLinks(kibanaUrl, kibanaDataView);
  }

  public ElasticsearchSinkOptions sink() {
    return sink;
  }
}
