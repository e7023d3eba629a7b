// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.schema.Alert;
import io.hark.schema.PlainJson;

/** POSTs the whole alert as plain JSON, for in-house receivers. */
public final class WebhookNotifier extends JsonNotifier {
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
    public String describe() {
        return description;
    }
}
