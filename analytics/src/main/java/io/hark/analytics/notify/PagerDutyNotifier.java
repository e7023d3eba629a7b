// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.PlainJson;
import java.net.URI;
import java.util.List;

/**
 * Raises and resolves PagerDuty incidents through the Events API v2. The alert id is the dedup key,
 * so every step of an episode lands on the same incident and its resolution closes it.
 */
public final class PagerDutyNotifier extends JsonNotifier {
    public static final URI EVENTS_API = URI.create("https://events.pagerduty.com/v2/enqueue");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_SUMMARY = 1024;
    private static final List<String> DETAILS =
            List.of(
                    "state",
                    "window_start",
                    "window_end",
                    "actual",
                    "expected",
                    "anomaly_score",
                    "volume",
                    "negative",
                    "top_negative_posts",
                    "over_represented_terms",
                    "over_represented_hashtags",
                    "top_authors");

    private final Secret routingKey;
    private final URI endpoint;

    public PagerDutyNotifier(Secret routingKey, HttpDelivery http) {
        this(routingKey, EVENTS_API, http);
    }

    /** {@code endpoint}: another region's Events API, or a test server. */
    public PagerDutyNotifier(Secret routingKey, URI endpoint, HttpDelivery http) {
        super(http, endpoint, routingKey);
        this.routingKey = routingKey;
        this.endpoint = endpoint;
    }

    @Override
    ObjectNode payload(Alert alert) {
        ObjectNode event = NODES.objectNode();
        event.put("routing_key", routingKey.reveal());
        boolean resolved = alert.getState() == AlertState.resolved;
        event.put("event_action", resolved ? "resolve" : "trigger");
        event.put("dedup_key", alert.getAlertId());
        if (resolved) {
            return event; // PagerDuty needs nothing more to resolve
        }
        ObjectNode plain = PlainJson.toTree(alert);
        ObjectNode payload = event.putObject("payload");
        payload.put(
                "summary",
                AlertText.truncate(UntrustedText.plain(alert.getSummary()), MAX_SUMMARY));
        payload.put("source", "hark");
        payload.put("severity", severity(alert));
        payload.set("timestamp", plain.get("emitted_at"));
        payload.put("component", UntrustedText.plain(alert.getQueryId()));
        if (alert.getGroup() != null) {
            payload.put("group", UntrustedText.plain(alert.getGroup()));
        }
        payload.put("class", alert.getSignal());
        ObjectNode details = payload.putObject("custom_details");
        DETAILS.forEach(name -> details.set(name, inert(plain.get(name))));
        details.putObject("band").put("lower", alert.getLower()).put("upper", alert.getUpper());
        if (alert.getKibanaUrl() != null) {
            event.putArray("links")
                    .addObject()
                    .put("href", alert.getKibanaUrl())
                    .put("text", "Open in Kibana");
        }
        event.put("client", "Hark");
        return event;
    }

    /**
     * {@code detail} with every text made {@link UntrustedText#plain}, and every {@code url} a
     * {@link UntrustedText#webLink} or left out: posts, authors and terms are written by strangers.
     */
    private static JsonNode inert(JsonNode detail) {
        if (detail == null) {
            return null;
        }
        if (detail.isTextual()) {
            return TextNode.valueOf(UntrustedText.plain(detail.asText()));
        }
        if (detail.isArray()) {
            ArrayNode items = NODES.arrayNode();
            detail.forEach(item -> items.add(inert(item)));
            return items;
        }
        if (detail.isObject()) {
            ObjectNode fields = NODES.objectNode();
            detail.properties()
                    .forEach(
                            field -> {
                                if (!field.getKey().equals("url")) {
                                    fields.set(field.getKey(), inert(field.getValue()));
                                } else {
                                    UntrustedText.webLink(field.getValue().asText())
                                            .ifPresent(url -> fields.put("url", url));
                                }
                            });
            return fields;
        }
        return detail;
    }

    private static String severity(Alert alert) {
        return switch (alert.getSeverity()) {
            case low -> "info";
            case medium -> "warning";
            case high -> "error";
            case critical -> "critical";
        };
    }

    @Override
    public String describe() {
        return "pagerduty " + endpoint + " (routing key " + routingKey + ")";
    }
}
