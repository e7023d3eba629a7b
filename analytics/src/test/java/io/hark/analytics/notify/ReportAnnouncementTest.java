// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReportAnnouncementTest {
    private static final ReportAnnouncement DAY =
            new ReportAnnouncement(
                    Instant.parse("2026-12-05T00:00:00Z"),
                    Instant.parse("2026-12-06T00:00:00Z"),
                    "https://reports.example/hark/report-2026-12-05T00Z-2026-12-06T00Z.html?a=1&b=2");

    private final RecordingServer server;

    ReportAnnouncementTest() throws IOException {
        server = new RecordingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpDelivery http() {
        return new HttpDelivery(DeliverySettings.defaults());
    }

    private JsonNode lastRequest() {
        List<RecordingServer.Request> requests = server.requests();
        return requests.get(requests.size() - 1).json();
    }

    @Test
    void theTextNamesThePeriodInUtcAndTheLink() {
        assertThat(DAY.text())
                .isEqualTo(
                        "Brand report for 2026-12-05 00:00 to 2026-12-06 00:00 UTC: "
                                + "https://reports.example/hark/report-2026-12-05T00Z-2026-12-06T00Z.html?a=1&b=2");
    }

    @Test
    void aWebhookGetsTheAnnouncementAsJson() {
        WebhookNotifier webhook =
                new WebhookNotifier(Secret.of(server.uri("/reports").toString()), http());

        assertThat(webhook.announce(DAY).delivered()).isTrue();

        JsonNode sent = lastRequest();
        assertThat(sent.get("type").asText()).isEqualTo("brand_report");
        assertThat(sent.get("period_start").asText()).isEqualTo("2026-12-05T00:00:00Z");
        assertThat(sent.get("period_end").asText()).isEqualTo("2026-12-06T00:00:00Z");
        assertThat(sent.get("link").asText()).isEqualTo(DAY.link());
        assertThat(sent.get("text").asText()).isEqualTo(DAY.text());
    }

    @Test
    void slackGetsALinkReadingThePeriod() {
        SlackNotifier slack =
                new SlackNotifier(Secret.of(server.uri("/services/T/B/x").toString()), http());

        assertThat(slack.announce(DAY).delivered()).isTrue();

        assertThat(lastRequest().get("text").asText())
                .isEqualTo(
                        "<https://reports.example/hark/report-2026-12-05T00Z-2026-12-06T00Z.html?a=1&amp;b=2"
                                + "|Brand report for 2026-12-05 00:00 to 2026-12-06 00:00 UTC>");
    }

    @Test
    void slackShowsAFilePathAsEscapedText() {
        SlackNotifier slack =
                new SlackNotifier(Secret.of(server.uri("/services/T/B/x").toString()), http());
        ReportAnnouncement onDisk =
                new ReportAnnouncement(DAY.from(), DAY.to(), "/srv/reports/<r>&.html");

        assertThat(slack.announce(onDisk).delivered()).isTrue();

        assertThat(lastRequest().get("text").asText())
                .isEqualTo(
                        "Brand report for 2026-12-05 00:00 to 2026-12-06 00:00 UTC: /srv/reports/&lt;r&gt;&amp;.html");
    }

    @Test
    void onlyEntriesWithReportsTrueAnnounceAndOnlyForTheirGroups() {
        String yaml =
                """
                groups:
                  airlines:
                    - type: webhook
                      url: %s
                      reports: true
                    - type: webhook
                      url: %s
                  coffee:
                    - type: webhook
                      url: %s
                      reports: true
                  "*":
                    - type: webhook
                      url: %s
                      reports: true
                """
                        .formatted(
                                server.uri("/airlines"),
                                server.uri("/airlines-alerts-only"),
                                server.uri("/coffee"),
                                server.uri("/everyone"));

        NotifierConfig config = NotifierConfig.parse(yaml, "notifiers.yaml", Map.of());

        assertThat(config.reportAnnouncers(List.of())).hasSize(3);
        assertThat(config.reportAnnouncers(List.of("airlines")))
                .extracting(ReportAnnouncer::describe)
                .hasSize(2)
                .allMatch(described -> described.startsWith("webhook "));
        assertThat(config.forGroup("airlines")).hasSize(3);
    }

    @Test
    void pagerDutyCannotAnnounceReports() {
        String yaml =
                """
                groups:
                  airlines:
                    - type: pagerduty
                      routing_key_env: PD_KEY
                      reports: true
                """;

        assertThatThrownBy(
                        () -> NotifierConfig.parse(yaml, "notifiers.yaml", Map.of("PD_KEY", "key")))
                .isInstanceOf(NotifierConfigException.class)
                .hasMessage(
                        "notifiers.yaml: group 'airlines', notifier #1: pagerduty does not announce"
                                + " reports (it raises incidents): 'reports: true' is for webhook"
                                + " and slack entries");
    }

    @Test
    void reportsMustBeABoolean() {
        String yaml =
                """
                groups:
                  airlines:
                    - type: webhook
                      url: http://alerts.internal/hark
                      reports: "yes"
                """;

        assertThatThrownBy(() -> NotifierConfig.parse(yaml, "notifiers.yaml", Map.of()))
                .isInstanceOf(NotifierConfigException.class)
                .hasMessageContaining("'reports' must be true or false");
    }
}
