// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.schema.Mention;
import io.hark.schema.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleMentionsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static List<Mention> mentions;

    @BeforeAll
    static void generate() {
        mentions = new SampleMentions(7, START, 20).take(20_000);
    }

    @Test
    void sameSeedGivesSameMentions() {
        List<Mention> a = new SampleMentions(42, START, 5).take(500);
        List<Mention> b = new SampleMentions(42, START, 5).take(500);
        assertThat(b).isEqualTo(a);
        assertThat(b.toString()).isEqualTo(a.toString());
        assertThat(new SampleMentions(42, START, 5).stream().limit(500).toList()).isEqualTo(a);
        assertThat(new SampleMentions(43, START, 5).take(500)).isNotEqualTo(a);
    }

    @Test
    void idsAreUniquePerPlatform() {
        Map<Platform, Set<String>> ids = new EnumMap<>(Platform.class);
        for (Mention m : mentions) {
            assertThat(ids.computeIfAbsent(m.getPlatform(), p -> new HashSet<>()).add(m.getId()))
                    .as("duplicate %s id %s", m.getPlatform(), m.getId())
                    .isTrue();
        }
    }

    @Test
    void createdAtAdvancesAtTheRequestedRate() {
        double rate = 20;
        List<Mention> tenThousand = mentions.subList(0, 10_000);
        Instant previous = START;
        for (Mention m : tenThousand) {
            assertThat(m.getCreatedAt()).isAfterOrEqualTo(previous);
            assertThat(m.getIngestedAt())
                    .isAfter(m.getCreatedAt())
                    .isBeforeOrEqualTo(m.getCreatedAt().plus(Duration.ofMinutes(5)));
            previous = m.getCreatedAt();
        }
        double seconds = Duration.between(START, previous).toMillis() / 1000.0;
        assertThat(tenThousand.size() / seconds).isBetween(rate * 0.9, rate * 1.1);

        SampleMentions slow = new SampleMentions(1, START, 0.5);
        slow.take(1_000);
        assertThat(Duration.between(START, slow.currentTime()).toSeconds()).isBetween(1800L, 2200L);
    }

    @Test
    void everyPlatformAndEveryBrandAppears() {
        Set<Platform> platforms =
                mentions.stream().map(Mention::getPlatform).collect(Collectors.toSet());
        assertThat(platforms).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Platform.class));

        Map<String, Integer> byBrand = new HashMap<>();
        for (Mention m : mentions.subList(0, 2_000)) {
            String text = m.getText().toLowerCase(Locale.ROOT);
            for (SampleVocabulary.Brand b : SampleVocabulary.BRANDS) {
                if (text.contains(b.name().toLowerCase(Locale.ROOT)) || text.contains(b.handle())) {
                    byBrand.merge(b.name(), 1, Integer::sum);
                }
            }
        }
        assertThat(byBrand).hasSize(SampleVocabulary.BRANDS.size());
        assertThat(byBrand.values()).allSatisfy(n -> assertThat(n).isGreaterThan(40));
    }

    @Test
    void entityArraysMatchTheTokensOfTheText() {
        for (Mention m : mentions) {
            List<String> hashtags = new ArrayList<>();
            List<String> handles = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            for (String token : m.getText().split("\\s+")) {
                if (token.startsWith("http://") || token.startsWith("https://")) {
                    addOnce(urls, token.replaceAll("[.,!?)]+$", ""));
                } else if (token.startsWith("#") || token.startsWith("@")) {
                    String word = token.substring(1).replaceAll("[^A-Za-z0-9_].*$", "");
                    if (!word.isEmpty()) {
                        addOnce(token.startsWith("#") ? hashtags : handles, word);
                    }
                }
            }
            assertThat(m.getHashtags()).as(m.getText()).containsExactlyElementsOf(hashtags);
            assertThat(m.getMentions()).as(m.getText()).containsExactlyElementsOf(handles);
            assertThat(m.getUrls()).as(m.getText()).containsExactlyElementsOf(urls);
            assertThat(m.getText()).as("a slot left unfilled").doesNotContain("{", "}");
        }
    }

    @Test
    void repostsRepliesAndQuotesPointToEarlierMentions() {
        Map<Platform, Map<String, Mention>> earlier = new EnumMap<>(Platform.class);
        int reposts = 0;
        int replies = 0;
        int quotes = 0;
        for (Mention m : mentions) {
            Map<String, Mention> seen =
                    earlier.computeIfAbsent(m.getPlatform(), p -> new HashMap<>());
            if (m.getRepostOfId() != null) {
                reposts++;
                Mention original = seen.get(m.getRepostOfId());
                assertThat(original).as("repost of an earlier id").isNotNull();
                assertThat(m.getText())
                        .isEqualTo(
                                "RT @"
                                        + original.getAuthor().getUsername()
                                        + ": "
                                        + original.getText());
                assertThat(m.getPlatform()).isEqualTo(Platform.x);
            }
            if (m.getInReplyToId() != null) {
                replies++;
                Mention parent = seen.get(m.getInReplyToId());
                assertThat(parent).as("reply to an earlier id").isNotNull();
                assertThat(m.getConversationId())
                        .isEqualTo(
                                parent.getConversationId() != null
                                        ? parent.getConversationId()
                                        : parent.getId());
            }
            if (m.getQuoteOfId() != null) {
                quotes++;
                assertThat(seen.get(m.getQuoteOfId())).as("quote of an earlier id").isNotNull();
                assertThat(m.getUrls()).contains(seen.get(m.getQuoteOfId()).getUrl());
            }
            seen.put(m.getId(), m);
        }
        long onX = mentions.stream().filter(m -> m.getPlatform() == Platform.x).count();
        assertThat((double) reposts / onX).isBetween(0.07, 0.13);
        assertThat(replies).isGreaterThan(2_000);
        assertThat(quotes).isGreaterThan(50);
    }

    @Test
    void requiredFieldsAreSetAndTheRecordsRoundTrip() throws Exception {
        for (Mention m : mentions) {
            assertThat(m.getId()).isNotBlank();
            assertThat(m.getPlatform()).isNotNull();
            assertThat(m.getCreatedAt()).isNotNull();
            assertThat(m.getIngestedAt()).isNotNull();
            assertThat(m.getText()).isNotBlank();
            assertThat(m.getAuthor().getId()).isNotBlank();
            assertThat(m.getAuthor().getUsername()).isNotBlank();
            assertThat(m.getSource()).isEqualTo("sample");
            assertThat(m.getUrl()).startsWith("https://").doesNotContain(" ");
        }
        for (Mention m : mentions.subList(0, 2_000)) {
            assertThat(Mention.getDecoder().decode(Mention.getEncoder().encode(m))).isEqualTo(m);
        }
    }

    @Test
    void platformTraitsLookPlausible() {
        int geo = 0;
        int coordinates = 0;
        int foreign = 0;
        Set<String> langs = new HashSet<>();
        for (Mention m : mentions) {
            Platform p = m.getPlatform();
            boolean views = p == Platform.x || p == Platform.tiktok || p == Platform.youtube;
            if (!views) {
                assertThat(m.getEngagement().getViews()).as("views on %s", p).isNull();
            }
            switch (p) {
                case x -> {
                    assertThat(m.getId()).matches("[0-9]{17,19}");
                    assertThat(m.getEngagement().getLikes()).isNotNull();
                }
                case reddit -> {
                    assertThat(m.getId()).matches("[0-9a-z]{6,8}");
                    assertThat(m.getExtras().get("subreddit")).startsWith("r/");
                    assertThat(m.getLang()).isNull();
                }
                case tiktok -> assertThat(m.getEngagement().getViews()).isNotNull();
                case news -> {
                    assertThat(m.getEngagement().getLikes()).isNull();
                    assertThat(m.getExtras()).containsKey("outlet");
                }
                case review -> {
                    int rating = Integer.parseInt(m.getExtras().get("rating"));
                    assertThat(rating).isBetween(1, 5);
                    assertThat(m.getText())
                            .satisfiesAnyOf(
                                    t ->
                                            assertThat(t)
                                                    .startsWith(
                                                            "★".repeat(rating)
                                                                    + "☆".repeat(5 - rating)),
                                    t ->
                                            assertThat(t)
                                                    .startsWith(
                                                            List.of(
                                                                            "One star",
                                                                            "Two stars",
                                                                            "Three stars",
                                                                            "Four stars",
                                                                            "Five stars")
                                                                    .get(rating - 1)));
                }
                default -> {}
            }
            if (m.getGeo() != null) {
                geo++;
                assertThat(m.getGeo().getCountryCode()).matches("[A-Z]{2}");
                if (m.getGeo().getLat() != null) {
                    coordinates++;
                    assertThat(m.getGeo().getLat()).isBetween(-90.0, 90.0);
                }
            }
            if (m.getLang() != null) {
                langs.add(m.getLang());
                if (!m.getLang().equals("en")) {
                    foreign++;
                }
            }
        }
        double n = mentions.size();
        assertThat(geo / n).isBetween(0.27, 0.33);
        assertThat(coordinates / n).isBetween(0.04, 0.06);
        assertThat(foreign / n).isBetween(0.02, 0.15);
        assertThat(langs).contains("en", "es", "fr", "de", "pt");
        assertThat(mentions).anySatisfy(m -> assertThat(m.getAuthor().getVerified()).isTrue());
        assertThat(mentions.stream().map(m -> m.getAuthor().getId()).distinct().count())
                .isGreaterThan(2_000);
    }

    @Test
    void aBurstRaisesTheBrandsShareForItsDuration() {
        SampleMentions sample = new SampleMentions(3, START, 10);
        sample.take(1_000);
        Instant from = sample.currentTime();
        Instant until = from.plus(Duration.ofMinutes(5));
        sample.burst("BlueJet", Duration.ofMinutes(5), 20);
        List<Mention> during = new ArrayList<>();
        List<Mention> after = new ArrayList<>();
        for (Mention m : sample.take(16_000)) {
            (m.getCreatedAt().isBefore(until) ? during : after).add(m);
        }
        // BlueJet is 1.2 / 9.4 of the stream: 20 times as much adds about 24 mentions a second to
        // the 10.
        assertThat(during.size() / 300.0).isBetween(30.0, 39.0);
        assertThat(
                        after.size()
                                / (Duration.between(
                                                        until,
                                                        after.get(after.size() - 1).getCreatedAt())
                                                .toMillis()
                                        / 1000.0))
                .isBetween(9.0, 11.0);
        assertThat(during.stream().filter(SampleMentionsTest::aboutTheMeltdown).count())
                .isGreaterThan(5_000);
        // Afterwards only reposts of it echo on.
        assertThat(after.stream().filter(SampleMentionsTest::aboutTheMeltdown))
                .allSatisfy(m -> assertThat(m.getRepostOfId()).isNotNull());
        assertThatThrownBy(() -> sample.burst("Nobody Air", Duration.ofMinutes(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean aboutTheMeltdown(Mention m) {
        return m.getHashtags().stream().anyMatch(t -> t.equalsIgnoreCase("BlueJetMeltdown"));
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }
}
