// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.jobs.JobArguments;
import io.hark.jobs.JobOptions;
import io.hark.jobs.Option;
import io.hark.jobs.Topics;
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
public final class ListenOptions extends JobOptions {
    /** The cap on a mention's text, also applied before a file's mentions are sent to Kafka. */
    public static final int DEFAULT_MAX_TEXT_CHARS = 40_000;

    static final Option<String> INPUT_TOPIC =
            Option.string("input-topic", Topics.MENTIONS, "topic of Avro Mentions to read");
    static final Option<String> QUERY_STATUS_TOPIC =
            Option.string(
                    "query-status-topic",
                    Topics.QUERY_STATUS,
                    "topic where the job reports each query update as active, removed or rejected");
    static final Option<String> LABELS_TOPIC =
            Option.string(
                    "labels-topic",
                    Topics.SENTIMENT_LABELS,
                    "compacted topic of "
                            + "analysts' sentiment labels (scripts/hark labels add), applied to indexed and later mentions");
    static final Option<Path> QUERIES =
            Option.path(
                    "queries",
                    null,
                    "a YAML file of listening queries to make the query topic hold before starting");
    static final Option<Boolean> KEEP_UNMATCHED =
            Option.flag(
                    "keep-unmatched",
                    "also enrich and index mentions that match no query (metrics and alerts still skip them)");
    static final Option<Duration> REMEMBER_DELIVERIES =
            Option.duration(
                    "remember-deliveries",
                    "48h",
                    "a mention redelivered (same platform and id) within this time is dropped");
    static final Option<Duration> NEAR_DUPLICATE_WINDOW =
            Option.duration(
                    "near-duplicate-window",
                    "1h",
                    "copies of a text this long after its last copy are marked duplicate_of the first");
    static final Option<Integer> COPY_PASTE_AUTHORS =
            Option.positive(
                    "copy-paste-authors",
                    "3",
                    "distinct authors posting the same text that make further copies a spam signal");
    static final Option<Integer> BURST_POSTS =
            Option.positive(
                    "burst-posts",
                    "5",
                    "posts by a new or zero-follower account within --burst-window that are a spam signal");
    static final Option<Path> SENTIMENT_MODEL =
            Option.path(
                    "sentiment-model",
                    null,
                    "a whole-text sentiment model "
                            + "written by scripts/hark train-sentiment (e.g. --domain), at this path wherever the job's tasks run "
                            + "(default: the shipped model)");
    static final Option<Duration> BURST_WINDOW =
            Option.duration("burst-window", "10m", "see --burst-posts");
    static final Option<Duration> REPOST_NLP_TTL =
            Option.duration(
                    "repost-nlp-ttl",
                    "24h",
                    "how long an original's NLP is kept for its reposts to reuse");
    static final Option<String> ARCHIVE =
            Option.string(
                    "archive",
                    null,
                    "archive mentions and enriched mentions as Avro "
                            + "files by event hour under this path or URI (s3://, gs://, hdfs://) for replays");
    static final Option<Integer> MAX_TEXT_CHARS =
            Option.positive(
                    "max-text-chars",
                    String.valueOf(DEFAULT_MAX_TEXT_CHARS),
                    "longer texts are dead-lettered (text_too_long)");
    static final Option<Duration> MAX_FUTURE =
            Option.duration(
                    "max-future",
                    "15m",
                    "created_at further ahead of the clock is dead-lettered (created_at_in_future)");
    static final Option<Duration> MAX_PAST =
            Option.duration(
                    "max-past",
                    "30d",
                    "created_at further back than this is "
                            + "dead-lettered (created_at_too_old): garbage dates would make an index per bogus day; history goes through "
                            + "scripts/hark replay");

    /** In the order {@code --help} shows them. */
    public static final List<Option<?>> OPTIONS =
            JobArguments.table(
                    List.of(
                            INPUT_TOPIC,
                            ENRICHED_TOPIC.describedAs("topic to write Avro EnrichedMentions to"),
                            DEAD_LETTER_TOPIC,
                            QUERY_TOPIC.describedAs(
                                    "compacted topic of listening query definitions (JSON, keyed by query id)"),
                            QUERY_STATUS_TOPIC,
                            LABELS_TOPIC,
                            QUERIES,
                            KEEP_UNMATCHED,
                            REMEMBER_DELIVERIES,
                            NEAR_DUPLICATE_WINDOW,
                            COPY_PASTE_AUTHORS,
                            BURST_POSTS,
                            BURST_WINDOW,
                            REPOST_NLP_TTL,
                            SENTIMENT_MODEL,
                            ARCHIVE,
                            GROUP_ID.withDefault("hark-listen"),
                            STARTING_OFFSETS,
                            BOUNDED,
                            INDEX_PREFIX.describedAs(
                                    "Elasticsearch indices are PREFIX-mentions-yyyy.MM.dd behind alias PREFIX-mentions"),
                            PARALLELISM,
                            CHECKPOINT_INTERVAL,
                            MAX_TEXT_CHARS,
                            MAX_FUTURE,
                            MAX_PAST,
                            OUT_OF_ORDERNESS
                                    .withDefault("30s")
                                    .describedAs(
                                            "how late a mention may arrive relative to newer ones"),
                            IDLENESS.withDefault("1m")));

    private ListenOptions(JobArguments values) {
        super(values);
    }

    /**
     * Parses {@code --name value} pairs; a flag such as {@code --bounded} alone means {@code
     * --bounded true}.
     */
    public static ListenOptions parse(String... args) {
        return parse(List.of(args), System.getenv());
    }

    public static ListenOptions parse(List<String> args, Map<String, String> environment) {
        return new ListenOptions(JobArguments.parse(OPTIONS, args, environment, usage()));
    }

    public static String usage() {
        return JobArguments.usage("Options of the listen job", OPTIONS);
    }

    public String inputTopic() {
        return values.get(INPUT_TOPIC);
    }

    public int maxTextChars() {
        return values.get(MAX_TEXT_CHARS);
    }

    public Duration maxFuture() {
        return values.get(MAX_FUTURE);
    }

    public Duration maxPast() {
        return values.get(MAX_PAST);
    }

    /** The whole-text sentiment model file, or null for the shipped model. */
    public Path sentimentModel() {
        return values.get(SENTIMENT_MODEL);
    }

    public String labelsTopic() {
        return values.get(LABELS_TOPIC);
    }

    public String queryStatusTopic() {
        return values.get(QUERY_STATUS_TOPIC);
    }

    /** The YAML file of queries to sync to the query topic at start, or null. */
    public Path queries() {
        return values.get(QUERIES);
    }

    public boolean keepUnmatched() {
        return values.get(KEEP_UNMATCHED);
    }

    /** Where the job archives what it reads and emits, or null for no archive. */
    public String archive() {
        return values.get(ARCHIVE);
    }

    public Duration rememberDeliveries() {
        return values.get(REMEMBER_DELIVERIES);
    }

    public Duration nearDuplicateWindow() {
        return values.get(NEAR_DUPLICATE_WINDOW);
    }

    public int copyPasteAuthors() {
        return values.get(COPY_PASTE_AUTHORS);
    }

    public int burstPosts() {
        return values.get(BURST_POSTS);
    }

    public Duration burstWindow() {
        return values.get(BURST_WINDOW);
    }

    public Duration repostNlpTtl() {
        return values.get(REPOST_NLP_TTL);
    }
}
