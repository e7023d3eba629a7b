// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.sketch.HeavyHitters;
import io.hark.analytics.sketch.TopN;
import io.hark.schema.KeyCount;
import io.hark.schema.MetricScope;
import io.hark.schema.TopAuthor;
import io.hark.schema.TopPost;
import io.hark.schema.WindowMetrics;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running totals of one query or group in one window. Counts are exact; hashtags, topics and
 * terms are heavy-hitter sketches, posts a bounded top-n, so a window's state stays bounded by its
 * number of distinct authors.
 */
public final class WindowStats implements Serializable {
  /** Sketch counters per top list: a few times the size of the list keeps its counts accurate. */
  private static final int SKETCH_FACTOR = 5;

  private record Post(String id, String text, String url, String author, long reach, long engagement,
                      String sentiment) implements Serializable {}

  private static final class AuthorTally implements Serializable {
    final String username;
    final String platform;
    long followers;
    long posts;

    AuthorTally(String username, String platform) {
      this.username = username;
      this.platform = platform;
    }
  }

  private final int topK;
  private long volume;
  private long negative;
  private long neutral;
  private long positive;
  private long reach;
  private long negativeReach;
  private long engagement;
  private long spamExcluded;
  private final Map<String, AuthorTally> authors = new HashMap<>();
  private final HeavyHitters hashtags;
  private final HeavyHitters topics;
  private final HeavyHitters negativeTopics;
  private final TopN<Post> topPosts;
  private final TopN<Post> topNegativePosts;

  public WindowStats(int topK) {
    this.topK = topK;
    this.hashtags = new HeavyHitters(topK * SKETCH_FACTOR);
    this.topics = new HeavyHitters(topK * SKETCH_FACTOR);
    this.negativeTopics = new HeavyHitters(topK * SKETCH_FACTOR);
    this.topPosts = new TopN<>(topK);
    this.topNegativePosts = new TopN<>(topK);
  }

  /** Counts a mention, or, if it is spam and spam is left out, only notes that it was. */
  public void add(MentionFacts facts, boolean countSpam) {
    if (facts.spam && !countSpam) {
      spamExcluded++;
      return;
    }
    volume++;
    reach += facts.followers;
    engagement += facts.engagement;
    AuthorTally author = authors.computeIfAbsent(facts.authorKey, key -> new AuthorTally(facts.authorUsername, facts.platform));
    author.followers = Math.max(author.followers, facts.followers);
    author.posts++;
    for (String hashtag : facts.hashtags) {
      hashtags.add(hashtag);
    }
    for (String topic : facts.topics) {
      topics.add(topic);
    }
    Post post = new Post(facts.documentId, facts.text, facts.url, facts.authorUsername, facts.followers,
        facts.engagement, facts.sentiment);
    topPosts.offer(facts.documentId, facts.engagement, post);
    if ("negative".equals(facts.sentiment)) {
      negative++;
      negativeReach += facts.followers;
      for (String topic : facts.topics) {
        negativeTopics.add(topic);
      }
      // by reach first: an angry post seen by many is what on-call needs to read
      topNegativePosts.offer(facts.documentId, facts.followers + facts.engagement / 1e6, post);
    } else if ("positive".equals(facts.sentiment)) {
      positive++;
    } else if ("neutral".equals(facts.sentiment)) {
      neutral++;
    }
  }

  public long volume() {
    return volume;
  }

  public WindowMetrics toMetrics(MetricScope scope, String key, String group, long windowStart, long windowEnd,
      Double shareOfVoice, long emittedAt) {
    long withSentiment = negative + neutral + positive;
    return WindowMetrics.newBuilder()
        .setScope(scope)
        .setKey(key)
        .setGroup(group)
        .setWindowStart(Instant.ofEpochMilli(windowStart))
        .setWindowEnd(Instant.ofEpochMilli(windowEnd))
        .setVolume(volume)
        .setUniqueAuthors(authors.size())
        .setNegative(negative)
        .setNeutral(neutral)
        .setPositive(positive)
        .setNetSentiment(withSentiment == 0 ? 0 : (double) (positive - negative) / withSentiment)
        .setReach(reach)
        .setNegativeReach(negativeReach)
        .setEngagement(engagement)
        .setShareOfVoice(shareOfVoice)
        .setSpamExcluded(spamExcluded)
        .setTopHashtags(keyCounts(hashtags))
        .setTopTopics(keyCounts(topics))
        .setTopTerms(keyCounts(negativeTopics))
        .setTopAuthors(authors.values().stream()
            .sorted(Comparator.comparingLong((AuthorTally a) -> a.followers).reversed()
                .thenComparing(Comparator.comparingLong((AuthorTally a) -> a.posts).reversed())
                .thenComparing(a -> a.username))
            .limit(topK)
            .map(a -> new TopAuthor(a.username, a.platform, a.followers, a.posts))
            .toList())
        .setTopPosts(posts(topPosts))
        .setTopNegativePosts(posts(topNegativePosts))
        .setUpdatedAt(Instant.ofEpochMilli(emittedAt))
        .build();
  }

  private List<KeyCount> keyCounts(HeavyHitters sketch) {
    return sketch.top(topK).stream().map(e -> new KeyCount(e.key(), e.count(), e.error())).toList();
  }

  private static List<TopPost> posts(TopN<Post> top) {
    return top.items().stream()
        .map(p -> new TopPost(p.id(), p.text(), p.url(), p.author(), p.reach(), p.engagement(), p.sentiment()))
        .toList();
  }
}
