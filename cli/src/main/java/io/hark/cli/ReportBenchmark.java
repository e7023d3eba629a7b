// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.cli.ReportDocuments.Sentiment;
import io.hark.embedded.EmbeddedElasticsearch;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.report.BrandReport;
import io.hark.report.BrandReports;
import io.hark.report.ChartLibrary;
import io.hark.report.ElasticsearchJson;
import io.hark.report.ElasticsearchJson.Document;
import io.hark.report.ReportHtml;
import io.hark.report.ReportPeriod;
import io.hark.report.ReportSpec;
import io.hark.schema.Platform;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code hark bench report}: a month of 1-minute window metrics for 50 queries (in 5 groups), plus
 * mentions, bulk-indexed into an embedded Elasticsearch under Hark's templates; then the report of
 * the month, all queries, timed from the first search to the finished HTML.
 */
final class ReportBenchmark {
    private static final String PREFIX = "bench-report";
    private static final int GROUPS = 5;
    private static final int BATCH = 5_000;
    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<String> TOPICS =
            List.of(
                    "delay",
                    "refund",
                    "app",
                    "price",
                    "staff",
                    "lounge",
                    "crash",
                    "battery",
                    "latte",
                    "delivery",
                    "outage",
                    "update",
                    "queue",
                    "seat",
                    "upgrade");

    private ReportBenchmark() {}

    static void run(PrintStream out, int queries, int days, int mentions) throws Exception {
        Instant start = END.minus(Duration.ofDays(days));
        try (EmbeddedElasticsearch server =
                EmbeddedElasticsearch.builder().startupTimeout(Duration.ofMinutes(5)).start()) {
            ElasticsearchConnection connection = ElasticsearchConnection.of(server.httpUrl());
            IndexTemplates indices = new IndexTemplates(PREFIX);
            indices.ensure(connection);
            ReportDocuments documents = new ReportDocuments(indices);
            long indexStarted = System.nanoTime();
            long windows;
            try (ElasticsearchJson elasticsearch = connection.json()) {
                windows = indexWindows(elasticsearch, documents, queries, start, out);
                indexMentions(elasticsearch, documents, queries, start, mentions);
                elasticsearch.refresh(PREFIX + "-*");
            }
            double indexSeconds = (System.nanoTime() - indexStarted) / 1e9;
            ReportSpec spec =
                    new ReportSpec(
                            new ReportPeriod(start, END, ZoneOffset.UTC),
                            PREFIX,
                            List.of(),
                            List.of(),
                            List.of());
            List<Double> seconds = new ArrayList<>();
            int htmlBytes = 0;
            for (int run = 0; run < 3; run++) {
                long started = System.nanoTime();
                BrandReport report;
                try (ElasticsearchJson elasticsearch = connection.json()) {
                    report = BrandReports.read(elasticsearch, spec, Clock.systemUTC());
                }
                htmlBytes =
                        ReportHtml.render(report, spec.selection(), ChartLibrary.echarts())
                                .length();
                seconds.add((System.nanoTime() - started) / 1e9);
                if (report.queries().size() != queries) {
                    throw new IllegalStateException(
                            "the report holds "
                                    + report.queries().size()
                                    + " queries, not "
                                    + queries);
                }
            }
            out.printf(
                    Locale.ROOT,
                    "{\"queries\":%d,\"days\":%d,\"window_documents\":%d,\"mentions\":%d,\"index_seconds\":%.1f,"
                            + "\"report_seconds_first\":%.2f,\"report_seconds_best_of_3\":%.2f,\"html_bytes\":%d}%n",
                    queries,
                    days,
                    windows,
                    mentions,
                    indexSeconds,
                    seconds.get(0),
                    seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    htmlBytes);
        }
    }

    /** Every query's and group's 1-minute windows; a group's volume is its queries' sum. */
    private static long indexWindows(
            ElasticsearchJson elasticsearch,
            ReportDocuments documents,
            int queries,
            Instant start,
            PrintStream out) {
        SplittableRandom random = new SplittableRandom(22);
        List<Document> batch = new ArrayList<>(BATCH + queries + GROUPS);
        long indexed = 0;
        long minutes = Duration.between(start, END).toMinutes();
        for (long m = 0; m < minutes; m++) {
            Instant minute = start.plus(Duration.ofMinutes(m));
            long[][] groupSentiment = new long[GROUPS][3];
            for (int q = 0; q < queries; q++) {
                int group = q % GROUPS;
                // Busier queries first, a daily rhythm, and noise.
                double rate =
                        (1 + 8.0 / (1 + q)) * (1.3 + Math.sin(2 * Math.PI * (m % 1440) / 1440.0));
                long volume = Math.round(rate * random.nextDouble(0.5, 1.5));
                long negative = Math.round(volume * random.nextDouble(0.1, 0.3));
                long positive = Math.round((volume - negative) * random.nextDouble(0.2, 0.6));
                Sentiment sentiment =
                        new Sentiment(negative, volume - negative - positive, positive);
                batch.add(
                        documents.window(
                                "q" + q,
                                "group-" + group,
                                minute,
                                sentiment,
                                volume * 300,
                                volume * 4));
                groupSentiment[group][0] += sentiment.negative();
                groupSentiment[group][1] += sentiment.neutral();
                groupSentiment[group][2] += sentiment.positive();
            }
            for (int g = 0; g < GROUPS; g++) {
                Sentiment sentiment =
                        new Sentiment(
                                groupSentiment[g][0], groupSentiment[g][1], groupSentiment[g][2]);
                batch.add(
                        documents.window(
                                "group-" + g,
                                null,
                                minute,
                                sentiment,
                                sentiment.volume() * 300,
                                sentiment.volume() * 4));
            }
            if (batch.size() >= BATCH) {
                elasticsearch.bulk(batch);
                indexed += batch.size();
                batch.clear();
            }
            if (m % (7 * 1440) == 0 && m > 0) {
                System.err.printf(
                        Locale.ROOT,
                        "indexed %,d window documents (%d of %d days)%n",
                        indexed,
                        m / 1440,
                        minutes / 1440);
            }
        }
        if (!batch.isEmpty()) {
            elasticsearch.bulk(batch);
            indexed += batch.size();
        }
        return indexed;
    }

    private static void indexMentions(
            ElasticsearchJson elasticsearch,
            ReportDocuments documents,
            int queries,
            Instant start,
            int mentions) {
        SplittableRandom random = new SplittableRandom(23);
        long span = Duration.between(start, END).toMillis();
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < mentions; i++) {
            Instant at = start.plusMillis(random.nextLong(span));
            int query =
                    (int)
                            Math.min(
                                    queries - 1,
                                    Math.floor(queries * Math.pow(random.nextDouble(), 2)));
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            batch.add(
                    documents.mention(
                            Platform.x,
                            "m" + i,
                            at,
                            "author" + random.nextInt(20_000),
                            random.nextLong(1, 200_000),
                            "q" + query + " mention about the " + topic + " number " + i,
                            "https://x.example/m" + i,
                            random.nextLong(0, 500),
                            random.nextInt(4) == 0 ? "negative" : "neutral",
                            List.of("q" + query),
                            List.of(topic),
                            List.of("tag" + random.nextInt(40)),
                            random.nextInt(50) == 0 ? List.of("spam") : List.of()));
            if (batch.size() >= BATCH) {
                elasticsearch.bulk(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            elasticsearch.bulk(batch);
        }
    }
}
