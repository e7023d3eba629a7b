// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionJsonTest {
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private static final String FULL =
            """
      {"id": 1850000000000000001, "platform": "x", "created_at": "2026-11-01T10:15:30+01:00",
       "text": "Loving the new #SkylineAir lounge @skylineair", "lang": "en",
       "url": "https://x.example/s/1", "author": {"id": "42", "username": "ana", "followers_count": 1200, "verified": true,
                  "created_at": "2026-10-30T08:00:00Z"},
       "engagement": {"likes": 3, "views": 100}, "hashtags": ["SkylineAir"], "mentions": ["skylineair"],
       "geo": {"country_code": "GB"}, "extras": {"client": "web"}}
      """;

    @Test
    void readsEveryFieldWithPlainJsonValues() throws Exception {
        Mention mention = MentionJson.parse(FULL, NOW, "jsonl");
        assertThat(mention.getId()).isEqualTo("1850000000000000001");
        assertThat(mention.getPlatform()).isEqualTo(Platform.x);
        assertThat(mention.getCreatedAt()).isEqualTo(Instant.parse("2026-11-01T09:15:30Z"));
        assertThat(mention.getIngestedAt()).isEqualTo(NOW);
        assertThat(mention.getSource()).isEqualTo("jsonl");
        assertThat(mention.getAuthor().getFollowersCount()).isEqualTo(1200L);
        assertThat(mention.getAuthor().getVerified()).isTrue();
        assertThat(mention.getAuthor().getCreatedAt())
                .isEqualTo(Instant.parse("2026-10-30T08:00:00Z"));
        assertThat(mention.getEngagement().getLikes()).isEqualTo(3L);
        assertThat(mention.getEngagement().getReplies()).isNull();
        assertThat(mention.getHashtags()).containsExactly("SkylineAir");
        assertThat(mention.getGeo().getCountryCode()).isEqualTo("GB");
        assertThat(mention.getExtras()).containsEntry("client", "web");
    }

    @Test
    void writesWhatItReads() throws Exception {
        Mention mention = MentionJson.parse(FULL, NOW, "jsonl");
        assertThat(MentionJson.parse(MentionJson.toJson(mention), Instant.EPOCH, "other"))
                .isEqualTo(mention);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all                                                                      | invalid_json",
                "[1, 2]                                                                               | invalid_json",
                "{\"platform\":\"x\",\"created_at\":\"2026-11-01T00:00:00Z\",\"text\":\"t\",\"author\":{\"id\":\"1\",\"username\":\"u\"}} | missing_id",
                "{\"id\":\"1\",\"platform\":\"x\",\"created_at\":\"2026-11-01T00:00:00Z\",\"author\":{\"id\":\"1\",\"username\":\"u\"}}    | missing_text",
                "{\"id\":\"1\",\"platform\":\"x\",\"created_at\":\"2026-11-01T00:00:00Z\",\"text\":\"  \",\"author\":{\"id\":\"1\",\"username\":\"u\"}} | missing_text",
                "{\"id\":\"1\",\"platform\":\"x\",\"text\":\"t\",\"author\":{\"id\":\"1\",\"username\":\"u\"}}                          | missing_created_at",
                "{\"id\":\"1\",\"platform\":\"x\",\"created_at\":\"yesterday\",\"text\":\"t\",\"author\":{\"id\":\"1\",\"username\":\"u\"}} | invalid_field",
                "{\"id\":\"1\",\"platform\":\"myspace\",\"created_at\":\"2026-11-01T00:00:00Z\",\"text\":\"t\",\"author\":{\"id\":\"1\",\"username\":\"u\"}} | invalid_field",
                "{\"id\":\"1\",\"created_at\":\"2026-11-01T00:00:00Z\",\"text\":\"t\",\"author\":{\"id\":\"1\",\"username\":\"u\"}}      | missing_platform",
                "{\"id\":\"1\",\"platform\":\"x\",\"created_at\":\"2026-11-01T00:00:00Z\",\"text\":\"t\"}                              | missing_author",
                "{\"id\":\"1\",\"platform\":\"x\",\"created_at\":\"2026-11-01T00:00:00Z\",\"text\":\"t\",\"author\":{\"id\":\"1\"}}       | missing_author",
            })
    void reportsWhyALineIsNotAMention(String line, String reason) {
        assertThatThrownBy(() -> MentionJson.parse(line, NOW, "jsonl"))
                .isInstanceOfSatisfying(
                        MentionJson.InvalidMentionException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aDeadLetterKeepsTheLineWholeUpToItsCapAndSaysWhenCut() {
        DeadLetter whole =
                MentionJson.deadLetter(
                        "{\"id\": \"broken", "f.jsonl:3", "invalid_json", "not valid JSON");
        assertThat(whole.getPayloadText()).isEqualTo("{\"id\": \"broken");
        assertThat(whole.getSourceFile()).isEqualTo("f.jsonl:3");
        assertThat(whole.getStage()).isEqualTo("ingest");
        assertThat(whole.getDetail()).isEqualTo("not valid JSON");

        DeadLetter cut =
                MentionJson.deadLetter(
                        "x".repeat(5_000_000), "f.jsonl:4", "text_too_long", "too long");
        assertThat(cut.getPayloadText()).hasSize(MentionJson.MAX_DEAD_LETTER_CHARS);
        assertThat(cut.getDetail())
                .isEqualTo("too long (payload_text holds the first 65536 of 5000000 characters)");
    }

    @Test
    void aCutLineKeepsNoHalfOfACharacter() {
        String line = "x".repeat(MentionJson.MAX_DEAD_LETTER_CHARS - 1) + "🔥".repeat(10);
        String payload =
                MentionJson.deadLetter(line, "f.jsonl:1", "invalid_json", "d").getPayloadText();
        assertThat(payload).hasSize(MentionJson.MAX_DEAD_LETTER_CHARS - 1).doesNotContain("\uD83D");
    }
}
