// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.jobs.Durations;
import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.ElasticsearchSinkOptions;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.jobs.kafka.KafkaConnection;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The listen job's options, parsed once from {@code --name value} arguments. {@link #OPTIONS} lists
 * every option with its default; {@code --help} prints it. Secrets are read from files or the
 * environment ({@code HARK_ES_PASSWORD}, {@code HARK_ES_API_KEY}), never from the command line,
 * and are not passed to Flink's job parameters, so they do not show in the web UI.
 */
public final class ListenOptions implements Serializable {
  /** Option name, default (null: none), description. In the order {@code --help} shows them. */
  public static final List<String[]> OPTIONS = List.of(
      new String[] {"bootstrap", "localhost:9092", "Kafka bootstrap servers, HOST:PORT[,HOST:PORT...]"},
      new String[] {"kafka-config", null, "a Java properties file of extra Kafka client settings (security etc.)"},
      new String[] {"es", "http://localhost:9200", "Elasticsearch URL(s), comma-separated"},
      new String[] {"es-user", null, "Elasticsearch user for basic auth (password: --es-password-file or HARK_ES_PASSWORD)"},
      new String[] {"es-password-file", null, "file holding the Elasticsearch password"},
      new String[] {"es-api-key-file", null, "file holding an Elasticsearch API key (or HARK_ES_API_KEY)"},
      new String[] {"input-topic", Topics.MENTIONS, "topic of Avro Mentions to read"},
      new String[] {"enriched-topic", Topics.ENRICHED_MENTIONS, "topic to write Avro EnrichedMentions to"},
      new String[] {"dead-letter-topic", Topics.DEAD_LETTERS, "topic to write Avro DeadLetters to"},
      new String[] {"query-topic", Topics.QUERIES, "compacted topic of listening query definitions (JSON, keyed by query id)"},
      new String[] {"query-status-topic", Topics.QUERY_STATUS, "topic where the job reports each query update as active, removed or rejected"},
      new String[] {"queries", null, "a YAML file of listening queries to make the query topic hold before starting"},
      new String[] {"keep-unmatched", "false", "also enrich and index mentions that match no query (metrics and alerts still skip them)"},
      new String[] {"remember-deliveries", "48h", "a mention redelivered (same platform and id) within this time is dropped"},
      new String[] {"near-duplicate-window", "1h", "copies of a text this long after its last copy are marked duplicate_of the first"},
      new String[] {"copy-paste-authors", "3", "distinct authors posting the same text that make further copies a spam signal"},
      new String[] {"burst-posts", "5", "posts by a new or zero-follower account within --burst-window that are a spam signal"},
      new String[] {"burst-window", "10m", "see --burst-posts"},
      new String[] {"repost-nlp-ttl", "24h", "how long an original's NLP is kept for its reposts to reuse"},
      new String[] {"group-id", "hark-listen", "Kafka consumer group (offsets are committed on checkpoints)"},
      new String[] {"starting-offsets", "committed", "committed (falling back to earliest), earliest or latest"},
      new String[] {"bounded", "false", "stop at the end offsets seen at start instead of running forever"},
      new String[] {"index-prefix", "hark", "Elasticsearch indices are PREFIX-mentions-yyyy.MM.dd behind alias PREFIX-mentions"},
      new String[] {"parallelism", null, "operator parallelism (default: the cluster's)"},
      new String[] {"checkpoint-interval", "30s", "how often state and Kafka offsets are checkpointed"},
      new String[] {"max-text-chars", "40000", "longer texts are dead-lettered (text_too_long)"},
      new String[] {"max-future", "15m", "created_at further ahead of the clock is dead-lettered (created_at_in_future)"},
      new String[] {"out-of-orderness", "30s", "how late a mention may arrive relative to newer ones"},
      new String[] {"idleness", "1m", "a partition silent this long stops holding the watermark back"},
      new String[] {"es-batch-size", "500", "documents per bulk request"},
      new String[] {"es-max-in-flight", "4", "concurrent bulk requests per sink writer"},
      new String[] {"es-max-buffered", "10000", "documents buffered per sink writer before backpressure"},
      new String[] {"es-flush-interval", "1s", "longest time a document waits for its bulk request"},
      new String[] {"es-max-backoff", "30s", "longest wait between retries while Elasticsearch is unavailable"});

  public enum StartingOffsets { COMMITTED, EARLIEST, LATEST }

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
  private final Duration outOfOrderness;
  private final Duration idleness;
  private final ElasticsearchSinkOptions sink;
  private final String queryTopic;
  private final String queryStatusTopic;
  private final Path queries;
  private final boolean keepUnmatched;
  private final Duration rememberDeliveries;
  private final Duration nearDuplicateWindow;
  private final int copyPasteAuthors;
  private final int burstPosts;
  private final Duration burstWindow;
  private final Duration repostNlpTtl;

  /** Options that may be given without a value, meaning true. */
  private static final List<String> FLAGS = List.of("bounded", "keep-unmatched");

