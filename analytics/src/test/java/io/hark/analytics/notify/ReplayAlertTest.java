// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.schema.AlertState;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayAlertTest {
    @Test
    void noNotifierSendsAReplayedAlert() throws IOException {
        try (RecordingServer server = new RecordingServer()) {
            HttpDelivery http = new HttpDelivery(DeliverySettings.defaults());
            Secret url = Secret.of(server.uri("/hook").toString());
            List<Notifier> notifiers =
                    List.of(
                            new WebhookNotifier(url, http),
                            new SlackNotifier(url, http),
                            new PagerDutyNotifier(
                                    Secret.of("key"), server.uri("/v2/enqueue"), http));

            for (Notifier notifier : notifiers) {
                for (AlertState state : AlertState.values()) {
                    DeliveryResult result =
                            notifier.deliver(TestAlerts.builder(state).setReplay(true).build());

                    assertThat(result)
                            .isEqualTo(
                                    new DeliveryResult(
                                            false, 0, 0, "replay alert: never notified"));
                    assertThat(result.failed()).as("nothing to dead-letter").isFalse();
                }
            }
            assertThat(server.requests()).isEmpty();
        }
    }
}
