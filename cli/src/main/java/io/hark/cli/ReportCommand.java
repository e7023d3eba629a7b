// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.jobs.JobArguments;
import io.hark.jobs.Option;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryFile;
import io.hark.report.BrandReport;
import io.hark.report.ElasticsearchJson;
import io.hark.report.ReportFile;
import io.hark.report.ReportPeriod;
import io.hark.report.ReportSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A self-contained HTML brand report from Elasticsearch aggregations. */
@Command(
        name = "report",
        description = {
            "Writes a brand report as one HTML file that opens without network access:",
            "mentions over time per query with alert episodes, sentiment, share of voice",
            "against the previous period, top and rising topics and hashtags, top posts",
            "and authors (spam left out), all from the indices' aggregations."
        })
final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Option(
            names = "--es",
            defaultValue = "http://localhost:9200",
            description = "Elasticsearch URL(s), comma-separated (default: ${DEFAULT-VALUE})")
    String es;

    @picocli.CommandLine.Option(
            names = "--es-ca-cert",
            description = "PEM file of the CA that signed Elasticsearch's certificate")
    Path esCaCert;

    @picocli.CommandLine.Option(
            names = "--es-user",
            description = "Elasticsearch user (password: --es-password-file or HARK_ES_PASSWORD)")
    String esUser;

    @picocli.CommandLine.Option(
            names = "--es-password-file",
            description = "file holding the Elasticsearch password")
    Path esPasswordFile;

    @picocli.CommandLine.Option(
            names = "--es-api-key-file",
            description =
                    "file holding an Elasticsearch API key (or HARK_ES_API_KEY); wins over --es-user")
    Path esApiKeyFile;

    @picocli.CommandLine.Option(
            names = "--index-prefix",
            defaultValue = "hark",
            description = "the indices' prefix (default: ${DEFAULT-VALUE})")
    String indexPrefix;

    @picocli.CommandLine.Option(
            names = "--from",
            defaultValue = "now-7d",
            description =
                    "start of the period: 2026-11-01, 2026-11-01T08:00 (in --zone), 2026-11-01T08:00:00Z or now-7d"
                            + " (default: ${DEFAULT-VALUE})")
    String from;

    @picocli.CommandLine.Option(
            names = "--to",
            defaultValue = "now",
            description = "end of the period, excluded, same forms (default: ${DEFAULT-VALUE})")
    String to;

    @picocli.CommandLine.Option(
            names = "--zone",
            defaultValue = "UTC",
            description =
                    "time zone of the dates shown and of the timeline's days (default: ${DEFAULT-VALUE})")
    String zone;

    @picocli.CommandLine.Option(
            names = "--group",
            description =
                    "report the queries of this group (repeatable); none and no --query: every query")
    List<String> groups = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--query", description = "report this query (repeatable)")
    List<String> queries = new ArrayList<>();

    @picocli.CommandLine.Option(
            names = "--queries",
            description =
                    "the queries file (YAML), for names and definitions: Elasticsearch does not hold them")
    Path queriesFile;

    @picocli.CommandLine.Option(
            names = "--out",
            required = true,
            description = "the HTML file to write")
    Path out;

    @Override
    public Integer call() throws IOException {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "unknown --zone '" + zone + "': use e.g. UTC or Europe/Paris", e);
        }
        Instant now = Instant.now();
        ReportPeriod period =
                new ReportPeriod(
                        ReportPeriod.parseTime(from, zoneId, now),
                        ReportPeriod.parseTime(to, zoneId, now),
                        zoneId);
        List<QueryDefinition> definitions =
                queriesFile == null ? List.of() : QueryFile.load(queriesFile);
        ReportSpec spec = new ReportSpec(period, indexPrefix, groups, queries, definitions);
        System.out.println(write(elasticsearch(), spec, out));
        return 0;
    }

    /** Reads the report, writes its HTML file and says what it holds. */
    static String write(ElasticsearchConnection connection, ReportSpec spec, Path out)
            throws IOException {
        long started = System.nanoTime();
        BrandReport report;
        try (ElasticsearchJson elasticsearch = connection.json()) {
            report = ReportFile.write(elasticsearch, spec, out, Clock.systemUTC());
        }
        return String.format(
                Locale.ROOT,
                "wrote %s: %d queries, %,d mentions, %d alert episode(s), %.1f s",
                out,
                report.queries().size(),
                report.volume(),
                report.alerts().size(),
                (System.nanoTime() - started) / 1e9);
    }

    private ElasticsearchConnection elasticsearch() {
        List<Option<?>> options =
                List.of(
                        JobArguments.ES,
                        JobArguments.ES_CA_CERT,
                        JobArguments.ES_USER,
                        JobArguments.ES_PASSWORD_FILE,
                        JobArguments.ES_API_KEY_FILE);
        List<String> args = new ArrayList<>(List.of("--es", es));
        addIfSet(args, "--es-ca-cert", esCaCert);
        addIfSet(args, "--es-user", esUser);
        addIfSet(args, "--es-password-file", esPasswordFile);
        addIfSet(args, "--es-api-key-file", esApiKeyFile);
        return JobArguments.parse(options, args, System.getenv(), "").elasticsearch();
    }

    private static void addIfSet(List<String> args, String name, Object value) {
        if (value != null) {
            args.add(name);
            args.add(value.toString());
        }
    }
}
