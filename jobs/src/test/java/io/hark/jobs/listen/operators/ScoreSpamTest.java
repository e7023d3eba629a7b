// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.TestMentions;
import io.hark.nlp.spam.SpamSignal;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionFlags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ScoreSpamTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private int next;

    private EnrichedMention post(String text, Instant at) {
        Mention mention = TestMentions.mention(next++, at);
        mention.setPlatform(io.hark.schema.Platform.x);
        mention.setText(text);
        mention.setHashtags(List.of());
        mention.getAuthor().setId("author");
        return EnrichedMention.newBuilder().setMention(mention).setEnrichedAt(at).build();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, EnrichedMention>
            harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ScoreSpam(3, Duration.ofMinutes(10)), ScoreSpam::authorKey, Types.STRING);
    }

    private static EnrichedMention score(
            KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, EnrichedMention>
                    harness,
            EnrichedMention post)
            throws Exception {
        harness.processElement(post, post.getMention().getCreatedAt().toEpochMilli());
        List<EnrichedMention> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    @Test
    void flagsPharmacySpamWithALink() throws Exception {
        try (var harness = harness()) {
            EnrichedMention scored =
                    score(
                            harness,
                            post(
                                    "Great post! buy levitra online without prescription http://pills.example/x",
                                    T0));
            assertThat(scored.getFlags()).contains(MentionFlags.SPAM);
            assertThat(scored.getSpam().getSignals()).contains("link_with_spam_vocabulary");
            assertThat(scored.getSpam().getScore()).isGreaterThanOrEqualTo(0.5);
        }
    }

    @Test
    void anOrdinaryMentionScoresZeroAndIsNotFlagged() throws Exception {
        try (var harness = harness()) {
            EnrichedMention scored =
                    score(
                            harness,
                            post("Skyline Air lost my bag again https://skyline.example/help", T0));
            assertThat(scored.getSpam().getScore()).isZero();
            assertThat(scored.getSpam().getSignals()).isEmpty();
            assertThat(scored.getFlags()).doesNotContain(MentionFlags.SPAM);
        }
    }

    @Test
    void aNewAccountPostingInABurstIsASignalAndWithCopyPasteIsSpam() throws Exception {
        try (var harness = harness()) {
            EnrichedMention last = null;
            for (int i = 0; i < 3; i++) {
                EnrichedMention post =
                        post(
                                "Everyone should switch to Forkly today, best deals in town",
                                T0.plusSeconds(i * 60));
                post.getMention().getAuthor().setCreatedAt(T0.minus(Duration.ofDays(1)));
                SpamMarks.addSignal(post, SpamSignal.COPY_PASTE);
                last = score(harness, post);
            }
            List<EnrichedMention> out = harness.extractOutputValues();
            assertThat(out.get(0).getSpam().getSignals()).containsExactly("copy_paste");
            assertThat(out.get(0).getFlags()).doesNotContain(MentionFlags.SPAM);
            assertThat(last.getSpam().getSignals())
                    .containsExactlyInAnyOrder("copy_paste", "new_account_burst");
            assertThat(last.getFlags()).contains(MentionFlags.SPAM);
        }
    }

    @Test
    void anEstablishedAccountPostingOftenIsNoBurst() throws Exception {
        try (var harness = harness()) {
            for (int i = 0; i < 5; i++) {
                EnrichedMention post =
                        post(
                                "Live from the Novaphone launch, photos coming up",
                                T0.plusSeconds(i * 30));
                post.getMention().getAuthor().setCreatedAt(T0.minus(Duration.ofDays(900)));
                post.getMention().getAuthor().setFollowersCount(5_000L);
                assertThat(score(harness, post).getSpam().getSignals()).isEmpty();
            }
        }
    }

    @Test
    void aZeroFollowerAccountPostingSlowlyIsNoBurst() throws Exception {
        try (var harness = harness()) {
            for (int i = 0; i < 5; i++) {
                EnrichedMention post =
                        post(
                                "Thinking about getting the Pixelion Fold this year",
                                T0.plus(Duration.ofMinutes(i * 11L)));
                post.getMention().getAuthor().setFollowersCount(0L);
                assertThat(score(harness, post).getSpam().getSignals()).isEmpty();
            }
        }
    }
}
