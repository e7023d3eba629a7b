// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.schema.Alert;

/** Posts alerts to a Slack channel through an incoming webhook, as a {@link SlackMessage}. */
public final class SlackNotifier extends JsonNotifier {
    private final String description;

    public SlackNotifier(Secret webhookUrl, HttpDelivery http) {
        super(http, webhookUrl.revealUrl(), webhookUrl);
        this.description = "slack " + webhookUrl.maskedUrl();
    }

    @Override
    ObjectNode payload(Alert alert) {
        return SlackMessage.of(alert);
    }

    @Override
    public String describe() {
        return description;
    }
}
