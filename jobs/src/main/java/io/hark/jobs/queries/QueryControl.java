// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.queries.QueryDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records of the query control and status topics. Both are JSON keyed by query id, so an
 * analyst's tooling (or {@code kafka-console-producer}) can write and read them:
 * <pre>
 * hark.queries         key acme  value {"id":"acme","name":"Acme","group":"coffee","query":"acme OR #acme"}
 *                      key acme  value null (a tombstone: remove the query)
 * hark.queries.status  key acme  value {"id":"acme","state":"rejected","query":"acme OR #acme",
 *                                      "error":"at position 5: ...","at":"2026-11-22T10:00:00Z"}
 * </pre>
 */
public final class QueryControl {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("id", "name", "group", "query");

  private QueryControl() {}

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
      throw new IllegalArgumentException("a JSON object with id, name, group and query was expected");
    }
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'; expected " + FIELDS);
      }
    }
    String id = node.path("id").asText(queryId);
    if (!id.equals(queryId)) {
      throw new IllegalArgumentException("the record key '" + queryId + "' and the id '" + id + "' differ");
    }
    if (!node.path("query").isTextual() || node.path("query").asText().isBlank()) {
      throw new IllegalArgumentException("field 'query' is missing or empty");
    }
    String name = node.path("name").isTextual() ? node.path("name").asText() : queryId;
    String group = node.path("group").isTextual() ? node.path("group").asText() : null;
    return new QueryDefinition(queryId, name, node.path("query").asText(), group);
  }

  public static ProducerRecord<byte[], byte[]> controlRecord(String topic, QueryDefinition query) {
    return new ProducerRecord<>(topic, key(query.id()), toJson(query).getBytes(StandardCharsets.UTF_8));
  }

  public static ProducerRecord<byte[], byte[]> removalRecord(String topic, String queryId) {
    return new ProducerRecord<>(topic, key(queryId), null);
  }

  public static QueryUpdate update(ConsumerRecord<byte[], byte[]> record) {
    String id = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    return new QueryUpdate(id, record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
  }

  public static String statusJson(QueryStatus status) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", status.queryId());
    node.put("state", status.state());
    node.put("query", status.query());
    node.put("error", status.error());
    node.put("at", java.time.Instant.ofEpochMilli(status.at()).toString());
    return node.toString();
  }

  public static QueryStatus statusFromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return new QueryStatus(node.path("id").asText(), node.path("state").asText(),
          node.path("query").isTextual() ? node.path("query").asText() : null,
          node.path("error").isTextual() ? node.path("error").asText() : null,
          java.time.Instant.parse(node.path("at").asText()).toEpochMilli());
    } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("not a query status record: " + json, e);
    }
  }

  private static byte[] key(String queryId) {
    return queryId.getBytes(StandardCharsets.UTF_8);
  }

  public static final class UpdateDeserializer implements KafkaRecordDeserializationSchema<QueryUpdate> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<QueryUpdate> out) {
      out.collect(update(record));
    }

    @Override
    public TypeInformation<QueryUpdate> getProducedType() {
      return TypeInformation.of(QueryUpdate.class);
    }
  }

  public static KafkaRecordSerializationSchema<QueryStatus> statusSerializer(String topic) {
    return (status, context, timestamp) -> new ProducerRecord<>(topic, key(status.queryId()),
        statusJson(status).getBytes(StandardCharsets.UTF_8));
  }
}
