// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.schema.Alert;
import io.hark.schema.PlainJson;

/**
 * POSTs the whole alert as plain JSON, for in-house receivers; a report announcement is {@code
 * {"type": "brand_report", "period_start", "period_end", "link", "text"}}.
 */
public final class WebhookNotifier extends JsonNotifier implements ReportAnnouncer {
    private final String description;

    /** {@code url} may carry a token, so it is treated as a secret whether or not it is one. */
    public WebhookNotifier(Secret url, HttpDelivery http) {
        super(http, url.revealUrl(), url);
        this.description = "webhook " + url.maskedUrl();
    }

    @Override
    ObjectNode payload(Alert alert) {
        return PlainJson.toTree(alert);
    }

    @Override
    public DeliveryResult announce(ReportAnnouncement announcement) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("type", "brand_report");
        payload.put("period_start", announcement.from().toString());
        payload.put("period_end", announcement.to().toString());
        payload.put("link", announcement.link());
        payload.put("text", announcement.text());
        return post(payload);
    }

    @Override
    public String describe() {
        return description;
    }
}
