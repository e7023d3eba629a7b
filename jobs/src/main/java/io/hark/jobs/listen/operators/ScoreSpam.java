// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.nlp.spam.SpamScore;
import io.hark.nlp.spam.SpamSignal;
import io.hark.nlp.spam.SpamText;
import io.hark.schema.Author;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionFlags;
import io.hark.schema.MentionIds;
import io.hark.schema.Spam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives each mention its spam score: the text's own signals ({@link SpamText}), those set upstream
 * (copy-paste), and, keyed by author, {@link SpamSignal#NEW_ACCOUNT_BURST} when a brand-new or
 * zero-follower account posts {@code burstPosts} times within {@code burstWindow}. A mention
 * scoring at or above {@link SpamScore#THRESHOLD} gets the {@value MentionFlags#SPAM} flag; it is
 * still indexed.
 */
public class ScoreSpam extends KeyedProcessFunction<String, EnrichedMention, EnrichedMention> {
    private static final Duration NEW_ACCOUNT_AGE = Duration.ofDays(7);

    private final int burstPosts;
    private final Duration burstWindow;

    /** Event times of the suspicious account's latest posts, at most {@code burstPosts}. */
    private transient ValueState<long[]> recentPosts;

    public ScoreSpam(int burstPosts, Duration burstWindow) {
        this.burstPosts = burstPosts;
        this.burstWindow = burstWindow;
    }

    /** The key that groups an author's posts. */
    public static String authorKey(EnrichedMention enriched) {
        return MentionIds.author(enriched.getMention());
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<long[]> descriptor =
                new ValueStateDescriptor<>(
                        "suspicious-account-posts",
                        PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(burstWindow.multipliedBy(2)).build());
        recentPosts = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(
            EnrichedMention enriched, Context ctx, Collector<EnrichedMention> out)
            throws Exception {
        Mention mention = enriched.getMention();
        if (isSuspiciousAccount(mention) && inBurst(mention.getCreatedAt().toEpochMilli())) {
            SpamMarks.addSignal(enriched, SpamSignal.NEW_ACCOUNT_BURST);
        }
        EnumSet<SpamSignal> signals = SpamMarks.signals(enriched);
        signals.addAll(
                SpamText.signals(
                        mention.getText(),
                        mention.getUrls(),
                        mention.getHashtags(),
                        mention.getMentions()));
        double score = SpamScore.of(signals);
        enriched.setSpam(new Spam(score, signals.stream().map(SpamMarks::name).toList()));
        if (SpamScore.isSpam(score) && !enriched.getFlags().contains(MentionFlags.SPAM)) {
            List<String> flags = new ArrayList<>(enriched.getFlags());
            flags.add(MentionFlags.SPAM);
            enriched.setFlags(flags);
        }
        out.collect(enriched);
    }

    private static boolean isSuspiciousAccount(Mention mention) {
        Author author = mention.getAuthor();
        boolean noFollowers = author.getFollowersCount() != null && author.getFollowersCount() == 0;
        boolean brandNew =
                author.getCreatedAt() != null
                        && Duration.between(author.getCreatedAt(), mention.getCreatedAt())
                                        .compareTo(NEW_ACCOUNT_AGE)
                                < 0;
        return noFollowers || brandNew;
    }

    /**
     * Records a post at {@code at} and says whether the latest {@code burstPosts} fall within the
     * window.
     */
    private boolean inBurst(long at) throws Exception {
        long[] previous = recentPosts.value();
        long[] posts =
                previous == null ? new long[] {at} : Arrays.copyOf(previous, previous.length + 1);
        posts[posts.length - 1] = at;
        Arrays.sort(posts);
        if (posts.length > burstPosts) {
            posts = Arrays.copyOfRange(posts, posts.length - burstPosts, posts.length);
        }
        recentPosts.update(posts);
        return posts.length == burstPosts
                && posts[posts.length - 1] - posts[0] <= burstWindow.toMillis();
    }
}
