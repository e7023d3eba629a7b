// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.window;

import io.hark.analytics.sketch.CompactReader;
import io.hark.analytics.sketch.CompactWriter;
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
import java.util.PriorityQueue;

/**
 * The running totals of one query or group in one window. Counts are exact; hashtags, topics and
 * terms are heavy-hitter sketches, posts a bounded top-n, so a window's state stays bounded by its
 * number of distinct authors.
 */
public final class WindowStats implements Serializable {
    /** Sketch counters per top list: a few times the size of the list keeps its counts accurate. */
    private static final int SKETCH_FACTOR = 5;

    private record Post(
            String id,
            String text,
            String url,
            String author,
            long reach,
            long engagement,
            String sentiment)
            implements Serializable {
        void writeTo(CompactWriter out) {
            out.writeString(id);
            out.writeString(text);
            out.writeString(url);
            out.writeString(author);
            out.writeLong(reach);
            out.writeLong(engagement);
            out.writeString(sentiment);
        }

        static Post readFrom(CompactReader in) {
            return new Post(
                    in.readString(),
                    in.readString(),
                    in.readString(),
                    in.readString(),
                    in.readLong(),
                    in.readLong(),
                    in.readString());
        }
    }

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

    /** Most followed first, then most posts, then by name and platform. */
    private static final Comparator<AuthorTally> AUTHOR_ORDER =
            Comparator.comparingLong((AuthorTally a) -> a.followers)
                    .reversed()
                    .thenComparing(Comparator.comparingLong((AuthorTally a) -> a.posts).reversed())
                    .thenComparing(a -> a.username)
                    .thenComparing(a -> a.platform);

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

    /**
     * Stats read back ({@link #readFrom}) leave their authors unread until they are added to or
     * merged ({@link #readAuthorsFrom}): most windows come in one part, whose metrics need only the
     * number of authors and the first few, which come with the stats, and reading every author was
     * most of the cost of merging. Null once the authors are read.
     */
    private transient List<TopAuthor> unreadTopAuthors;

    private transient long unreadAuthorCount;
    private final HeavyHitters hashtags;
    private final HeavyHitters topics;
    private final HeavyHitters negativeTopics;
    private final TopN<Post> topPosts;
    private final TopN<Post> topNegativePosts;

    public WindowStats(int topK) {
        this(
                topK,
                new HeavyHitters(topK * SKETCH_FACTOR),
                new HeavyHitters(topK * SKETCH_FACTOR),
                new HeavyHitters(topK * SKETCH_FACTOR),
                new TopN<>(topK),
                new TopN<>(topK));
    }

    private WindowStats(
            int topK,
            HeavyHitters hashtags,
            HeavyHitters topics,
            HeavyHitters negativeTopics,
            TopN<Post> topPosts,
            TopN<Post> topNegativePosts) {
        this.topK = topK;
        this.hashtags = hashtags;
        this.topics = topics;
        this.negativeTopics = negativeTopics;
        this.topPosts = topPosts;
        this.topNegativePosts = topNegativePosts;
    }

    /**
     * Counts a mention, or, if it is spam and spam is left out, only notes that it was.
     *
     * @param sentiment the label to count it with: the whole text's for a group, the one toward the
     *     query for a query
     */
    public void add(MentionFacts facts, String sentiment, boolean countSpam) {
        requireAuthorsRead();
        if (facts.retraction) {
            takeBack(facts, sentiment, countSpam);
            return;
        }
        if (facts.spam && !countSpam) {
            spamExcluded++;
            return;
        }
        volume++;
        reach += facts.followers;
        engagement += facts.engagement;
        countAuthor(facts.authorKey, facts.authorUsername, facts.platform, facts.followers, 1);
        for (String hashtag : facts.hashtags) {
            hashtags.add(hashtag);
        }
        for (String topic : facts.topics) {
            topics.add(topic);
        }
        boolean isNegative = "negative".equals(sentiment);
        // by reach first: an angry post seen by many is what on-call needs to read
        double negativeRank = facts.followers + facts.engagement / 1e6;
        boolean topPost = topPosts.wouldKeep(facts.documentId, facts.engagement);
        boolean topNegativePost =
                isNegative && topNegativePosts.wouldKeep(facts.documentId, negativeRank);
        if (topPost || topNegativePost) {
            Post post =
                    new Post(
                            facts.documentId,
                            facts.text,
                            facts.url,
                            facts.authorUsername,
                            facts.followers,
                            facts.engagement,
                            sentiment);
            if (topPost) {
                topPosts.offer(facts.documentId, facts.engagement, post);
            }
            if (topNegativePost) {
                topNegativePosts.offer(facts.documentId, negativeRank, post);
            }
        }
        if (isNegative) {
            negative++;
            negativeReach += facts.followers;
            for (String topic : facts.topics) {
                negativeTopics.add(topic);
            }
        } else if ("positive".equals(sentiment)) {
            positive++;
        } else if ("neutral".equals(sentiment)) {
            neutral++;
        }
    }

