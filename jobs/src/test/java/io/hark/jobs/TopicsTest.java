// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TopicsTest {
    private final List<Either<DeadLetter, Mention>> out = new ArrayList<>();
    private final Collector<Either<DeadLetter, Mention>> collector =
            new Collector<>() {
                @Override
                public void collect(Either<DeadLetter, Mention> record) {
                    out.add(record);
                }

                @Override
                public void close() {}
            };

    @Test
    void mentionRecordsAreKeyedByPlatformAndIdAndLeaveTheTimestampToKafka() {
        Mention mention = TestMentions.mention(3, Instant.parse("2026-11-01T00:00:00Z"));
        ProducerRecord<byte[], byte[]> record = Topics.mentionRecord("t", mention);
        assertThat(new String(record.key(), StandardCharsets.UTF_8))
                .isEqualTo(mention.getPlatform() + ":" + mention.getId());
        assertThat(record.timestamp()).isNull();
    }

    @Test
    void decodesMentionsAndTurnsOtherBytesIntoDeadLettersWithTheirOrigin() throws Exception {
        Mention mention = TestMentions.mention(4, Instant.parse("2026-11-01T00:00:00Z"));
        var deserializer = new Topics.IncomingMentionDeserializer();
        deserializer.deserialize(
                new ConsumerRecord<>("in", 1, 41, null, AvroCodec.MENTION.encode(mention)),
                collector);
        deserializer.deserialize(
                new ConsumerRecord<>("in", 1, 42, null, "garbage".getBytes(StandardCharsets.UTF_8)),
                collector);
        deserializer.deserialize(new ConsumerRecord<>("in", 0, 43, null, null), collector);

        assertThat(out.get(0).right()).isEqualTo(mention);
        DeadLetter garbage = out.get(1).left();
        assertThat(garbage.getReason()).isEqualTo("undecodable");
        assertThat(garbage.getStage()).isEqualTo("decode");
        assertThat(garbage.getSourceTopic()).isEqualTo("in");
        assertThat(garbage.getSourcePartition()).isEqualTo(1);
        assertThat(garbage.getSourceOffset()).isEqualTo(42L);
        assertThat(StandardCharsets.UTF_8.decode(garbage.getPayload()).toString())
                .isEqualTo("garbage");
        assertThat(out.get(2).left().getDetail()).contains("empty");
    }
}
