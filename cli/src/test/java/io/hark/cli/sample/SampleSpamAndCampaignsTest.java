// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.nlp.duplicates.TextFingerprint;
import io.hark.nlp.spam.SpamScore;
import io.hark.nlp.spam.SpamText;
import io.hark.schema.Mention;
import io.hark.schema.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample stream's spam bots and copy-paste campaigns, judged by the same code as the listen
 * job.
 */
class SampleSpamAndCampaignsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** What the listen job takes for a brand-new account. */
    private static final Duration NEW_ACCOUNT_AGE = Duration.ofDays(7);

    /** Five posts of a brand-new account within this are a burst to the listen job. */
    private static final Duration BURST_WINDOW = Duration.ofMinutes(10);

    private static final Duration COPY_WINDOW = Duration.ofHours(1);

    private static List<Mention> mentions;
    private static List<Mention> byBots;
    private static List<Mention> byPeople;

    @BeforeAll
    static void generate() {
        mentions = new SampleMentions(11, START, 5).take(20_000);
        byBots = mentions.stream().filter(SampleSpamAndCampaignsTest::byNewAccount).toList();
        byPeople = mentions.stream().filter(m -> !byNewAccount(m)).toList();
    }

    @Test
    void everyAccountWasOpenedBeforeItPostedAndMostLongBefore() {
        Set<String> monthsOld = new HashSet<>();
        Set<String> people = new HashSet<>();
        for (Mention m : mentions) {
            assertThat(m.getAuthor().getCreatedAt())
                    .as("created_at of %s", m.getAuthor().getUsername())
                    .isNotNull()
                    .isBeforeOrEqualTo(m.getCreatedAt());
            if (!byNewAccount(m)) {
                people.add(key(m));
                if (m.getAuthor().getCreatedAt().isBefore(START.minus(Duration.ofDays(180)))) {
                    monthsOld.add(key(m));
                }
            }
        }
        assertThat((double) monthsOld.size() / people.size()).isGreaterThan(0.9);
    }

    @Test
    void aboutOneAndAHalfPercentIsSpamFromBotsAndReadsAsSpam() {
        double share = (double) byBots.size() / mentions.size();
        assertThat(share).isBetween(0.005, 0.03);
        long onXOrInstagram =
                byBots.stream()
                        .filter(
                                m ->
                                        m.getPlatform() == Platform.x
                                                || m.getPlatform() == Platform.instagram)
                        .count();
        assertThat((double) onXOrInstagram / byBots.size()).isGreaterThan(0.7);
        for (Mention m : byBots) {
            assertThat(isSpamByItsText(m)).as(m.getText()).isTrue();
            assertThat(m.getAuthor().getFollowersCount()).isBetween(0L, 3L);
            assertThat(namesABrand(m)).as("%s names a brand", m.getText()).isTrue();
        }
        assertThat(byBots)
                .anySatisfy(m -> assertThat(m.getHashtags()).hasSizeGreaterThanOrEqualTo(6));
        // A small pool, whose bots are only replaced when days old.
        assertThat(byBots.stream().map(SampleSpamAndCampaignsTest::key).distinct().count())
                .isBetween(5L, 16L);
    }

    @Test
    void botsPostInBursts() {
        Map<String, List<Instant>> postsByBot = new HashMap<>();
        for (Mention m : byBots) {
            postsByBot.computeIfAbsent(key(m), k -> new ArrayList<>()).add(m.getCreatedAt());
        }
        long bursting =
                postsByBot.values().stream()
                        .filter(
                                posts -> {
                                    for (int i = 4; i < posts.size(); i++) {
                                        if (!posts.get(i)
                                                .isAfter(posts.get(i - 4).plus(BURST_WINDOW))) {
                                            return true;
                                        }
                                    }
                                    return false;
                                })
                        .count();
        assertThat(bursting).isGreaterThan(0);
    }

    @Test
    void ordinaryMentionsAreRarelySpam() {
        long spam = byPeople.stream().filter(SampleSpamAndCampaignsTest::isSpamByItsText).count();
        assertThat((double) spam / byPeople.size()).isLessThan(0.005);
    }

    @Test
    void campaignsAreCopiedByManyPeopleWithinAnHour() {
        // A campaign's copies are told by its hashtag; reposts of them copy by design.
        Set<String> campaignTags = new HashSet<>();
        for (SampleVocabulary.Brand b : SampleVocabulary.BRANDS) {
            for (SampleVocabulary.Campaign c : SampleVocabulary.category(b).campaigns()) {
                campaignTags.add(b.hashtag() + c.hashtagSuffix());
            }
        }
        Map<String, List<Mention>> copiesByTag = new HashMap<>();
        for (Mention m : byPeople) {
            for (String tag : m.getHashtags()) {
                if (campaignTags.contains(tag) && m.getRepostOfId() == null) {
                    copiesByTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(m);
                }
            }
        }
        int copies = copiesByTag.values().stream().mapToInt(List::size).sum();
        assertThat((double) copies / mentions.size()).isBetween(0.005, 0.02);
        // Every copy, whatever its variation, is one to the listen job; some campaigns have 5
        // people in their first hour.
        int campaignsOfFivePeopleWithinAnHour = 0;
        for (List<Mention> campaign : copiesByTag.values()) {
            Mention first = campaign.get(0);
            Set<String> people = new HashSet<>();
            Set<String> variants = new HashSet<>();
            for (Mention copy : campaign) {
                assertThat(
                                TextFingerprint.areNearDuplicates(
                                        TextFingerprint.of(first.getText()),
                                        TextFingerprint.of(copy.getText())))
                        .as("%s%nis a copy of%n%s", copy.getText(), first.getText())
                        .isTrue();
                if (!copy.getCreatedAt().isAfter(first.getCreatedAt().plus(COPY_WINDOW))) {
                    people.add(key(copy));
                }
                variants.add(copy.getText().replaceAll("https?://\\S+", ""));
            }
            if (people.size() >= 5 && variants.size() > 1) {
                campaignsOfFivePeopleWithinAnHour++;
            }
        }
        assertThat(campaignsOfFivePeopleWithinAnHour).isGreaterThan(0);
    }

    private static boolean byNewAccount(Mention m) {
        return Duration.between(m.getAuthor().getCreatedAt(), m.getCreatedAt())
                        .compareTo(NEW_ACCOUNT_AGE)
                < 0;
    }

    private static boolean isSpamByItsText(Mention m) {
        return SpamScore.isSpam(
                SpamScore.of(
                        SpamText.signals(
                                m.getText(), m.getUrls(), m.getHashtags(), m.getMentions())));
    }

    private static boolean namesABrand(Mention m) {
        String text = m.getText().toLowerCase(Locale.ROOT);
        return SampleVocabulary.BRANDS.stream()
                .anyMatch(
                        b ->
                                text.contains(b.name().toLowerCase(Locale.ROOT))
                                        || text.contains("@" + b.handle())
                                        || text.contains(
                                                "#" + b.hashtag().toLowerCase(Locale.ROOT)));
    }

    private static String key(Mention m) {
        return m.getPlatform() + ":" + m.getAuthor().getId();
    }
}