    /**
     * Undoes {@link #add} of the same facts. Totals come out exact; a hashtag or topic the sketch
     * dropped stays dropped, and a post taken off a top list leaves its place to the next one
     * offered.
     */
    private void takeBack(MentionFacts facts, String sentiment, boolean countSpam) {
        if (facts.spam && !countSpam) {
            spamExcluded--;
            return;
        }
        volume--;
        reach -= facts.followers;
        engagement -= facts.engagement;
        countAuthor(facts.authorKey, facts.authorUsername, facts.platform, facts.followers, -1);
        for (String hashtag : facts.hashtags) {
            hashtags.takeBack(hashtag);
        }
        for (String topic : facts.topics) {
            topics.takeBack(topic);
        }
        topPosts.remove(facts.documentId);
        topNegativePosts.remove(facts.documentId);
        if ("negative".equals(sentiment)) {
            negative--;
            negativeReach -= facts.followers;
            for (String topic : facts.topics) {
                negativeTopics.takeBack(topic);
            }
        } else if ("positive".equals(sentiment)) {
            positive--;
        } else if ("neutral".equals(sentiment)) {
            neutral--;
        }
    }

    /**
     * Adds the totals of another part of the same window: the result is what adding all its
     * mentions here would have given, exactly while the hashtag and topic sketches hold every key.
     */
    public void merge(WindowStats other) {
        requireAuthorsRead();
        other.requireAuthorsRead();
        volume += other.volume;
        negative += other.negative;
        neutral += other.neutral;
        positive += other.positive;
        reach += other.reach;
        negativeReach += other.negativeReach;
        engagement += other.engagement;
        spamExcluded += other.spamExcluded;
        other.authors.forEach(
                (key, theirs) ->
                        countAuthor(
                                key,
                                theirs.username,
                                theirs.platform,
                                theirs.followers,
                                theirs.posts));
        hashtags.merge(other.hashtags);
        topics.merge(other.topics);
        negativeTopics.merge(other.negativeTopics);
        topPosts.merge(other.topPosts);
        topNegativePosts.merge(other.topNegativePosts);
    }

    /** An author's posts, with the most followers any of them showed. */
    private void countAuthor(
            String key, String username, String platform, long followers, long posts) {
        AuthorTally author = authors.computeIfAbsent(key, k -> new AuthorTally(username, platform));
        author.followers = Math.max(author.followers, followers);
        author.posts += posts;
        if (author.posts == 0) {
            authors.remove(key);
        }
    }

    /**
     * The totals, sketches and top lists in binary form ({@link GroupWindow#toBytes}), with the
     * number of authors and the top ones; the authors themselves go separately ({@link
     * #writeAuthorsTo}).
     */
    void writeTo(CompactWriter out) {
        requireAuthorsRead();
        out.writeInt(topK);
        for (long total :
                new long[] {
                    volume,
                    negative,
                    neutral,
                    positive,
                    reach,
                    negativeReach,
                    engagement,
                    spamExcluded
                }) {
            out.writeLong(total);
        }
        hashtags.writeTo(out);
        topics.writeTo(out);
        negativeTopics.writeTo(out);
        topPosts.writeTo(out, (output, post) -> post.writeTo(output));
        topNegativePosts.writeTo(out, (output, post) -> post.writeTo(output));
        out.writeLong(authors.size());
        List<TopAuthor> top = topAuthors();
        out.writeInt(top.size());
        for (TopAuthor author : top) {
            out.writeString(author.getUsername());
            out.writeString(author.getPlatform());
            out.writeLong(author.getFollowers());
            out.writeLong(author.getPosts());
        }
    }

    void writeAuthorsTo(CompactWriter out) {
        out.writeInt(authors.size());
        authors.forEach(
                (key, author) -> {
                    out.writeString(key);
                    out.writeString(author.username);
                    out.writeString(author.platform);
                    out.writeLong(author.followers);
                    out.writeLong(author.posts);
                });
    }

