// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.schema.Alert;
import java.net.URI;

/** A notifier that POSTs one JSON document per alert; subclasses say what the document is. */
abstract class JsonNotifier implements Notifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpDelivery http;
    private final URI endpoint;
    private final Secret secret;

    JsonNotifier(HttpDelivery http, URI endpoint, Secret secret) {
        this.http = http;
        this.endpoint = endpoint;
        this.secret = secret;
    }

    abstract ObjectNode payload(Alert alert);

    @Override
    public final DeliveryResult deliver(Alert alert) {
        if (alert.getReplay()) {
            return DeliveryResult.replaySkipped();
        }
        return post(payload(alert));
    }

    /** POSTs {@code payload} to the notifier's endpoint. */
    final DeliveryResult post(ObjectNode payload) {
        return http.postJson(endpoint, json(payload), secret);
    }

    @Override
    public final String toString() {
        return describe();
    }

    private static String json(ObjectNode payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
