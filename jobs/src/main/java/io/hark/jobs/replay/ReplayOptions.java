// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import io.hark.jobs.JobArguments;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.metrics.MetricsOptions;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A replay's options: what to read (a Kafka time range, the archive or a JSON Lines file), where to
 * write (a replay namespace or the live indices), and the listen and metrics jobs' options it runs
 * the pipelines with; {@code --help} lists them. The listen and metrics options are theirs, passed on,
 * so a replay runs exactly as the jobs would with the same settings.
 */
public final class ReplayOptions implements Serializable {
  /** Where the records come from. */
  public enum Input { KAFKA, ARCHIVE, JSONL }

  private static final List<String[]> OWN = List.of(
      new String[] {"name", null, "the replay's name: it writes indices PREFIX-replay-NAME-{mentions,metrics,alerts}-*"},
      new String[] {"from", null, "start of the period, inclusive: 2026-11-01T00:00Z or 2026-11-01 (UTC); Kafka: record time, archive: created_at"},
      new String[] {"to", null, "end of the period, exclusive (default: everything after --from)"},
      new String[] {"archive", null, "read the archive at this path or URI (the listen job's --archive) instead of Kafka"},
      new String[] {"jsonl", null, "read a JSON Lines file of mentions instead of Kafka"},
      new String[] {"skip-nlp", "false", "replay enriched mentions (enriched topic or archive) as they are: no NLP, query matching or spam scoring"},
      new String[] {"over-live", "false", "write into the live indices instead of a replay namespace (ids are deterministic: documents are overwritten, not duplicated)"},
      new String[] {"index-prefix", "hark", "prefix of the live indices"},
      new String[] {"publish", "false", "when the replay is done, put its indices in place of the live ones it rebuilt (one atomic alias swap)"},
      new String[] {"queries", null, "YAML file of listening queries to replay with (default: the query topic's now; the topic is not changed)"},
      new String[] {"dead-letter-topic", "hark.replay.dead-letters", "topic for the records the replay could not process"},
      new String[] {"alert-topic", null, "also send the replay's alerts (marked replay) to this topic (default: only the alerts index)"},
      new String[] {"parallelism", "2", "operator parallelism"});

  /** Options of the jobs a replay sets itself. */
  private static final Set<String> SET_BY_REPLAY = Set.of("group-id", "starting-offsets", "bounded", "checkpoint-interval",
      "replay", "notifiers", "archive", "kibana-data-view", "query-status-topic", "out-of-orderness", "idleness", "allowed-lateness");

  /** Options of the replay that mean something else to the jobs, or that it passes on itself. */
  private static final Set<String> NOT_PASSED_AS_GIVEN =
      Set.of("index-prefix", "queries", "archive", "dead-letter-topic", "alert-topic", "parallelism");

  public static final List<String[]> OPTIONS = options();
  private static final List<String> FLAGS = List.of("skip-nlp", "over-live", "publish", "keep-unmatched", "include-spam");

  private final JobArguments values;
  private final Input input;
  private final Instant from;
  private final Instant to;
  private final IndexTemplates liveIndices;
  private final IndexTemplates indices;
  private final ListenOptions listen;
  private final MetricsOptions metrics;

  private ReplayOptions(JobArguments values, List<String> args, Map<String, String> environment) {
    this.values = values;
    this.from = instant("from");
    this.to = instant("to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("--from must be before --to");
    }
    if (values.string("archive") != null && values.string("jsonl") != null) {
      throw new IllegalArgumentException("give one of --archive and --jsonl (or neither, for Kafka)");
    }
    this.input = values.string("archive") != null ? Input.ARCHIVE : values.string("jsonl") != null ? Input.JSONL : Input.KAFKA;
    if (input == Input.JSONL && values.bool("skip-nlp")) {
      throw new IllegalArgumentException("--skip-nlp replays enriched mentions: from Kafka or --archive, not --jsonl");
    }
    this.liveIndices = new IndexTemplates(values.string("index-prefix"));
    if (values.bool("publish") && values.bool("over-live")) {
      throw new IllegalArgumentException("--publish swaps a replay namespace in for the live indices: not with --over-live");
    }
    String name = values.string("name");
    if (values.bool("over-live")) {
      this.indices = liveIndices;
    } else if (name == null) {
      throw new IllegalArgumentException("--name NAME is needed: the replay writes PREFIX-replay-NAME-* (or --over-live)");
    } else {
      this.indices = new IndexTemplates(liveIndices.prefix() + "-replay-" + name);
    }
    this.listen = listenOptionsForPeriod(passOn(ListenOptions.OPTIONS, args), environment);
    // alert links open the live data view: Kibana has no view of a replay namespace until it is published
    this.metrics = MetricsOptions.parse(Stream.concat(passOn(MetricsOptions.OPTIONS, args).stream(),
        Stream.of("--replay", "--kibana-data-view", liveIndices.mentionsAlias())).toList(), environment);
  }