    /** Stats {@link #writeTo} wrote, their authors unread. */
    static WindowStats readFrom(CompactReader in) {
        int topK = in.readInt();
        long[] totals = new long[8];
        for (int i = 0; i < totals.length; i++) {
            totals[i] = in.readLong();
        }
        WindowStats stats =
                new WindowStats(
                        topK,
                        HeavyHitters.readFrom(in),
                        HeavyHitters.readFrom(in),
                        HeavyHitters.readFrom(in),
                        TopN.readFrom(in, Post::readFrom),
                        TopN.readFrom(in, Post::readFrom));
        stats.volume = totals[0];
        stats.negative = totals[1];
        stats.neutral = totals[2];
        stats.positive = totals[3];
        stats.reach = totals[4];
        stats.negativeReach = totals[5];
        stats.engagement = totals[6];
        stats.spamExcluded = totals[7];
        stats.unreadAuthorCount = in.readLong();
        TopAuthor[] top = new TopAuthor[in.readInt()];
        for (int i = 0; i < top.length; i++) {
            top[i] = new TopAuthor(in.readString(), in.readString(), in.readLong(), in.readLong());
        }
        stats.unreadTopAuthors = List.of(top);
        return stats;
    }

    /** Reads the authors {@link #writeAuthorsTo} wrote. */
    void readAuthorsFrom(CompactReader in) {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String key = in.readString();
            AuthorTally author = new AuthorTally(in.readString(), in.readString());
            author.followers = in.readLong();
            author.posts = in.readLong();
            authors.put(key, author);
        }
        unreadTopAuthors = null;
    }

    private void requireAuthorsRead() {
        if (unreadTopAuthors != null) {
            throw new IllegalStateException(
                    "the authors of stats read back must be read before they change or are written");
        }
    }

    public long volume() {
        return volume;
    }

    public WindowMetrics toMetrics(
            MetricScope scope,
            String key,
            String group,
            long windowStart,
            long windowEnd,
            Double shareOfVoice,
            long emittedAt) {
        long withSentiment = negative + neutral + positive;
        return WindowMetrics.newBuilder()
                .setScope(scope)
                .setKey(key)
                .setGroup(group)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setVolume(volume)
                .setUniqueAuthors(unreadTopAuthors != null ? unreadAuthorCount : authors.size())
                .setNegative(negative)
                .setNeutral(neutral)
                .setPositive(positive)
                .setNetSentiment(
                        withSentiment == 0 ? 0 : (double) (positive - negative) / withSentiment)
                .setReach(reach)
                .setNegativeReach(negativeReach)
                .setEngagement(engagement)
                .setShareOfVoice(shareOfVoice)
                .setSpamExcluded(spamExcluded)
                .setTopHashtags(keyCounts(hashtags))
                .setTopTopics(keyCounts(topics))
                .setTopTerms(keyCounts(negativeTopics))
                .setTopAuthors(unreadTopAuthors != null ? unreadTopAuthors : topAuthors())
                .setTopPosts(posts(topPosts))
                .setTopNegativePosts(posts(topNegativePosts))
                .setUpdatedAt(Instant.ofEpochMilli(emittedAt))
                .build();
    }

    /** The {@code topK} first authors in {@link #AUTHOR_ORDER}, picked without sorting them all. */
    private List<TopAuthor> topAuthors() {
        PriorityQueue<AuthorTally> top = new PriorityQueue<>(topK + 1, AUTHOR_ORDER.reversed());
        for (AuthorTally author : authors.values()) {
            top.add(author);
            if (top.size() > topK) {
                top.poll();
            }
        }
        return top.stream()
                .sorted(AUTHOR_ORDER)
                .map(a -> new TopAuthor(a.username, a.platform, a.followers, a.posts))
                .toList();
    }

    private List<KeyCount> keyCounts(HeavyHitters sketch) {
        return sketch.top(topK).stream()
                .map(e -> new KeyCount(e.key(), e.count(), e.error()))
                .toList();
    }

    private static List<TopPost> posts(TopN<Post> top) {
        return top.items().stream()
                .map(
                        p ->
                                new TopPost(
                                        p.id(),
                                        p.text(),
                                        p.url(),
                                        p.author(),
                                        p.reach(),
                                        p.engagement(),
                                        p.sentiment()))
                .toList();
    }
}
