// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.TestMentions;
import io.hark.schema.Author;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.Engagement;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidateMentionTest {
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private OneInputStreamOperatorTestHarness<Either<DeadLetter, Mention>, Mention> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new ValidateMention(
                                100,
                                Duration.ofMinutes(15),
                                Duration.ofDays(30),
                                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesGoodMentionsUnchanged() throws Exception {
        Mention good = TestMentions.mention(1, NOW.minusSeconds(60));
        harness.processElement(Either.Right(good), 1L);
        assertThat(harness.extractOutputValues()).containsExactly(good);
        assertThat(harness.getSideOutput(ValidateMention.DEAD_LETTERS)).isNull();
    }

    @Test
    void deadLettersEachKindOfBadMentionWithItsReason() throws Exception {
        Mention base = TestMentions.mention(2, NOW);
        send(Mention.newBuilder(base).setId(" ").build());
        send(Mention.newBuilder(base).setText("").build());
        send(Mention.newBuilder(base).setCreatedAt(Instant.EPOCH).build());
        send(Mention.newBuilder(base).setText("x".repeat(101)).build());
        send(Mention.newBuilder(base).setCreatedAt(NOW.plus(Duration.ofMinutes(16))).build());
        send(Mention.newBuilder(base).setCreatedAt(NOW.plus(Duration.ofMinutes(14))).build());
        int longestId = MentionIds.MAX_BYTES - (base.getPlatform() + ":").length();
        send(Mention.newBuilder(base).setId("x".repeat(longestId + 1)).build());
        send(Mention.newBuilder(base).setId("x".repeat(longestId)).build());
        send(Mention.newBuilder(base).setCreatedAt(Instant.parse("1000-01-01T00:00:00Z")).build());
        send(
                Mention.newBuilder(base)
                        .setCreatedAt(NOW.minus(Duration.ofDays(30)).minusMillis(1))
                        .build());
        send(Mention.newBuilder(base).setCreatedAt(NOW.minus(Duration.ofDays(30))).build());
        send(
                Mention.newBuilder(base)
                        .setEngagement(
                                Engagement.newBuilder(base.getEngagement()).setLikes(-5L).build())
                        .build());
        send(
                Mention.newBuilder(base)
                        .setAuthor(
                                Author.newBuilder(base.getAuthor()).setFollowersCount(-1L).build())
                        .build());
        send(
                Mention.newBuilder(base)
                        .setEngagement(
                                Engagement.newBuilder(base.getEngagement()).setViews(0L).build())
                        .build());

        assertThat(harness.extractOutputValues()).hasSize(4);
        List<DeadLetter> deadLetters = deadLetters();
        assertThat(deadLetters)
                .extracting(DeadLetter::getReason)
                .containsExactly(
                        "missing_id",
                        "missing_text",
                        "missing_created_at",
                        "text_too_long",
                        "created_at_in_future",
                        "id_too_long",
                        "created_at_too_old",
                        "created_at_too_old",
                        "invalid_field",
                        "invalid_field");
        assertThat(deadLetters)
                .allSatisfy(
                        letter -> {
                            assertThat(letter.getStage()).isEqualTo("validate");
                            assertThat(letter.getFailedAt()).isEqualTo(NOW);
                            assertThat(
                                            AvroCodec.MENTION
                                                    .decode(letter.getPayload().array())
                                                    .getPlatform())
                                    .isEqualTo(base.getPlatform());
                        });
        assertThat(deadLetters.get(1).getMentionId())
                .isEqualTo(base.getPlatform() + ":" + base.getId());
        assertThat(deadLetters.get(3).getDetail()).contains("101 characters", "cap is 100");
        assertThat(deadLetters.get(6).getDetail()).contains("1000-01-01T00:00:00Z", "--max-past");
        assertThat(deadLetters.get(8).getDetail()).contains("engagement.likes is -5");
        assertThat(deadLetters.get(9).getDetail()).contains("author.followers_count is -1");
    }

    @Test
    void forwardsDeadLettersOfUndecodableRecords() throws Exception {
        DeadLetter undecodable =
                DeadLetter.newBuilder()
                        .setStage("decode")
                        .setReason("undecodable")
                        .setDetail("d")
                        .setSourceTopic("t")
                        .setSourcePartition(0)
                        .setSourceOffset(7L)
                        .setFailedAt(NOW)
                        .build();
        harness.processElement(Either.Left(undecodable), 1L);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).containsExactly(undecodable);
    }

    private void send(Mention mention) throws Exception {
        harness.processElement(Either.Right(mention), 1L);
    }

    private List<DeadLetter> deadLetters() {
        return harness.getSideOutput(ValidateMention.DEAD_LETTERS).stream()
                .map(StreamRecord::getValue)
                .toList();
    }
}
