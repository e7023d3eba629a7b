// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.schema.Author;
import io.hark.schema.Geo;
import io.hark.schema.Mention;
import io.hark.schema.Platform;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchInputTest {
    private static Mention.Builder mention() {
        return Mention.newBuilder()
                .setId("1")
                .setPlatform(Platform.reddit)
                .setCreatedAt(Instant.EPOCH)
                .setIngestedAt(Instant.EPOCH)
                .setText("Acme is late #fail")
                .setAuthor(Author.newBuilder().setId("9").setUsername("JaneDoe").build())
                .setHashtags(List.of("fail"))
                .setMentions(List.of("acme"))
                .setUrls(List.of("https://b.example/2"));
    }

    @Test
    void takesTheFieldsQueriesFilterOn() {
        Mention m =
                mention()
                        .setUrl("https://a.example/1")
                        .setGeo(Geo.newBuilder().setCountryCode("GB").build())
                        .setLang("de")
                        .build();
        MatchInput input = MatchInput.of(m);
        assertThat(input)
                .isEqualTo(
                        new MatchInput(
                                "Acme is late #fail",
                                "JaneDoe",
                                "de",
                                "reddit",
                                "GB",
                                List.of("https://a.example/1", "https://b.example/2"),
                                List.of("fail"),
                                List.of("acme")));
    }

    @Test
    void takesThePlatformsLanguageOrNone() {
        assertThat(MatchInput.of(mention().setLang("en").build()).lang()).isEqualTo("en");
        assertThat(MatchInput.of(mention().build()).lang()).isNull();
    }

    @Test
    void missingValuesAreEmptyOrNull() {
        MatchInput input = new MatchInput(null, null, null, null, null, null, null, null);
        assertThat(input.text()).isEmpty();
        assertThat(input.urls()).isEmpty();
        assertThat(input.hashtags()).isEmpty();
        assertThat(input.handles()).isEmpty();
        assertThat(MatchInput.of(mention().build()).country()).isNull();
    }
}
