// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.Durations;
import io.hark.analytics.detect.AlertRules;
import io.hark.analytics.notify.KibanaLinks;
import io.hark.jobs.JobArguments;
import io.hark.jobs.JobOptions;
import io.hark.jobs.Option;
import io.hark.jobs.Topics;
import io.hark.report.ReportSchedule;
import io.hark.schema.StrictYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics job's options, parsed once from {@code --name value} arguments; {@link #OPTIONS}
 * lists them with their defaults and {@code --help} prints them.
 */
public final class MetricsOptions extends JobOptions {
    static final Option<String> ALERT_TOPIC =
            Option.string(
                    "alert-topic",
                    Topics.ALERTS,
                    "topic to write Avro Alerts to (every step of every episode)");
    static final Option<Duration> WINDOW =
            Option.duration("window", "1m", "metrics window (tumbling, event time)");
    static final Option<Duration> ALLOWED_LATENESS =
            Option.duration(
                    "allowed-lateness",
                    "10m",
                    "a mention this late still updates its window (the document is overwritten), which"
                            + " is judged again for a surge");
    static final Option<Boolean> INCLUDE_SPAM =
            Option.flag(
                    "include-spam",
                    "count spam in the metrics (by default it is left out and counted as spam_excluded)");
    static final Option<Integer> TOP_K =
            Option.positive(
                    "top-k",
                    "10",
                    "entries of each top list (hashtags, topics, terms, authors, posts)");
    static final Option<Path> NOTIFIERS =
            Option.path(
                    "notifiers",
                    null,
                    "YAML file of notifiers per query group (webhook, Slack, PagerDuty)");
    static final Option<Path> ALERT_RULES =
            Option.path(
                    "alert-rules",
                    null,
                    "YAML file of alert-rule settings "
                            + "(changes to the detector's and episodes' defaults; see scripts/hark backtest)");
    static final Option<String> ALERT_RULE =
            Option.string(
                    "alert-rule",
                    null,
                    "which setting of --alert-rules to run (default: the file's only one)");
    static final Option<Boolean> REPLAY =
            Option.flag(
                    "replay", "a replay: alerts are recorded, marked replay, and never notified");
    static final Option<String> KIBANA_URL =
            Option.string(
                    "kibana-url",
                    "http://localhost:5601",
                    "Kibana as on-call staff reach it, for the links in alerts");
    static final Option<String> KIBANA_DATA_VIEW =
            Option.string(
                    "kibana-data-view",
                    null,
                    "the Kibana data view of mentions the links in alerts open (default: PREFIX-mentions)");

    static final Option<ReportSchedule> REPORT_EVERY =
            Option.of(
                    "report-every",
                    null,
                    "write a brand report of each period of this length, aligned to UTC: 1h to 12h,"
                            + " 24h (a UTC day) or 7d (a week from Monday), once event time is past"
                            + " the period's end plus --allowed-lateness (needs --report-dir)",
                    (option, text) -> {
                        try {
                            return new ReportSchedule(Durations.parse(text));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(
                                    "--" + option + ": " + e.getMessage());
                        }
                    });
    static final Option<Path> REPORT_DIR =
            Option.path(
                    "report-dir",
                    null,
                    "directory of the --report-every reports, report-<from>-<to>.html (e.g."
                            + " report-2026-12-05T00Z-2026-12-06T00Z.html), overwritten by a replay");
    static final Option<String> REPORT_URL_PREFIX =
            Option.string(
                    "report-url-prefix",
                    null,
                    "URL where --report-dir is served, for the links notifiers with reports: true"
                            + " announce (default: the file's path)");
    static final Option<String> REPORT_GROUPS =
            Option.string(
                    "report-groups",
                    null,
                    "comma-separated query groups the --report-every reports cover (default: every"
                            + " query)");

