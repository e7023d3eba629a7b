// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.schema.KeyCount;
import io.hark.schema.MetricScope;
import io.hark.schema.TopPost;
import io.hark.schema.WindowMetrics;
import org.junit.jupiter.api.Test;

class GroupWindowTest {
  private static int next;

  static MentionFacts facts(String group, String author, long followers, String sentiment, String... queryIds) {
    MentionFacts facts = new MentionFacts();
    facts.windowKey = group == null ? MentionFacts.queryKey(queryIds[0]) : MentionFacts.groupKey(group);
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
    facts.engagement = followers / 10;
    facts.hashtags = new String[] {"delay"};
    facts.topics = new String[] {sentiment == null ? "none" : sentiment + " topic"};
    return facts;
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

    WindowMetrics group = window.whole().toMetrics(MetricScope.group, "airlines", "airlines", 0, 60_000, null, 1);
    assertThat(group.getVolume()).isEqualTo(3);
    assertThat(group.getUniqueAuthors()).isEqualTo(2);
    assertThat(group.getNegative()).isEqualTo(2);
    assertThat(group.getPositive()).isEqualTo(1);
    assertThat(group.getNetSentiment()).isEqualTo(-1.0 / 3);
    assertThat(group.getReach()).isEqualTo(5200);
    assertThat(group.getNegativeReach()).isEqualTo(5100);
    assertThat(group.getSpamExcluded()).isEqualTo(1);
    assertThat(group.getTopAuthors()).extracting(a -> a.getUsername() + ":" + a.getPosts()).containsExactly("bo:1", "ana:2");
    assertThat(group.getTopHashtags()).containsExactly(new KeyCount("delay", 3L, 0L));
    assertThat(group.getTopTerms()).extracting(KeyCount::getKey).containsExactly("negative topic");
    assertThat(group.getTopNegativePosts()).extracting(TopPost::getAuthor).containsExactly("bo", "ana");

    assertThat(window.queries()).containsOnlyKeys("bluejet", "skyline");
    assertThat(window.queries().get("skyline").volume()).isEqualTo(2);
    assertThat(window.queries().get("bluejet").volume()).isEqualTo(2);
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
}
