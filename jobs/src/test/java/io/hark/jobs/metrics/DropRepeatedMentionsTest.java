// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.analytics.window.CountedVerdicts;
import io.hark.jobs.TestMentions;
import io.hark.schema.EnrichedMention;
import io.hark.schema.MentionFlags;
import io.hark.schema.MentionIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DropRepeatedMentionsTest {
    private static final Instant WINDOW_START = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration LATENESS = Duration.ofMinutes(10);

    /**
     * When the window of {@link #WINDOW_START} is purged: its last millisecond plus the lateness.
     */
    private static final long PURGED =
            WINDOW_START.plus(Duration.ofMinutes(1)).plus(LATENESS).toEpochMilli() - 1;

    private static KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, MentionCopy>
            harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new DropRepeatedMentions(Duration.ofMinutes(1), LATENESS),
                mention -> MentionIds.of(mention.getMention()),
                Types.STRING);
    }

    private static EnrichedMention enriched(int n, Instant at) {
        return EnrichedMention.newBuilder()
                .setMention(TestMentions.mention(n, at))
                .setMatchedQueries(List.of("q"))
                .setMatchedGroups(List.of())
                .setEnrichedAt(at)
                .build();
    }

    private static List<String> keys(
            KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, MentionCopy> harness) {
        return harness.extractOutputValues().stream()
                .map(copy -> MentionIds.of(copy.mention.getMention()))
                .toList();
    }

    @Test
    void passesTheFirstCopyAndDropsTheRest() throws Exception {
        try (var harness = harness()) {
            Instant at = WINDOW_START.plusSeconds(30);
            harness.processElement(enriched(1, at), at.toEpochMilli());
            harness.processElement(enriched(2, at), at.toEpochMilli());
            harness.processElement(enriched(1, at), at.toEpochMilli());
            assertThat(keys(harness))
                    .containsExactly(
                            MentionIds.of(TestMentions.mention(1, at)),
                            MentionIds.of(TestMentions.mention(2, at)));
        }
    }

    @Test
    void aLaterCopyWithOtherVerdictsReplacesTheOneCounted() throws Exception {
        try (var harness = harness()) {
            Instant at = WINDOW_START.plusSeconds(30);
            EnrichedMention firstCopy = enriched(1, at);
            firstCopy.setFlags(List.of(MentionFlags.SPAM));
            harness.processElement(firstCopy, at.toEpochMilli());
            harness.processElement(enriched(1, at), at.toEpochMilli());
            harness.processElement(enriched(1, at), at.toEpochMilli());
            EnrichedMention spamAgain = enriched(1, at);
            spamAgain.setFlags(List.of(MentionFlags.SPAM));
            harness.processElement(spamAgain, at.toEpochMilli());

            List<MentionCopy> counted = harness.extractOutputValues();
            assertThat(counted).hasSize(3);
            assertThat(counted.get(0).replaces).isNull();
            assertThat(counted.get(1).replaces).isEqualTo(CountedVerdicts.of(firstCopy));
            assertThat(counted.get(1).mention.getFlags()).isEmpty();
            assertThat(counted.get(2).replaces).isEqualTo(CountedVerdicts.of(enriched(1, at)));
            assertThat(counted.get(2).mention.getFlags()).containsExactly(MentionFlags.SPAM);
        }
    }

    @Test
    void remembersAMentionUntilItsWindowIsPurgedThenForgetsIt() throws Exception {
        try (var harness = harness()) {
            Instant at = WINDOW_START.plusSeconds(59);
            harness.processElement(enriched(1, at), at.toEpochMilli());
            harness.processWatermark(PURGED - 1);
            harness.processElement(enriched(1, at), at.toEpochMilli());
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
            assertThat(keys(harness)).hasSize(1);

            harness.processWatermark(PURGED);
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }
}
