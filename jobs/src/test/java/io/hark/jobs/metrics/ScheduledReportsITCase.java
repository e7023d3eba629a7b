// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.report.ElasticsearchJson;
import io.hark.report.ReportFile;
import io.hark.report.ReportPeriod;
import io.hark.report.ReportSchedule;
import io.hark.report.ReportSpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics job with {@code --report-every 24h} on a MiniCluster, over a UTC day and two hours of
 * enriched mentions from the real embedded Kafka, its metrics in the real embedded Elasticsearch:
 * the day's report appears, the same as {@code scripts/hark report} makes of that day, and is
 * announced once to the webhook with {@code reports: true}; the unfinished second day gets none.
 */
class ScheduledReportsITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    private static final Instant DAY =
            Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);

    @Test
    void aCompleteUtcDayGetsOneReportAnnouncedOnce(@TempDir Path dir) throws Exception {
        String run = "reports-it-" + System.nanoTime();
        KafkaConnection kafka = MetricsTestRun.createTopics(run);
        new BrandStream(DAY).sendUntil(kafka, run + ".enriched", Duration.ofHours(26));

        List<String> announcements = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/hook",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    if (body.contains("brand_report")) {
                        announcements.add(body);
                    }
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        server.start();
        Path notifiers =
                Files.writeString(
                        dir.resolve("notifiers.yaml"),
                        """
        groups:
          "*":
            - type: webhook
              url: http://127.0.0.1:%d/hook
              reports: true
        """
                                .formatted(server.getAddress().getPort()));
        Path reports = dir.resolve("reports");
        MetricsOptions options =
                MetricsOptions.parse(
                        MetricsTestRun.arguments(
                                run,
                                run,
                                "--bounded",
                                "--notifiers",
                                notifiers.toString(),
                                "--report-every",
                                "24h",
                                "--report-dir",
                                reports.toString(),
                                "--report-url-prefix",
                                "https://reports.example/hark/"),
                        Map.of());
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            HarkMiniCluster.limitRestarts(env);
            MetricsJob.start(env, options).getJobExecutionResult().get();
        } finally {
            server.stop(0);
        }

        ReportPeriod day = new ReportSchedule(Duration.ofDays(1)).period(DAY.toEpochMilli());
        Path file = ReportSchedule.file(reports, day);
        try (var written = Files.list(reports)) {
            assertThat(written).containsExactly(file);
        }
        Path byCommand = dir.resolve("by-command.html");
        try (ElasticsearchJson elasticsearch = options.elasticsearch().json()) {
            ReportFile.write(
                    elasticsearch,
                    new ReportSpec(day, run, List.of(), List.of(), BrandStream.queries()),
                    byCommand,
                    Clock.systemUTC());
        }
        String html = Files.readString(file);
        assertThat(html).contains("acme", "globex", "initech");
        assertThat(withoutGenerationTime(html))
                .isEqualTo(withoutGenerationTime(Files.readString(byCommand)));

        assertThat(announcements).hasSize(1);
        JsonNode announcement = new ObjectMapper().readTree(announcements.get(0));
        assertThat(announcement.get("period_start").asText()).isEqualTo(DAY.toString());
        assertThat(announcement.get("link").asText())
                .isEqualTo("https://reports.example/hark/" + file.getFileName());
    }

    private static String withoutGenerationTime(String html) {
        return html.replaceFirst("; generated [^<]*? by Hark", "; generated by Hark");
    }
}
