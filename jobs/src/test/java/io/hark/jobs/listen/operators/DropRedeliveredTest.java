// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.TestMentions;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DropRedeliveredTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static KeyedOneInputStreamOperatorTestHarness<String, Mention, Mention> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new DropRedelivered(Duration.ofHours(1)), MentionIds::of, Types.STRING);
    }

    @Test
    void passesTheFirstDeliveryAndDropsTheRest() throws Exception {
        try (var harness = harness()) {
            Mention first = TestMentions.mention(1, T0);
            Mention again = TestMentions.mention(1, T0);
            again.setText("edited text, same post");
            harness.processElement(first, 1);
            harness.processElement(TestMentions.mention(2, T0), 2);
            harness.processElement(again, 3);
            assertThat(harness.extractOutputValues())
                    .extracting(MentionIds::of)
                    .containsExactly(
                            MentionIds.of(first), MentionIds.of(TestMentions.mention(2, T0)));
        }
    }

    @Test
    void theSameIdOnAnotherPlatformIsAnotherMention() throws Exception {
        try (var harness = harness()) {
            Mention onX = TestMentions.mention(1, T0);
            onX.setPlatform(io.hark.schema.Platform.x);
            Mention onReddit = TestMentions.mention(1, T0);
            onReddit.setPlatform(io.hark.schema.Platform.reddit);
            harness.processElement(onX, 1);
            harness.processElement(onReddit, 2);
            assertThat(harness.extractOutputValues()).hasSize(2);
        }
    }

    @Test
    void forgetsAfterTheRememberedTimeSoStateStaysBounded() throws Exception {
        try (var harness = harness()) {
            harness.setStateTtlProcessingTime(0);
            harness.processElement(TestMentions.mention(1, T0), 1);
            harness.setStateTtlProcessingTime(Duration.ofMinutes(59).toMillis());
            harness.processElement(TestMentions.mention(1, T0), 2);
            harness.setStateTtlProcessingTime(Duration.ofMinutes(121).toMillis());
            harness.processElement(TestMentions.mention(1, T0), 3);
            assertThat(harness.extractOutputValues()).hasSize(2);
        }
    }
}
