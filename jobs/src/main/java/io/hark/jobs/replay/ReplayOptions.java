// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import io.hark.jobs.JobArguments;
import io.hark.jobs.JobOptions;
import io.hark.jobs.Option;
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
 * the pipelines with; {@code --help} lists them. The listen and metrics options are theirs, passed
 * on, so a replay runs exactly as the jobs would with the same settings.
 */
public final class ReplayOptions implements Serializable {
    /** Where the records come from. */
    public enum Input {
        KAFKA,
        ARCHIVE,
        JSONL
    }

    static final Option<String> NAME =
            Option.string(
                    "name",
                    null,
                    "the replay's name: it writes indices PREFIX-replay-NAME-{mentions,metrics,alerts}-*");
    static final Option<Instant> FROM =
            Option.of(
                    "from",
                    null,
                    "start of the period, inclusive: 2026-11-01T00:00Z or "
                            + "2026-11-01 (UTC); Kafka: record time, archive: created_at",
                    ReplayOptions::instant);
    static final Option<Instant> TO =
            Option.of(
                    "to",
                    null,
                    "end of the period, exclusive (default: everything after --from)",
                    ReplayOptions::instant);
    static final Option<String> ARCHIVE =
            Option.string(
                    "archive",
                    null,
                    "read the archive at this path or URI (the listen job's --archive) instead of Kafka");
    static final Option<Path> JSONL =
            Option.path("jsonl", null, "read a JSON Lines file of mentions instead of Kafka");
    static final Option<Boolean> SKIP_NLP =
            Option.flag(
                    "skip-nlp",
                    "replay enriched mentions (enriched topic or archive) as they are: no NLP, query matching or spam scoring");
    static final Option<Boolean> OVER_LIVE =
            Option.flag(
                    "over-live",
                    "write into the live indices instead of a replay "
                            + "namespace (ids are deterministic: documents are overwritten, not duplicated)");
    static final Option<String> INDEX_PREFIX =
            JobOptions.INDEX_PREFIX.describedAs("prefix of the live indices");
    static final Option<Boolean> PUBLISH =
            Option.flag(
                    "publish",
                    "when the replay is done, put its indices in place of the live ones it rebuilt (one atomic alias swap)");
    static final Option<Path> QUERIES =
            Option.path(
                    "queries",
                    null,
                    "YAML file of listening queries to replay with (default: the query topic's now; the topic is not changed)");
    static final Option<String> DEAD_LETTER_TOPIC =
            JobOptions.DEAD_LETTER_TOPIC
                    .withDefault("hark.replay.dead-letters")
                    .describedAs("topic for the records the replay could not process");
    static final Option<String> ALERT_TOPIC =
            Option.string(
                    "alert-topic",
                    null,
                    "also send the replay's alerts (marked replay) to this topic (default: only the alerts index)");
    static final Option<Integer> PARALLELISM =
            JobOptions.PARALLELISM.withDefault("2").describedAs("operator parallelism");

    private static final List<Option<?>> OWN =
            List.of(
                    NAME,
                    FROM,
                    TO,
                    ARCHIVE,
                    JSONL,
                    SKIP_NLP,
                    OVER_LIVE,
                    INDEX_PREFIX,
                    PUBLISH,
                    QUERIES,
                    DEAD_LETTER_TOPIC,
                    ALERT_TOPIC,
                    PARALLELISM);

    /** Options of the jobs a replay sets itself, or does not offer. */
    private static final Set<String> SET_BY_REPLAY =
            Set.of(
                    "group-id",
                    "starting-offsets",
                    "bounded",
                    "checkpoint-interval",
                    "replay",
                    "notifiers",
                    "archive",
                    "kibana-data-view",
                    "query-status-topic",
                    "out-of-orderness",
                    "idleness",
                    "allowed-lateness",
                    // not offered: scripts/hark report makes a report of a replay's namespace
                    "report-every",
                    "report-dir",
                    "report-url-prefix",
                    "report-groups");

    /** Options of the replay that mean something else to the jobs, or that it passes on itself. */
    private static final Set<String> NOT_PASSED_AS_GIVEN =
            Set.of(
                    "index-prefix",
                    "queries",
                    "archive",
                    "dead-letter-topic",
                    "alert-topic",
                    "parallelism");

