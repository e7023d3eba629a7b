// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.TestMentions;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class MarkNearDuplicatesTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String CAMPAIGN =
            "Join the boycott of Skyline Air until they pay their cleaners a living wage, share this everywhere";

    private int next;

    private EnrichedMention post(String text, String author, Instant at) {
        Mention mention = TestMentions.mention(next++, at);
        mention.setPlatform(io.hark.schema.Platform.x);
        mention.setText(text);
        mention.getAuthor().setId(author);
        return EnrichedMention.newBuilder().setMention(mention).setEnrichedAt(at).build();
    }

    private static KeyedOneInputStreamOperatorTestHarness<Integer, EnrichedMention, EnrichedMention>
            harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new MarkNearDuplicates(Duration.ofHours(1), 3),
                mention -> MarkNearDuplicates.INDEX_KEY,
                Types.INT);
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<Integer, EnrichedMention, EnrichedMention>
                    harness,
            EnrichedMention post)
            throws Exception {
        harness.processElement(post, post.getMention().getCreatedAt().toEpochMilli());
    }

    @Test
    void marksCopiesModuloUrlsHandlesAndCaseWithTheFirstOnesId() throws Exception {
        try (var harness = harness()) {
            EnrichedMention first = post(CAMPAIGN + " https://boycott.example/1", "a1", T0);
            send(harness, first);
            send(
                    harness,
                    post(
                            "@SkylineAir " + CAMPAIGN.toUpperCase() + " https://t.co/xyz",
                            "a2",
                            T0.plusSeconds(60)));
            send(harness, post(CAMPAIGN.replace("everywhere", "now"), "a3", T0.plusSeconds(120)));
            send(
                    harness,
                    post(
                            "Skyline Air lost my bag again and support has not answered in three days",
                            "a4",
                            T0.plusSeconds(180)));

            List<EnrichedMention> out = harness.extractOutputValues();
            String firstId = MentionIds.of(first.getMention());
            assertThat(out)
                    .extracting(EnrichedMention::getDuplicateOf)
                    .containsExactly(null, firstId, firstId, null);
        }
    }

    @Test
    void manyAuthorsPostingTheSameTextIsACopyPasteSignalButOneAuthorRepeatingIsNot()
            throws Exception {
        try (var harness = harness()) {
            send(harness, post(CAMPAIGN, "a1", T0));
            send(harness, post(CAMPAIGN, "a1", T0.plusSeconds(1)));
            send(harness, post(CAMPAIGN, "a2", T0.plusSeconds(2)));
            send(harness, post(CAMPAIGN, "a3", T0.plusSeconds(3)));
            send(harness, post(CAMPAIGN, "a4", T0.plusSeconds(4)));

            assertThat(harness.extractOutputValues())
                    .extracting(
                            mention ->
                                    mention.getSpam() != null
                                            && mention.getSpam()
                                                    .getSignals()
                                                    .contains("copy_paste"))
                    .containsExactly(false, false, false, true, true);
        }
    }

    @Test
    void forgetsATextOnceItsCopiesStopForTheWindow() throws Exception {
        try (var harness = harness()) {
            send(harness, post(CAMPAIGN, "a1", T0));
            send(harness, post(CAMPAIGN, "a2", T0.plusSeconds(50 * 60)));
            harness.processWatermark(T0.plus(Duration.ofMinutes(105)).toEpochMilli());
            send(harness, post(CAMPAIGN, "a3", T0.plus(Duration.ofMinutes(100))));
            harness.processWatermark(T0.plus(Duration.ofHours(3)).toEpochMilli());
            EnrichedMention late = post(CAMPAIGN, "a4", T0.plus(Duration.ofHours(3)));
            send(harness, late);

            List<EnrichedMention> out = harness.extractOutputValues();
            assertThat(out.get(2).getDuplicateOf())
                    .as("still alive: the last copy was 50 minutes earlier")
                    .isNotNull();
            assertThat(out.get(3).getDuplicateOf())
                    .as("expired: no copy for over an hour")
                    .isNull();
        }
    }

    @Test
    void shortTextsAreNeverCopies() throws Exception {
        try (var harness = harness()) {
            send(harness, post("so true!", "a1", T0));
            send(harness, post("So true", "a2", T0.plusSeconds(1)));
            assertThat(harness.extractOutputValues())
                    .extracting(EnrichedMention::getDuplicateOf)
                    .containsOnlyNulls();
        }
    }

    @Test
    void aCopyLongerThanTheWindowAfterTheLastIsNewEvenBeforeAnyTimerFires() throws Exception {
        try (var harness = harness()) {
            EnrichedMention first = post(CAMPAIGN, "a1", T0);
            send(harness, first);
            send(harness, post(CAMPAIGN, "a2", T0.plus(Duration.ofMinutes(50))));
            // no watermark: the expiry timers have not fired, as in a batch replay until the end
            EnrichedMention late = post(CAMPAIGN, "a3", T0.plus(Duration.ofMinutes(111)));
            send(harness, late);
            send(harness, post(CAMPAIGN, "a4", T0.plus(Duration.ofMinutes(112))));

            assertThat(harness.extractOutputValues())
                    .extracting(EnrichedMention::getDuplicateOf)
                    .containsExactly(
                            null,
                            MentionIds.of(first.getMention()),
                            null,
                            MentionIds.of(late.getMention()));
        }
    }
}
