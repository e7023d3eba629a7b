// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.schema.Alert;

/**
 * Posts alerts to a Slack channel through an incoming webhook, as a {@link SlackMessage}, and
 * report announcements as one line of text.
 */
public final class SlackNotifier extends JsonNotifier implements ReportAnnouncer {
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
    public DeliveryResult announce(ReportAnnouncement announcement) {
        String label = "Brand report for " + announcement.period();
        String text =
                UntrustedText.slackLink(announcement.link(), label)
                        .orElseGet(
                                () ->
                                        UntrustedText.slackMrkdwn(label)
                                                + ": "
                                                + UntrustedText.slackMrkdwn(announcement.link()));
        return post(JsonNodeFactory.instance.objectNode().put("text", text));
    }

    @Override
    public String describe() {
        return description;
    }
}
