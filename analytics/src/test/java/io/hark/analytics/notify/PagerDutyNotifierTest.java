// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static io.hark.analytics.notify.RecordingServer.Reply.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.Severity;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PagerDutyNotifierTest {
    private static final String ROUTING_KEY = "R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY01";

    private final RecordingServer server;
    private final PagerDutyNotifier notifier;

    PagerDutyNotifierTest() throws IOException {
        server = new RecordingServer();
        DeliverySettings once =
                new DeliverySettings(Duration.ofSeconds(2), 1, Duration.ZERO, Duration.ZERO);
        notifier =
                new PagerDutyNotifier(
                        Secret.of(ROUTING_KEY), server.uri("/v2/enqueue"), new HttpDelivery(once));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode sent(Alert alert) {
        assertThat(notifier.deliver(alert).delivered()).isTrue();
        return server.requests().get(server.requests().size() - 1).json();
    }

    @Test
    void triggersThenResolvesTheSameIncident() {
        JsonNode trigger = sent(TestAlerts.alert(AlertState.opened));
        JsonNode resolve = sent(TestAlerts.alert(AlertState.resolved));

        assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
        assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
        assertThat(trigger.get("dedup_key").asText()).isEqualTo(TestAlerts.ALERT_ID);
        assertThat(resolve.get("dedup_key").asText()).isEqualTo(TestAlerts.ALERT_ID);
        assertThat(trigger.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(resolve.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(resolve.has("payload")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = AlertState.class,
            names = {"opened", "updated", "escalated"})
    void everyActiveStepTriggers(AlertState state) {
        assertThat(sent(TestAlerts.alert(state)).get("event_action").asText()).isEqualTo("trigger");
    }

    @Test
    void triggerCarriesTheAlert() {
        JsonNode event = sent(TestAlerts.alert(AlertState.opened));
        JsonNode payload = event.get("payload");

        assertThat(payload.get("summary").asText())
                .startsWith("412 negative mentions of Acme Coffee");
        assertThat(payload.get("source").asText()).isEqualTo("hark");
        assertThat(payload.get("severity").asText()).isEqualTo("error");
        assertThat(payload.get("timestamp").asText()).isEqualTo("2026-03-01T10:05:02Z");
        assertThat(payload.get("component").asText()).isEqualTo("acme");
        assertThat(payload.get("group").asText()).isEqualTo("coffee");
        assertThat(payload.get("class").asText()).isEqualTo("negative_volume");
        JsonNode details = payload.get("custom_details");
        assertThat(details.get("actual").asDouble()).isEqualTo(412);
        assertThat(details.get("expected").asDouble()).isEqualTo(80);
        assertThat(details.get("band").get("lower").asDouble()).isEqualTo(40);
        assertThat(details.get("band").get("upper").asDouble()).isEqualTo(120);
        assertThat(details.get("top_negative_posts").get(0).get("text").asText())
                .isEqualTo("Burnt beans & <\u2060cold> milk again");
        assertThat(details.get("over_represented_terms").get(0).get("term").asText())
                .isEqualTo("burnt");
        assertThat(details.get("over_represented_hashtags").get(0).get("term").asText())
                .isEqualTo("#acmefail");
        assertThat(details.get("top_authors").get(0).get("username").asText())
                .isEqualTo("beanhater");
        assertThat(event.get("links").get(0).get("href").asText()).isEqualTo(TestAlerts.KIBANA_URL);
        assertThat(event.get("links").get(0).get("text").asText()).isEqualTo("Open in Kibana");
        assertThat(event.get("client").asText()).isEqualTo("Hark");
    }

    @ParameterizedTest
    @CsvSource({"low, info", "medium, warning", "high, error", "critical, critical"})
    void mapsSeverity(Severity severity, String pagerDutySeverity) {
        JsonNode event = sent(TestAlerts.builder(AlertState.opened).setSeverity(severity).build());

        assertThat(event.get("payload").get("severity").asText()).isEqualTo(pagerDutySeverity);
    }

    @Test
    void cutsTheSummaryToPagerDutysLimit() {
        JsonNode event =
                sent(TestAlerts.builder(AlertState.opened).setSummary("s".repeat(3000)).build());

        assertThat(event.get("payload").get("summary").asText()).hasSize(1024).endsWith("…");
    }

    @Test
    void leavesOutAMissingGroupAndLink() {
        JsonNode event =
                sent(
                        TestAlerts.builder(AlertState.opened)
                                .setGroup(null)
                                .setKibanaUrl(null)
                                .build());

        assertThat(event.get("payload").has("group")).isFalse();
        assertThat(event.has("links")).isFalse();
    }

    @Test
    void keepsTheRoutingKeyOutOfDescriptionsAndErrors() {
        server.replies(
                status(400).body("{\"message\":\"Invalid routing key " + ROUTING_KEY + "\"}"));

        DeliveryResult result = notifier.deliver(TestAlerts.alert(AlertState.opened));

        assertThat(result.error()).startsWith("HTTP 400: ").doesNotContain(ROUTING_KEY);
        assertThat(notifier.describe())
                .isEqualTo("pagerduty " + server.uri("/v2/enqueue") + " (routing key ***)");
        assertThat(notifier.toString()).doesNotContain(ROUTING_KEY);
    }

    @Test
    void sendsToTheEventsApiByDefault() {
        assertThat(
                        new PagerDutyNotifier(
                                        Secret.of(ROUTING_KEY),
                                        new HttpDelivery(DeliverySettings.defaults()))
                                .describe())
                .isEqualTo("pagerduty https://events.pagerduty.com/v2/enqueue (routing key ***)");
    }
}
