// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.queries.QueryDefinition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The JSON of the query control topic's records (a query's definition, keyed by its id) and of the
 * status topic's (what the listen job made of an update).
 */
public final class QueryControlJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "name", "group", "query");

    private QueryControlJson() {}

    public static String toJson(QueryDefinition query) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", query.id());
        node.put("name", query.name());
        if (query.group() != null) {
            node.put("group", query.group());
        }
        node.put("query", query.query());
        return node.toString();
    }

    /**
     * Reads a control record's definition; the query text itself is checked by the matcher.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static QueryDefinition fromJson(String queryId, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(
                    "a JSON object with id, name, group and query was expected");
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown field '" + name + "'; expected " + FIELDS);
            }
        }
        String id = node.path("id").asText(queryId);
        if (!id.equals(queryId)) {
            throw new IllegalArgumentException(
                    "the record key '" + queryId + "' and the id '" + id + "' differ");
        }
        if (!node.path("query").isTextual() || node.path("query").asText().isBlank()) {
            throw new IllegalArgumentException("field 'query' is missing or empty");
        }
        String name = node.path("name").isTextual() ? node.path("name").asText() : queryId;
        String group = node.path("group").isTextual() ? node.path("group").asText() : null;
        return new QueryDefinition(queryId, name, node.path("query").asText(), group);
    }

    public static String statusJson(QueryStatus status) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", status.queryId());
        node.put("state", status.state());
        node.put("query", status.query());
        node.put("error", status.error());
        node.put("at", Instant.ofEpochMilli(status.at()).toString());
        return node.toString();
    }

    public static QueryStatus statusFromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new QueryStatus(
                    node.path("id").asText(),
                    node.path("state").asText(),
                    node.path("query").isTextual() ? node.path("query").asText() : null,
                    node.path("error").isTextual() ? node.path("error").asText() : null,
                    Instant.parse(node.path("at").asText()).toEpochMilli());
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a query status record: " + json, e);
        }
    }
}
