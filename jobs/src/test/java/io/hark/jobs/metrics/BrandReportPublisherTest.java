// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hark.analytics.notify.ReportAnnouncement;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.report.ReportSchedule;
import io.hark.schema.DeadLetter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrandReportPublisherTest {
    private static final Instant DAY = Instant.parse("2026-12-05T00:00:00Z");
    private static final Path FILE =
            ReportSchedule.file(
                    Path.of("/srv/reports"),
                    new ReportSchedule(Duration.ofDays(1)).period(DAY.toEpochMilli()));
    private static final ReportAnnouncement ANNOUNCEMENT =
            new ReportAnnouncement(DAY, DAY.plus(Duration.ofDays(1)), FILE.toString());

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    BrandReportPublisherTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    String path = exchange.getRequestURI().getPath();
                    requested.add(path);
                    exchange.sendResponseHeaders(path.equals("/refuse") ? 400 : 204, -1);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private BrandReportPublisher publisher(String urlPrefix, boolean announce) {
        String notifiers =
                """
                groups:
                  coffee:
                    - type: webhook
                      url: %s
                      reports: true
                    - type: webhook
                      url: %s
                  "*":
                    - type: webhook
                      url: %s
                      reports: true
                """
                        .formatted(url("/ok"), url("/alerts-only"), url("/refuse"));
        return new BrandReportPublisher(
                ElasticsearchConnection.of("http://127.0.0.1:9"),
                "hark",
                List.of(),
                Path.of("/srv/reports"),
                urlPrefix,
                KafkaConnection.of("127.0.0.1:9"),
                "hark.queries",
                notifiers,
                "notifiers.yaml",
                announce);
    }

    @Test
    void theLinkIsTheUrlPrefixAndFileNameOrElseThePath() {
        assertThat(publisher("https://reports.example/hark", true).link(FILE))
                .isEqualTo(
                        "https://reports.example/hark/report-2026-12-05T00Z-2026-12-06T00Z.html");
        assertThat(publisher("https://reports.example/hark/", true).link(FILE))
                .isEqualTo(
                        "https://reports.example/hark/report-2026-12-05T00Z-2026-12-06T00Z.html");
        assertThat(publisher(null, true).link(FILE)).isEqualTo(FILE.toString());
    }

    @Test
    void announcesToTheEntriesWithReportsTrueAndDeadLettersTheRefusals() {
        List<DeadLetter> undelivered = publisher(null, true).announce(ANNOUNCEMENT);

        assertThat(requested).containsExactlyInAnyOrder("/ok", "/refuse");
        assertThat(undelivered).hasSize(1);
        DeadLetter refused = undelivered.get(0);
        assertThat(refused.getStage()).isEqualTo("report");
        assertThat(refused.getReason()).isEqualTo("not_announced");
        assertThat(refused.getPayloadText()).isEqualTo(ANNOUNCEMENT.text());
        assertThat(refused.getDetail()).startsWith("webhook http://127.0.0.1:").contains("400");
    }

    @Test
    void aReplayAnnouncesNothing() {
        assertThat(publisher(null, false).announce(ANNOUNCEMENT)).isEmpty();
        assertThat(requested).isEmpty();
    }
}
