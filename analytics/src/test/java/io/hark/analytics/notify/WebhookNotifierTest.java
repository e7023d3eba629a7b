// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.schema.AlertState;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
    private final RecordingServer server;

    WebhookNotifierTest() throws IOException {
        server = new RecordingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebhookNotifier notifier(String pathAndQuery) {
        return new WebhookNotifier(
                Secret.of(server.uri(pathAndQuery).toString()),
                new HttpDelivery(DeliverySettings.defaults()));
    }

    @Test
    void postsTheAlertAsPlainJson() {
        DeliveryResult result = notifier("/hark").deliver(TestAlerts.alert(AlertState.escalated));

        assertThat(result.delivered()).isTrue();
        RecordingServer.Request request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/hark");
        assertThat(request.contentType()).isEqualTo("application/json");
        JsonNode alert = request.json();
        assertThat(alert.get("alert_id").asText()).isEqualTo(TestAlerts.ALERT_ID);
        assertThat(alert.get("state").asText()).isEqualTo("escalated");
        assertThat(alert.get("severity").asText()).isEqualTo("high");
        assertThat(alert.get("window_start").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(alert.get("top_negative_posts").get(0).get("text").asText())
                .isEqualTo("Burnt beans & <cold> milk again");
        assertThat(alert.get("kibana_url").asText()).isEqualTo(TestAlerts.KIBANA_URL);
    }

    @Test
    void describesItsTargetWithoutThePathOrQuery() {
        WebhookNotifier notifier = notifier("/hooks/s3cret-token?key=abc");
        String masked = "webhook http://127.0.0.1:" + server.uri("/").getPort() + "/***";

        assertThat(notifier.describe()).isEqualTo(masked);
        assertThat(notifier).hasToString(masked);
    }
}
