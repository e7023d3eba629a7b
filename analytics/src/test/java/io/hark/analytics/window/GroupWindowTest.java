// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.schema.KeyCount;
import io.hark.schema.MetricScope;
import io.hark.schema.TopPost;
import io.hark.schema.WindowMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupWindowTest {
    private static int next;

    static MentionFacts facts(
            String group, String author, long followers, String sentiment, String... queryIds) {
        MentionFacts facts = new MentionFacts();
        facts.windowKey =
                group == null ? MentionFacts.queryKey(queryIds[0]) : MentionFacts.groupKey(group);
        facts.group = group;
        facts.queryIds = queryIds;
        facts.createdAt = 1_000;
        facts.documentId = "x:" + next++;
        facts.text = "text " + facts.documentId;
        facts.platform = "x";
        facts.authorKey = "x:" + author;
        facts.authorUsername = author;
        facts.followers = followers;
        facts.sentiment = sentiment;
        facts.queryLabels = new String[queryIds.length];
        Arrays.fill(facts.queryLabels, sentiment);
        facts.engagement = followers / 10;
        facts.hashtags = new String[] {"delay"};
        facts.topics = new String[] {sentiment == null ? "none" : sentiment + " topic"};
        return facts;
    }

    private static MentionFacts copyOf(MentionFacts facts) {
        MentionFacts copy = new MentionFacts();
        copy.windowKey = facts.windowKey;
        copy.group = facts.group;
        copy.queryIds = facts.queryIds.clone();
        copy.createdAt = facts.createdAt;
        copy.documentId = facts.documentId;
        copy.text = facts.text;
        copy.platform = facts.platform;
        copy.authorKey = facts.authorKey;
        copy.authorUsername = facts.authorUsername;
        copy.followers = facts.followers;
        copy.sentiment = facts.sentiment;
        copy.queryLabels = facts.queryLabels.clone();
        copy.engagement = facts.engagement;
        copy.hashtags = facts.hashtags.clone();
        copy.topics = facts.topics.clone();
        copy.spam = facts.spam;
        return copy;
    }

    @Test
    void aRetractionUndoesWhatTheSameFactsAdded() {
        MentionFacts kept = facts("airlines", "ana", 100, "positive", "bluejet");
        MentionFacts flipped = facts("airlines", "bo", 5000, "negative", "skyline", "bluejet");
        MentionFacts asSpam = copyOf(flipped);
        asSpam.spam = true;

        GroupWindow corrected = new GroupWindow(3);
        corrected.add(kept, false);
        corrected.add(flipped, false);
        MentionFacts retraction = copyOf(flipped);
        retraction.retraction = true;
        corrected.add(retraction, false);
        corrected.add(asSpam, false);

        GroupWindow direct = new GroupWindow(3);
        direct.add(copyOf(kept), false);
        direct.add(copyOf(asSpam), false);

        assertThat(metrics(corrected)).isEqualTo(metrics(direct));
        WindowMetrics group = metrics(corrected).get(0);
        assertThat(group.getVolume()).isEqualTo(1);
        assertThat(group.getSpamExcluded()).isEqualTo(1);
        assertThat(group.getNegative()).isZero();
        assertThat(group.getUniqueAuthors()).isEqualTo(1);
        assertThat(group.getTopNegativePosts()).isEmpty();

        MentionFacts unspammed = copyOf(asSpam);
        unspammed.spam = false;
        MentionFacts spamTakenBack = copyOf(asSpam);
        spamTakenBack.retraction = true;
        corrected.add(spamTakenBack, false);
        corrected.add(unspammed, false);
        GroupWindow bothCounted = new GroupWindow(3);
        bothCounted.add(copyOf(kept), false);
        bothCounted.add(copyOf(flipped), false);
        assertThat(metrics(corrected)).isEqualTo(metrics(bothCounted));
    }

    @Test
    void countsTheGroupOnceAndEachQueryWithItsShareOfVoice() {
        GroupWindow window = new GroupWindow(3);
        window.add(facts("airlines", "ana", 100, "negative", "skyline"), false);
        window.add(facts("airlines", "bo", 5000, "negative", "skyline", "bluejet"), false);
        window.add(facts("airlines", "ana", 100, "positive", "bluejet"), false);
        MentionFacts spam = facts("airlines", "bot", 0, "positive", "bluejet");
        spam.spam = true;
        window.add(spam, false);

        WindowMetrics group =
                window.whole()
                        .toMetrics(MetricScope.group, "airlines", "airlines", 0, 60_000, null, 1);
        assertThat(group.getVolume()).isEqualTo(3);
        assertThat(group.getUniqueAuthors()).isEqualTo(2);
        assertThat(group.getNegative()).isEqualTo(2);
        assertThat(group.getPositive()).isEqualTo(1);
        assertThat(group.getNetSentiment()).isEqualTo(-1.0 / 3);
        assertThat(group.getReach()).isEqualTo(5200);
        assertThat(group.getNegativeReach()).isEqualTo(5100);
        assertThat(group.getSpamExcluded()).isEqualTo(1);
        assertThat(group.getTopAuthors())
                .extracting(a -> a.getUsername() + ":" + a.getPosts())
                .containsExactly("bo:1", "ana:2");
        assertThat(group.getTopHashtags()).containsExactly(new KeyCount("delay", 3L, 0L));
        assertThat(group.getTopTerms())
                .extracting(KeyCount::getKey)
                .containsExactly("negative topic");
        assertThat(group.getTopNegativePosts())
                .extracting(TopPost::getAuthor)
                .containsExactly("bo", "ana");

        assertThat(window.queries()).containsOnlyKeys("bluejet", "skyline");
        assertThat(window.queries().get("skyline").volume()).isEqualTo(2);
        assertThat(window.queries().get("bluejet").volume()).isEqualTo(2);
    }

    @Test
    void aQueryCountsTheSentimentTowardItAndTheGroupThatOfTheWholeText() {
        GroupWindow window = new GroupWindow(3);
        MentionFacts comparison = facts("delivery", "ana", 100, "positive", "dashbite", "forkly");
        comparison.queryLabels = new String[] {"negative", "positive"};
        window.add(comparison, false);

        WindowMetrics group =
                window.whole()
                        .toMetrics(MetricScope.group, "delivery", "delivery", 0, 60_000, null, 1);
        assertThat(group.getPositive()).isEqualTo(1);
        assertThat(group.getNegative()).isZero();
        WindowMetrics dashbite =
                window.queries()
                        .get("dashbite")
                        .toMetrics(MetricScope.query, "dashbite", "delivery", 0, 60_000, null, 1);
        assertThat(dashbite.getNegative()).isEqualTo(1);
        assertThat(dashbite.getPositive()).isZero();
        WindowMetrics forkly =
                window.queries()
                        .get("forkly")
                        .toMetrics(MetricScope.query, "forkly", "delivery", 0, 60_000, null, 1);
        assertThat(forkly.getPositive()).isEqualTo(1);
    }

    @Test
    void countsSpamWhenAsked() {
        GroupWindow window = new GroupWindow(3);
        MentionFacts spam = facts(null, "bot", 0, null, "forkly");
        spam.spam = true;
        window.add(spam, true);
        assertThat(window.whole().volume()).isEqualTo(1);
        assertThat(window.group()).isNull();
    }

    /** The window's metrics: the group's, then each query's. */
    private static List<WindowMetrics> metrics(GroupWindow window) {
        List<WindowMetrics> metrics = new ArrayList<>();
        metrics.add(
                window.whole()
                        .toMetrics(MetricScope.group, "airlines", "airlines", 0, 60_000, null, 1));
        window.queries()
                .forEach(
                        (query, stats) ->
                                metrics.add(
                                        stats.toMetrics(
                                                MetricScope.query,
                                                query,
                                                "airlines",
                                                0,
                                                60_000,
                                                0.5,
                                                1)));
        return metrics;
    }

    private static List<MentionFacts> randomFacts(Random random, int count) {
        String[] sentiments = {"negative", "neutral", "positive", null};
        List<MentionFacts> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MentionFacts facts =
                    facts(
                            "airlines",
                            "author" + random.nextInt(300),
                            random.nextInt(100_000),
                            sentiments[random.nextInt(4)],
                            random.nextBoolean()
                                    ? new String[] {"skyline"}
                                    : new String[] {"skyline", "bluejet"});
            facts.engagement = random.nextInt(1_000);
            facts.hashtags = new String[] {"tag" + random.nextInt(20), "tag" + random.nextInt(20)};
            facts.topics = new String[] {"topic" + random.nextInt(10)};
            facts.spam = random.nextInt(20) == 0;
            all.add(facts);
        }
        return all;
    }

    @Test
    void partsOfAWindowMergedGiveWhatAddingEveryMentionGives() {
        List<MentionFacts> all = randomFacts(new Random(11), 3_000);
        GroupWindow whole = new GroupWindow(5);
        all.forEach(facts -> whole.add(facts, false));

        GroupWindow merged = new GroupWindow(5);
        for (List<MentionFacts> share :
                List.of(
                        all.subList(0, 1_000),
                        all.subList(1_000, 1_200),
                        all.subList(1_200, 3_000))) {
            GroupWindow part = new GroupWindow(5);
            share.forEach(facts -> part.add(facts, false));
            merged.merge(GroupWindow.fromBytes(part.toBytes()));
        }

        assertThat(metrics(merged)).isEqualTo(metrics(whole));
        assertThat(metrics(merged).get(0).getUniqueAuthors()).isEqualTo(300);
    }

    @Test
    void aWindowReadBackWithoutMergingGivesTheSameMetrics() {
        GroupWindow whole = new GroupWindow(5);
        randomFacts(new Random(12), 500).forEach(facts -> whole.add(facts, false));

        GroupWindow readBack = GroupWindow.fromBytes(whole.toBytes());

        assertThat(metrics(readBack)).isEqualTo(metrics(whole));
        assertThat(GroupWindow.fromBytes(readBack.toBytes()).queries().keySet())
                .isEqualTo(whole.queries().keySet());
        assertThat(metrics(GroupWindow.fromBytes(readBack.toBytes()))).isEqualTo(metrics(whole));
    }

    @Test
    void aWindowInAFormThisVersionCannotReadIsRefusedWithItsVersion() {
        GroupWindow window = new GroupWindow(5);
        window.add(facts("airlines", "ana", 100, "negative", "skyline"), false);
        byte[] form = window.toBytes();
        byte[] later = form.clone();
        // the version leads as a one-byte zigzag varint
        later[0] = (byte) ((GroupWindow.FORM_VERSION + 1) << 1);

        assertThat(metrics(GroupWindow.fromBytes(form))).isEqualTo(metrics(window));
        assertThatThrownBy(() -> GroupWindow.fromBytes(later))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("form version " + (GroupWindow.FORM_VERSION + 1));
    }
}