    public static final List<Option<?>> OPTIONS = options();

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
        this.from = values.get(FROM);
        this.to = values.get(TO);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        if (archive() != null && jsonl() != null) {
            throw new IllegalArgumentException(
                    "give one of --archive and --jsonl (or neither, for Kafka)");
        }
        this.input =
                archive() != null ? Input.ARCHIVE : jsonl() != null ? Input.JSONL : Input.KAFKA;
        if (input == Input.JSONL && skipNlp()) {
            throw new IllegalArgumentException(
                    "--skip-nlp replays enriched mentions: from Kafka or --archive, not --jsonl");
        }
        this.liveIndices = new IndexTemplates(values.get(INDEX_PREFIX));
        if (publish() && overLive()) {
            throw new IllegalArgumentException(
                    "--publish swaps a replay namespace in for the live indices: not with --over-live");
        }
        String name = values.get(NAME);
        if (overLive()) {
            this.indices = liveIndices;
        } else if (name == null) {
            throw new IllegalArgumentException(
                    "--name NAME is needed: the replay writes PREFIX-replay-NAME-* (or --over-live)");
        } else {
            this.indices = new IndexTemplates(liveIndices.prefix() + "-replay-" + name);
        }
        this.listen = listenOptionsForPeriod(passOn(ListenOptions.OPTIONS, args), environment);
        // alert links open the live data view: Kibana has no view of a replay namespace until it is
        // published
        this.metrics =
                MetricsOptions.parse(
                        Stream.concat(
                                        passOn(MetricsOptions.OPTIONS, args).stream(),
                                        Stream.of(
                                                "--replay",
                                                "--kibana-data-view",
                                                liveIndices.mentionsAlias()))
                                .toList(),
                        environment);
    }

    /**
     * The listen job's options, with {@code --max-past} reaching back from the period's start
     * instead of from now: the live job took mentions up to {@code --max-past} older than when they
     * came, and a replay of that period must take them too.
     */
    private ListenOptions listenOptionsForPeriod(
            List<String> passed, Map<String, String> environment) {
        ListenOptions asGiven = ListenOptions.parse(passed, environment);
        if (from == null) {
            return asGiven;
        }
        Duration sinceStart = Duration.between(from, Instant.now());
        List<String> bounded = new ArrayList<>(passed);
        bounded.addAll(
                List.of(
                        "--max-past",
                        asGiven.maxPast()
                                .plus(sinceStart.isNegative() ? Duration.ZERO : sinceStart)
                                .toString()));
        return ListenOptions.parse(bounded, environment);
    }

    public static ReplayOptions parse(List<String> args, Map<String, String> environment) {
        return new ReplayOptions(
                JobArguments.parse(OPTIONS, args, environment, usage()), args, environment);
    }

    public static String usage() {
        return JobArguments.usage("Options of a replay (scripts/hark replay)", OPTIONS);
    }

    /**
     * The listen and metrics jobs' options as given (connection, sink and pipeline settings), plus
     * what every replay sets: its namespace, a bounded read, no committed offsets, its dead-letter
     * topic.
     */
    private List<String> passOn(List<Option<?>> jobOptions, List<String> args) {
        Set<String> known = names(jobOptions);
        List<String> passed = new ArrayList<>();
        for (Option<?> option : OPTIONS) {
            String name = option.name();
            String value = values.text(option);
            boolean given =
                    args.stream()
                            .anyMatch(
                                    arg ->
                                            arg.equals("--" + name)
                                                    || arg.startsWith("--" + name + "="));
            if (known.contains(name)
                    && value != null
                    && given
                    && !NOT_PASSED_AS_GIVEN.contains(name)) {
                passed.add("--" + name + "=" + value);
            }
        }
        passed.addAll(
                List.of(
                        "--index-prefix",
                        indices.prefix(),
                        "--group-id",
                        groupId(),
                        "--bounded",
                        "--dead-letter-topic",
                        deadLetterTopic(),
                        "--parallelism",
                        String.valueOf(parallelism())));
        return passed;
    }

    private static List<Option<?>> options() {
        Set<String> own = names(OWN);
        List<Option<?>> all = new ArrayList<>(JobArguments.CONNECTION_OPTIONS);
        all.addAll(OWN);
        for (List<Option<?>> job : List.of(ListenOptions.OPTIONS, MetricsOptions.OPTIONS)) {
            for (Option<?> option : job) {
                if (!own.contains(option.name())
                        && !SET_BY_REPLAY.contains(option.name())
                        && !names(all).contains(option.name())) {
                    all.add(option);
                }
            }
        }
        return List.copyOf(all);
    }

    private static Set<String> names(List<Option<?>> options) {
        return Set.copyOf(options.stream().map(Option::name).toList());
    }

    private static Instant instant(String name, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException(
                        "--"
                                + name
                                + " must be a time like 2026-11-01T00:00Z or a date like 2026-11-01, not '"
                                + text
                                + "'");
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
        return values.get(ARCHIVE);
    }

    public Path jsonl() {
        return values.get(JSONL);
    }

    public boolean skipNlp() {
        return values.get(SKIP_NLP);
    }

    public boolean overLive() {
        return values.get(OVER_LIVE);
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
        return values.get(PUBLISH);
    }

    public Path queries() {
        return values.get(QUERIES);
    }

    public String deadLetterTopic() {
        return values.get(DEAD_LETTER_TOPIC);
    }

    /** The alert topic to write to, or null for none. */
    public String alertTopic() {
        return values.get(ALERT_TOPIC);
    }

    public int parallelism() {
        return values.get(PARALLELISM);
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

    /**
     * The metrics job's options this replay runs the metrics pipeline with (alerts marked replay).
     */
    public MetricsOptions metrics() {
        return metrics;
    }
}
