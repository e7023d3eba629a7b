// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentLabel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SentimentLabelsTest {
    private static List<SentimentCorrection> decoded(String key, String value) {
        List<SentimentCorrection> out = new ArrayList<>();
        SentimentLabels.decode(
                new ConsumerRecord<>(
                        "labels",
                        0,
                        7,
                        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                        value == null ? null : value.getBytes(StandardCharsets.UTF_8)),
                out::add);
        return out;
    }

    @Test
    void aLabelIsARecordAndATombstoneRemovesOne() {
        assertThat(decoded("x:1", "negative"))
                .containsExactly(new SentimentCorrection("x:1", SentimentLabel.negative));
        assertThat(decoded("x:1", null)).containsExactly(SentimentCorrection.removal("x:1"));
    }

    @Test
    void recordsThatAreNeitherAreSkipped() {
        assertThat(decoded(null, "negative")).isEmpty();
        assertThat(decoded("x:1", "furious")).isEmpty();
        assertThat(decoded("nope", null)).isEmpty();
    }
}