  /**
   * The listen job's options, with {@code --max-past} reaching back from the period's start instead of
   * from now: the live job took mentions up to {@code --max-past} older than when they came, and a
   * replay of that period must take them too.
   */
  private ListenOptions listenOptionsForPeriod(List<String> passed, Map<String, String> environment) {
    ListenOptions asGiven = ListenOptions.parse(passed, environment);
    if (from == null) {
      return asGiven;
    }
    Duration sinceStart = Duration.between(from, Instant.now());
    List<String> bounded = new ArrayList<>(passed);
    bounded.addAll(List.of("--max-past", asGiven.maxPast().plus(sinceStart.isNegative() ? Duration.ZERO : sinceStart).toString()));
    return ListenOptions.parse(bounded, environment);
  }

  public static ReplayOptions parse(List<String> args, Map<String, String> environment) {
    return new ReplayOptions(JobArguments.parse(OPTIONS, FLAGS, args, environment, usage()), args, environment);
  }

  public static String usage() {
    return JobArguments.usage("Options of a replay (scripts/hark replay)", OPTIONS);
  }

  /**
   * The listen and metrics jobs' options as given (connection, sink and pipeline settings), plus what
   * every replay sets: its namespace, a bounded read, no committed offsets, its dead-letter topic.
   */
  private List<String> passOn(List<String[]> jobOptions, List<String> args) {
    Set<String> known = names(jobOptions);
    List<String> passed = new ArrayList<>();
    for (String[] option : OPTIONS) {
      String name = option[0];
      String value = values.string(name);
      boolean given = args.stream().anyMatch(arg -> arg.equals("--" + name) || arg.startsWith("--" + name + "="));
      if (known.contains(name) && value != null && given && !NOT_PASSED_AS_GIVEN.contains(name)) {
        passed.add("--" + name + "=" + value);
      }
    }
    passed.addAll(List.of("--index-prefix", indices.prefix(), "--group-id", groupId(), "--bounded",
        "--dead-letter-topic", deadLetterTopic(), "--parallelism", String.valueOf(parallelism())));
    return passed;
  }

  private static List<String[]> options() {
    Set<String> own = names(OWN);
    List<String[]> all = new ArrayList<>(JobArguments.CONNECTION_OPTIONS);
    all.addAll(OWN);
    for (List<String[]> job : List.of(ListenOptions.OPTIONS, MetricsOptions.OPTIONS)) {
      for (String[] option : job) {
        if (!own.contains(option[0]) && !SET_BY_REPLAY.contains(option[0]) && !names(all).contains(option[0])) {
          all.add(option);
        }
      }
    }
    return List.copyOf(all);
  }

  private static Set<String> names(List<String[]> options) {
    return Set.copyOf(options.stream().map(option -> option[0]).toList());
  }

  private Instant instant(String name) {
    String text = values.string(name);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new IllegalArgumentException("--" + name + " must be a time like 2026-11-01T00:00Z or a date like 2026-11-01, not '"
            + text + "'");
      }
    }
  }

  public Input input() {
    return input;
  }

  /** Start of the period, or null for the beginning. */
  public Instant from() {
    return from;
  }

  /** End of the period (exclusive), or null for the end. */
  public Instant to() {
    return to;
  }

  public String archive() {
    return values.string("archive");
  }

  public Path jsonl() {
    return values.path("jsonl");
  }

  public boolean skipNlp() {
    return values.bool("skip-nlp");
  }

  public boolean overLive() {
    return values.bool("over-live");
  }

  /** The indices written: the replay namespace's, or the live ones with {@code --over-live}. */
  public IndexTemplates indices() {
    return indices;
  }

  /** The live indices, which {@code --publish} replaces with the replay's. */
  public IndexTemplates liveIndices() {
    return liveIndices;
  }

  public boolean publish() {
    return values.bool("publish");
  }

  public Path queries() {
    return values.path("queries");
  }

  public String deadLetterTopic() {
    return values.string("dead-letter-topic");
  }

  /** The alert topic to write to, or null for none. */
  public String alertTopic() {
    return values.string("alert-topic");
  }

  public int parallelism() {
    return values.positive("parallelism");
  }

  public String groupId() {
    return "hark-replay-" + indices.prefix();
  }

  public KafkaConnection kafka() {
    return listen.kafka();
  }

  /** The listen job's options this replay runs the listen pipeline with. */
  public ListenOptions listen() {
    return listen;
  }

  /** The metrics job's options this replay runs the metrics pipeline with (alerts marked replay). */
  public MetricsOptions metrics() {
    return metrics;
  }
}
