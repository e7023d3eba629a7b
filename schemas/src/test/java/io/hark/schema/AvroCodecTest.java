// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
    private static Mention mention() throws Exception {
        return MentionJson.parse(
                """
        {"id":"7","platform":"reddit","created_at":"2026-11-01T00:00:00Z","text":"hello",
         "author":{"id":"a","username":"u"}}""",
                Instant.EPOCH,
                "test");
    }

    @Test
    void roundTrips() throws Exception {
        Mention mention = mention();
        assertThat(AvroCodec.MENTION.decode(AvroCodec.MENTION.encode(mention))).isEqualTo(mention);
    }

    @Test
    void tellsForeignBytesFromHarkRecords() {
        assertThatThrownBy(
                        () ->
                                AvroCodec.MENTION.decode(
                                        "{\"id\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AvroCodec.UndecodableException.class)
                .hasMessageContaining("single-object");
        assertThatThrownBy(() -> AvroCodec.MENTION.decode(new byte[0]))
                .isInstanceOf(AvroCodec.UndecodableException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsTruncatedRecords() throws Exception {
        byte[] whole = AvroCodec.MENTION.encode(mention());
        assertThatThrownBy(() -> AvroCodec.MENTION.decode(Arrays.copyOf(whole, whole.length - 8)))
                .isInstanceOf(AvroCodec.UndecodableException.class);
    }

    @Test
    void rejectsRecordsOfAnotherSchema() throws Exception {
        DeadLetter other =
                DeadLetter.newBuilder()
                        .setStage("s")
                        .setReason("r")
                        .setDetail("d")
                        .setFailedAt(Instant.EPOCH)
                        .build();
        assertThatThrownBy(() -> AvroCodec.MENTION.decode(AvroCodec.DEAD_LETTER.encode(other)))
                .isInstanceOf(AvroCodec.UndecodableException.class)
                .hasMessageContaining("unknown schema");
    }
}
