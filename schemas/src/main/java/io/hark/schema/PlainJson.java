// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as plain JSON: values as JSON types (not Avro's union wrappers), timestamps as
 * ISO-8601, enums as strings, null fields left out. Used for JSON Lines output and for
 * Elasticsearch documents.
 */
public final class PlainJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainJson() {}

    public static String toJson(IndexedRecord record) {
        try {
            return MAPPER.writeValueAsString(toTree(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write JSON of " + record.getSchema().getName(), e);
        }
    }

    public static ObjectNode toTree(IndexedRecord record) {
        ObjectNode object = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value != null) {
                object.set(field.name(), toNode(value));
            }
        }
        return object;
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof IndexedRecord record) {
            return toTree(record);
        } else if (value instanceof CharSequence
                || value instanceof Enum<?>
                || value instanceof org.apache.avro.generic.GenericEnumSymbol<?>) {
            return NODES.textNode(value.toString());
        } else if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        } else if (value instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (value instanceof Long l) {
            return NODES.numberNode(l);
        } else if (value instanceof Double d) {
            return NODES.numberNode(d);
        } else if (value instanceof Float f) {
            return NODES.numberNode(f);
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            return NODES.textNode(Base64.getEncoder().encodeToString(raw));
        } else if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(toNode(item)));
            return array;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach(
                    (k, v) -> object.set(k.toString(), v == null ? NODES.nullNode() : toNode(v)));
            return object;
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
}
