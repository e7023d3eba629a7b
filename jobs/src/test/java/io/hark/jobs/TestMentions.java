// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import io.hark.schema.Author;
import io.hark.schema.Engagement;
import io.hark.schema.Mention;
import io.hark.schema.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small, readable mentions for tests. */
public final class TestMentions {
    private static final String[] TEXTS = {
        "I absolutely love the new Skyline Air lounge in London, the staff were wonderful!",
        "Worst flight ever out of Chicago. Lost my bag and nobody helped. Terrible service.",
        "Brewhaus opens a new store in Seattle tomorrow.",
        "The Novaphone battery is great but the camera is disappointing.",
        "Thanks @dashbite, my order arrived early and still hot. Brilliant.",
        "Two hours on hold with BlueJet support in Toronto. Awful, never again.",
    };

    /** Listening queries (YAML) every text of {@link #mention} matches one of. */
    public static final String QUERIES =
            """
      queries:
        - id: airlines
          group: travel
          query: '"skyline air" OR bluejet OR flight*'
        - id: brands
          query: 'brewhaus OR novaphone OR dashbite'
      """;

    private TestMentions() {}

    public static Mention mention(int n, Instant createdAt) {
        return Mention.newBuilder()
                .setId(String.valueOf(1_800_000_000_000_000_000L + n))
                .setPlatform(Platform.values()[n % Platform.values().length])
                .setCreatedAt(createdAt)
                .setIngestedAt(createdAt.plusMillis(250))
                .setText(TEXTS[n % TEXTS.length] + " #" + n)
                .setLang("en")
                .setUrl("https://social.example/p/" + n)
                .setAuthor(
                        Author.newBuilder()
                                .setId("a" + (n % 97))
                                .setUsername("user" + (n % 97))
                                .setFollowersCount((long) n * 10)
                                .setVerified(n % 10 == 0)
                                .build())
                .setEngagement(
                        Engagement.newBuilder()
                                .setLikes((long) n % 7)
                                .setReplies(1L)
                                .setViews(null)
                                .build())
                .setHashtags(List.of(String.valueOf(n)))
                .setSource("test")
                .setExtras(Map.of())
                .build();
    }
}
