// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.notify.DeliveryResult;
import io.hark.analytics.notify.NotifierConfig;
import io.hark.analytics.notify.ReportAnnouncement;
import io.hark.analytics.notify.ReportAnnouncer;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.report.BrandReport;
import io.hark.report.BrandReports;
import io.hark.report.ElasticsearchJson;
import io.hark.report.ReportException;
import io.hark.report.ReportFile;
import io.hark.report.ReportPeriod;
import io.hark.report.ReportSchedule;
import io.hark.report.ReportSpec;
import io.hark.schema.DeadLetter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a period's brand report to {@code DIR/report-<from>-<to>.html} as {@code scripts/hark
 * report} would (same reading, same HTML; the queries' names from the query topic), then announces
 * it to the notifiers with {@code reports: true}. A replay ({@code --replay}) never announces.
 *
 * <p>The metrics reach Elasticsearch through their own sink, which may still hold the last windows
 * when the report is due: the report is read again, for up to {@link #SETTLE}, until Elasticsearch
 * holds the period's last window the job emitted.
 */
public class BrandReportPublisher implements ReportPublisher {
    /** The longest wait for the metrics sink to write the period's last windows. */
    static final Duration SETTLE = Duration.ofSeconds(30);

    private static final Duration SETTLE_STEP = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(BrandReportPublisher.class);

    private final ElasticsearchConnection elasticsearch;
    private final String indexPrefix;
    private final List<String> groups;
    // a Path is not serializable
    private final String directory;
    private final String urlPrefix;
    private final KafkaConnection kafka;
    private final String queryTopic;
    private final String notifiersYaml;
    private final String notifiersSource;
    private final boolean announce;
    private transient NotifierConfig notifiers;

    /**
     * @param groups the reported groups; empty: every query
     * @param urlPrefix where {@code directory} is served, for the announced links; null: the files'
     *     paths
     * @param notifiersYaml the notifiers file's content, or null to announce to nobody
     * @param announce false for a replay
     */
    public BrandReportPublisher(
            ElasticsearchConnection elasticsearch,
            String indexPrefix,
            List<String> groups,
            Path directory,
            String urlPrefix,
            KafkaConnection kafka,
            String queryTopic,
            String notifiersYaml,
            String notifiersSource,
            boolean announce) {
        this.elasticsearch = elasticsearch;
        this.indexPrefix = indexPrefix;
        this.groups = List.copyOf(groups);
        this.directory = directory.toAbsolutePath().toString();
        this.urlPrefix = urlPrefix;
        this.kafka = kafka;
        this.queryTopic = queryTopic;
        this.notifiersYaml = notifiersYaml;
        this.notifiersSource = notifiersSource;
        this.announce = announce;
    }

    @Override
    public List<DeadLetter> publish(ReportPeriod period, Instant latestWindowEnd) throws Exception {
        ReportSpec spec =
                new ReportSpec(
                        period,
                        indexPrefix,
                        groups,
                        List.of(),
                        QueryCatalog.read(kafka, queryTopic).queries());
        Path file = ReportSchedule.file(Path.of(directory), period);
        BrandReport report;
        try (ElasticsearchJson json = elasticsearch.json()) {
            report = settledReport(json, spec, latestWindowEnd);
        }
        ReportFile.write(report, spec, file);
        LOG.info(
                "Wrote the brand report of {} to {} to {}: {} queries, {} mentions",
                period.from(),
                period.to(),
                file,
                report.queries().size(),
                report.volume());
        return announce(new ReportAnnouncement(period.from(), period.to(), link(file)));
    }

    /** The report once Elasticsearch holds the window that ends at {@code latestWindowEnd}. */
    private BrandReport settledReport(
            ElasticsearchJson json, ReportSpec spec, Instant latestWindowEnd)
            throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            json.refresh(spec.metricsIndex());
            Instant indexed = null;
            try {
                BrandReport report = BrandReports.read(json, spec, Clock.systemUTC());
                indexed = report.freshness().latestWindowEnd();
                if (indexed != null && !indexed.isBefore(latestWindowEnd)) {
                    return report;
                }
            } catch (ReportException noWindowsYet) {
                if (System.nanoTime() > deadline) {
                    throw noWindowsYet;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Elasticsearch holds the period's windows up to "
                                + indexed
                                + ", the job emitted them up to "
                                + latestWindowEnd
                                + ": the metrics sink has not written the rest yet");
            }
            Thread.sleep(SETTLE_STEP.toMillis());
        }
    }

    String link(Path file) {
        if (urlPrefix == null) {
            return file.toString();
        }
        return (urlPrefix.endsWith("/") ? urlPrefix : urlPrefix + "/") + file.getFileName();
    }

    /**
     * Sends {@code announcement} to the notifiers with {@code reports: true}; those that fail after
     * their retries come back as dead letters. A replay announces nothing.
     */
    List<DeadLetter> announce(ReportAnnouncement announcement) {
        if (!announce || notifiersYaml == null) {
            return List.of();
        }
        if (notifiers == null) {
            notifiers = NotifierConfig.parse(notifiersYaml, notifiersSource, System.getenv());
        }
        List<DeadLetter> undelivered = new ArrayList<>();
        for (ReportAnnouncer announcer : notifiers.reportAnnouncers(groups)) {
            DeliveryResult result = announcer.announce(announcement);
            if (result.failed()) {
                LOG.warn(
                        "Brand report {} not announced to {}: {}",
                        announcement.link(),
                        announcer.describe(),
                        result.error());
                undelivered.add(
                        DeadLetter.newBuilder()
                                .setPayloadText(announcement.text())
                                .setStage("report")
                                .setReason("not_announced")
                                .setDetail(
                                        announcer.describe()
                                                + " after "
                                                + result.attempts()
                                                + " attempts: "
                                                + result.error())
                                .setFailedAt(Instant.now())
                                .build());
            } else if (result.delivered()) {
                LOG.info(
                        "Brand report {} announced to {}",
                        announcement.link(),
                        announcer.describe());
            }
        }
        return undelivered;
    }
}
