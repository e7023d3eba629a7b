// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.queries;

import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryControlJson;
import io.hark.queries.control.QueryStatus;
import io.hark.queries.control.QueryUpdate;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records of the query control and status topics. Both are JSON keyed by query id, so an
 * analyst's tooling (or {@code kafka-console-producer}) can write and read them:
 *
 * <pre>
 * hark.queries         key acme  value {"id":"acme","name":"Acme","group":"coffee","query":"acme OR #acme"}
 *                      key acme  value null (a tombstone: remove the query)
 * hark.queries.status  key acme  value {"id":"acme","state":"rejected","query":"acme OR #acme",
 *                                      "error":"at position 5: ...","at":"2026-11-22T10:00:00Z"}
 * </pre>
 */
public final class QueryControl {

    private QueryControl() {}

    public static ProducerRecord<byte[], byte[]> controlRecord(
            String topic, QueryDefinition query) {
        return new ProducerRecord<>(
                topic,
                key(query.id()),
                QueryControlJson.toJson(query).getBytes(StandardCharsets.UTF_8));
    }

    public static ProducerRecord<byte[], byte[]> removalRecord(String topic, String queryId) {
        return new ProducerRecord<>(topic, key(queryId), null);
    }

    public static QueryUpdate update(ConsumerRecord<byte[], byte[]> record) {
        String id = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        return new QueryUpdate(
                id,
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static byte[] key(String queryId) {
        return queryId.getBytes(StandardCharsets.UTF_8);
    }

    public static final class UpdateDeserializer
            implements KafkaRecordDeserializationSchema<QueryUpdate> {
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
        return (status, context, timestamp) ->
                new ProducerRecord<>(
                        topic,
                        key(status.queryId()),
                        QueryControlJson.statusJson(status).getBytes(StandardCharsets.UTF_8));
    }
}
