// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.analytics.window.GroupWindow;
import io.hark.analytics.window.MentionFacts;
import io.hark.analytics.window.WindowKeys;
import io.hark.jobs.TestMentions;
import io.hark.queries.QueryDefinition;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SumWindowPartsTest {
    private static OneInputStreamOperatorTestHarness<MentionFacts, Tuple2<String, byte[]>> harness(
            long idleMentions, long maxHeld) throws Exception {
        OneInputStreamOperatorTestHarness<MentionFacts, Tuple2<String, byte[]>> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new SumWindowParts(Duration.ofMinutes(1), 5, false, idleMentions, maxHeld));
        harness.open();
        return harness;
    }

    private static final WindowKeys WINDOW_KEYS =
            WindowKeys.of(
                    List.of(new QueryDefinition("skyline", "Skyline", "skyline", "airlines")));
    private static int next;

    static MentionFacts facts(String author) {
        Mention mention = TestMentions.mention(next++, Instant.EPOCH);
        mention.getAuthor().setId(author);
        mention.getAuthor().setUsername(author);
        EnrichedMention enriched =
                EnrichedMention.newBuilder()
                        .setMention(mention)
                        .setMatchedQueries(List.of("skyline"))
                        .setEnrichedAt(Instant.EPOCH)
                        .build();
        return MentionFacts.perWindowKey(enriched, WINDOW_KEYS).get(0);
    }

    /** Volume per part key, parts of the same key added up. */
    private static Map<String, Long> volumes(
            List<StreamRecord<? extends Tuple2<String, byte[]>>> parts) {
        return parts.stream()
                .collect(
                        Collectors.groupingBy(
                                part -> part.getValue().f0,
                                Collectors.summingLong(
                                        part ->
                                                GroupWindow.fromBytes(part.getValue().f1)
                                                        .whole()
                                                        .volume())));
    }

    @Test
    void emitsOnePartPerWindowKeyAndWindowAtTheEnd() throws Exception {
        try (var harness = harness(100, 100)) {
            harness.processElement(facts("ana"), 1_000);
            harness.processElement(facts("bo"), 59_000);
            harness.processElement(facts("cy"), 61_000);
            assertThat(harness.extractOutputStreamRecords()).isEmpty();

            harness.endInput();

            assertThat(harness.extractOutputStreamRecords())
                    .extracting(StreamRecord::getTimestamp)
                    .containsExactlyInAnyOrder(0L, 60_000L);
            assertThat(volumes(harness.extractOutputStreamRecords()))
                    .isEqualTo(Map.of("group:airlines@0", 2L, "group:airlines@60000", 1L));
        }
    }

    @Test
    void emitsTheOpenWindowsWhenTheyHoldTheMostAllowedAndAWindowThatGrowsAgainInAnotherPart()
            throws Exception {
        try (var harness = harness(100, 3)) {
            harness.processElement(facts("ana"), 1_000);
            harness.processElement(facts("bo"), 2_000);
            harness.processElement(facts("cy"), 61_000);
            assertThat(volumes(harness.extractOutputStreamRecords()))
                    .as("emitted when full")
                    .isEqualTo(Map.of("group:airlines@0", 2L, "group:airlines@60000", 1L));

            harness.processElement(facts("di"), 3_000);
            harness.endInput();

            assertThat(harness.extractOutputStreamRecords()).hasSize(3);
            assertThat(volumes(harness.extractOutputStreamRecords()))
                    .isEqualTo(Map.of("group:airlines@0", 3L, "group:airlines@60000", 1L));
        }
    }

    @Test
    void emitsAWindowOnceTheGivenNumberOfMentionsWentByWithoutOneForIt() throws Exception {
        try (var harness = harness(2, 100)) {
            harness.processElement(facts("ana"), 1_000);
            harness.processElement(facts("bo"), 61_000);
            harness.processElement(facts("cy"), 2_000);
            harness.processElement(facts("di"), 62_000);
            assertThat(harness.extractOutputStreamRecords())
                    .as("each window added to within the last 2")
                    .isEmpty();

            harness.processElement(facts("ed"), 121_000);
            harness.processElement(facts("flo"), 122_000);
            assertThat(volumes(harness.extractOutputStreamRecords()))
                    .as("the first window idle for 2 mentions, then the second")
                    .isEqualTo(Map.of("group:airlines@0", 2L, "group:airlines@60000", 2L));

            harness.processElement(facts("gus"), 3_000);
            harness.endInput();
            assertThat(harness.extractOutputStreamRecords())
                    .as("a late mention makes another part of its window")
                    .hasSize(4);
            assertThat(volumes(harness.extractOutputStreamRecords()))
                    .isEqualTo(
                            Map.of(
                                    "group:airlines@0",
                                    3L,
                                    "group:airlines@60000",
                                    2L,
                                    "group:airlines@120000",
                                    2L));
        }
    }
}