  private ListenOptions(Map<String, String> values, Map<String, String> environment) {
    this.kafka = new KafkaConnection(values.get("bootstrap"), kafkaConfig(values.get("kafka-config")));
    this.elasticsearch = elasticsearch(values, environment);
    this.inputTopic = values.get("input-topic");
    this.enrichedTopic = values.get("enriched-topic");
    this.deadLetterTopic = values.get("dead-letter-topic");
    this.groupId = values.get("group-id");
    this.startingOffsets = enumValue(StartingOffsets.class, "starting-offsets", values.get("starting-offsets"));
    this.bounded = bool("bounded", values.get("bounded"));
    this.indices = new IndexTemplates(values.get("index-prefix"));
    this.parallelism = values.get("parallelism") == null ? null : positive("parallelism", values.get("parallelism"));
    this.checkpointInterval = duration("checkpoint-interval", values.get("checkpoint-interval"));
    this.maxTextChars = positive("max-text-chars", values.get("max-text-chars"));
    this.maxFuture = duration("max-future", values.get("max-future"));
    this.outOfOrderness = duration("out-of-orderness", values.get("out-of-orderness"));
    this.idleness = duration("idleness", values.get("idleness"));
    this.queryTopic = values.get("query-topic");
    this.queryStatusTopic = values.get("query-status-topic");
    this.queries = values.get("queries") == null ? null : Path.of(values.get("queries"));
    this.keepUnmatched = bool("keep-unmatched", values.get("keep-unmatched"));
    this.rememberDeliveries = duration("remember-deliveries", values.get("remember-deliveries"));
    this.nearDuplicateWindow = duration("near-duplicate-window", values.get("near-duplicate-window"));
    this.copyPasteAuthors = positive("copy-paste-authors", values.get("copy-paste-authors"));
    this.burstPosts = positive("burst-posts", values.get("burst-posts"));
    this.burstWindow = duration("burst-window", values.get("burst-window"));
    this.repostNlpTtl = duration("repost-nlp-ttl", values.get("repost-nlp-ttl"));
    this.sink = new ElasticsearchSinkOptions(
        positive("es-batch-size", values.get("es-batch-size")),
        5L << 20,
        positive("es-max-in-flight", values.get("es-max-in-flight")),
        positive("es-max-buffered", values.get("es-max-buffered")),
        duration("es-flush-interval", values.get("es-flush-interval")),
        duration("es-max-backoff", values.get("es-max-backoff")));
  }

  /** Parses {@code --name value} pairs; a flag such as {@code --bounded} alone means {@code --bounded true}. */
  public static ListenOptions parse(String... args) {
    return parse(List.of(args), System.getenv());
  }

  public static ListenOptions parse(List<String> args, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    for (String[] option : OPTIONS) {
      if (option[1] != null) {
        values.put(option[0], option[1]);
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "': options look like --name value");
      }
      int equals = arg.indexOf('=');
      String name = equals >= 0 ? arg.substring(2, equals) : arg.substring(2);
      String value = equals >= 0 ? arg.substring(equals + 1) : null;
      if (OPTIONS.stream().noneMatch(option -> option[0].equals(name))) {
        throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
      }
      if (value == null) {
        boolean flag = FLAGS.contains(name) && (i + 1 == args.size() || args.get(i + 1).startsWith("--"));
        if (flag) {
          value = "true";
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new IllegalArgumentException("option --" + name + " needs a value");
        }
      }
      values.put(name, value);
    }
    return new ListenOptions(values, environment);
  }

  public static String usage() {
    StringBuilder text = new StringBuilder("Options of the listen job:\n");
    for (String[] option : OPTIONS) {
      text.append(String.format("  --%-20s %s%s%n", option[0], option[2],
          option[1] == null ? "" : " (default: " + option[1] + ")"));
    }
    return text.toString();
  }

  private static ElasticsearchConnection elasticsearch(Map<String, String> values, Map<String, String> environment) {
    ElasticsearchConnection connection = ElasticsearchConnection.of(values.get("es"));
    String apiKey = secret(values.get("es-api-key-file"), environment.get("HARK_ES_API_KEY"));
    if (apiKey != null) {
      return connection.withApiKey(apiKey);
    }
    String user = values.get("es-user");
    if (user != null) {
      String password = secret(values.get("es-password-file"), environment.get("HARK_ES_PASSWORD"));
      if (password == null) {
        throw new IllegalArgumentException("--es-user needs a password: --es-password-file FILE or HARK_ES_PASSWORD");
      }
      return connection.withBasicAuth(user, password);
    }
    return connection;
  }

  private static String secret(String file, String fromEnvironment) {
    if (file != null) {
      try {
        return Files.readString(Path.of(file)).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read secret file " + file + ": " + e.getMessage());
      }
    }
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
  }

  private static Map<String, String> kafkaConfig(String file) {
    Map<String, String> config = new LinkedHashMap<>();
    if (file == null) {
      return config;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file))) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read Kafka config file " + file + ": " + e.getMessage());
    }
    properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
    return config;
  }

  private static int positive(String name, String value) {
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--" + name + " must be a positive whole number, not '" + value + "'");
  }

  private static Duration duration(String name, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + ": " + e.getMessage());
    }
  }

  private static boolean bool(String name, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("--" + name + " must be true or false, not '" + value + "'");
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + " must be one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT) + ", not '" + value + "'");
    }
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

  public Duration outOfOrderness() {
    return outOfOrderness;
  }

  public Duration idleness() {
    return idleness;
  }

  public ElasticsearchSinkOptions sink() {
    return sink;
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