    public static final List<Option<?>> OPTIONS =
            JobArguments.table(
                    List.of(
                            ENRICHED_TOPIC.describedAs("topic of Avro EnrichedMentions to read"),
                            ALERT_TOPIC,
                            DEAD_LETTER_TOPIC,
                            QUERY_TOPIC.describedAs(
                                    "compacted topic of listening queries (for their groups)"),
                            GROUP_ID.withDefault("hark-metrics"),
                            STARTING_OFFSETS,
                            BOUNDED,
                            INDEX_PREFIX.describedAs(
                                    "indices PREFIX-metrics-yyyy.MM and PREFIX-alerts-yyyy.MM, aliases PREFIX-metrics, PREFIX-alerts"),
                            PARALLELISM,
                            CHECKPOINT_INTERVAL,
                            WINDOW,
                            ALLOWED_LATENESS,
                            OUT_OF_ORDERNESS
                                    .withDefault("2s")
                                    .describedAs(
                                            "how long a window waits for stragglers before it is emitted and checked for spikes, at the least:"
                                                    + " while mentions come further out of order (a listen job working off a backlog),"
                                                    + " it waits as long as 99% of the last 30-60 s's mentions needed, up to --allowed-lateness"),
                            IDLENESS.withDefault("10s"),
                            INCLUDE_SPAM,
                            TOP_K,
                            NOTIFIERS,
                            ALERT_RULES,
                            ALERT_RULE,
                            REPLAY,
                            KIBANA_URL,
                            KIBANA_DATA_VIEW,
                            REPORT_EVERY,
                            REPORT_DIR,
                            REPORT_URL_PREFIX,
                            REPORT_GROUPS));

    private final String notifiersYaml;
    private final AlertRules alertRules;

    private MetricsOptions(JobArguments values) {
        super(values);
        Path notifiers = values.get(NOTIFIERS);
        this.notifiersYaml = notifiers == null ? null : read(notifiers);
        this.alertRules = alertRules(values.get(ALERT_RULES), values.get(ALERT_RULE));
        if ((values.get(REPORT_EVERY) == null) != (values.get(REPORT_DIR) == null)) {
            throw new IllegalArgumentException(
                    "--report-every and --report-dir go together: how often, and where to");
        }
        if (values.get(REPORT_EVERY) == null
                && (values.get(REPORT_URL_PREFIX) != null || values.get(REPORT_GROUPS) != null)) {
            throw new IllegalArgumentException(
                    "--report-url-prefix and --report-groups need --report-every and --report-dir");
        }
    }

    public static MetricsOptions parse(String... args) {
        return parse(List.of(args), System.getenv());
    }

    public static MetricsOptions parse(List<String> args, Map<String, String> environment) {
        return new MetricsOptions(JobArguments.parse(OPTIONS, args, environment, usage()));
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
            throw new IllegalArgumentException(
                    "cannot read --notifiers file " + file + ": " + e.getMessage());
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
        return settings.stream()
                .filter(rules -> rules.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        name == null
                                                ? "--alert-rules "
                                                        + file
                                                        + " holds several settings: choose one with --alert-rule NAME"
                                                : "--alert-rules "
                                                        + file
                                                        + " has no setting named '"
                                                        + name
                                                        + "'"));
    }

    public String alertTopic() {
        return values.get(ALERT_TOPIC);
    }

    public Duration window() {
        return values.get(WINDOW);
    }

    public Duration allowedLateness() {
        return values.get(ALLOWED_LATENESS);
    }

    public boolean includeSpam() {
        return values.get(INCLUDE_SPAM);
    }

    public int topK() {
        return values.get(TOP_K);
    }

    /** The notifiers file's content, or null when there is none. */
    public String notifiersYaml() {
        return notifiersYaml;
    }

    public String notifiersSource() {
        return Objects.toString(values.get(NOTIFIERS), null);
    }

    public boolean replay() {
        return values.get(REPLAY);
    }

    /**
     * Whether silences page: in the live job only. A replay's time is not the clock's, and the
     * input of a bounded run (such as {@code local --exit-after-drain}) stops by design, when every
     * query would fall silent.
     */
    public boolean watchesSilences() {
        return !replay() && !bounded();
    }

    public AlertRules alertRules() {
        return alertRules;
    }

    /** The brand reports' schedule, or null when the job writes none. */
    public ReportSchedule reportSchedule() {
        return values.get(REPORT_EVERY);
    }

    public Path reportDirectory() {
        return values.get(REPORT_DIR);
    }

    /** Where the reports are served, or null to announce their paths. */
    public String reportUrlPrefix() {
        return values.get(REPORT_URL_PREFIX);
    }

    /** The groups the reports cover; empty for every query. */
    public List<String> reportGroups() {
        String groups = values.get(REPORT_GROUPS);
        if (groups == null) {
            return List.of();
        }
        return Arrays.stream(groups.split(","))
                .map(String::strip)
                .filter(g -> !g.isEmpty())
                .toList();
    }

    public KibanaLinks kibana() {
        String dataView = values.get(KIBANA_DATA_VIEW);
        return new KibanaLinks(
                values.get(KIBANA_URL), dataView == null ? indices().mentionsAlias() : dataView);
    }
}
