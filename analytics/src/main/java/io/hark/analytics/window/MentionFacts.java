// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.window;

import io.hark.schema.Engagements;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What window metrics need of one enriched mention, for one window key: a query group, or a query
 * without one. A Flink POJO of strings, numbers and arrays, so shuffles stay small and Kryo-free.
 */
public class MentionFacts {
    /** {@code group:NAME} or {@code query:ID}. */
    public String windowKey;

    public String group;

    /** The queries of this window key the mention matched. */
    public String[] queryIds;

    public long createdAt;
    public String documentId;
    public String text;
    public String url;
    public String platform;
    public String authorKey;
    public String authorUsername;
    public long followers;

    /** negative, neutral, positive, or null when there is no sentiment. */
    public String sentiment;

    /**
     * The sentiment toward each of {@link #queryIds}, in the same order, like {@link #sentiment}.
     */
    public String[] queryLabels;

    public long engagement;
    public String[] hashtags;
    public String[] topics;
    public boolean spam;

    /**
     * Takes back these facts, counted earlier for the same mention: a later copy of it says
     * otherwise (a spam verdict or a label the listen job gave differently the second time).
     */
    public boolean retraction;

    public MentionFacts() {}

    /**
     * One per window key: one for each group among the mention's matched queries (so a mention
     * matching two queries of a group counts once for the group), and one for each matched query
     * without a group. None for a mention matching no query.
     */
    public static List<MentionFacts> perWindowKey(EnrichedMention enriched, WindowKeys windowKeys) {
        return perWindowKey(enriched, CountedVerdicts.of(enriched), windowKeys, false);
    }

    /**
     * What {@link #perWindowKey} gave for an earlier copy of {@code enriched} that the listen job
     * gave {@code counted} verdicts, to be taken back ({@link #retraction}).
     */
    public static List<MentionFacts> retractions(
            EnrichedMention enriched, CountedVerdicts counted, WindowKeys windowKeys) {
        return perWindowKey(enriched, counted, windowKeys, true);
    }

    private static List<MentionFacts> perWindowKey(
            EnrichedMention enriched,
            CountedVerdicts verdicts,
            WindowKeys windowKeys,
            boolean retraction) {
        String[] matched = verdicts.matchedQueries;
        if (matched.length == 1) {
            return List.of(
                    of(
                            enriched,
                            verdicts,
                            windowKeys.of(matched[0]),
                            new String[] {matched[0]},
                            retraction));
        }
        Map<WindowKeys.WindowKey, List<String>> queriesByWindowKey = new LinkedHashMap<>();
        for (String queryId : matched) {
            queriesByWindowKey
                    .computeIfAbsent(windowKeys.of(queryId), key -> new ArrayList<>())
                    .add(queryId);
        }
        List<MentionFacts> facts = new ArrayList<>(queriesByWindowKey.size());
        queriesByWindowKey.forEach(
                (key, queryIds) ->
                        facts.add(
                                of(
                                        enriched,
                                        verdicts,
                                        key,
                                        queryIds.toArray(new String[0]),
                                        retraction)));
        return facts;
    }

    private static MentionFacts of(
            EnrichedMention enriched,
            CountedVerdicts verdicts,
            WindowKeys.WindowKey windowKey,
            String[] queryIds,
            boolean retraction) {
        Mention mention = enriched.getMention();
        MentionFacts facts = new MentionFacts();
        facts.windowKey = windowKey.key();
        facts.group = windowKey.group();
        facts.queryIds = queryIds;
        facts.createdAt = mention.getCreatedAt().toEpochMilli();
        facts.documentId = MentionIds.of(mention);
        facts.text = mention.getText();
        facts.url = mention.getUrl();
        facts.platform = mention.getPlatform().name();
        facts.authorKey = MentionIds.author(mention);
        facts.authorUsername = mention.getAuthor().getUsername();
        facts.followers =
                mention.getAuthor().getFollowersCount() == null
                        ? 0
                        : mention.getAuthor().getFollowersCount();
        facts.sentiment = verdicts.sentiment;
        facts.queryLabels = new String[queryIds.length];
        for (int i = 0; i < queryIds.length; i++) {
            facts.queryLabels[i] = verdicts.labelToward(queryIds[i]);
        }
        facts.engagement = Engagements.total(mention.getEngagement());
        List<String> hashtags = mention.getHashtags();
        facts.hashtags = new String[hashtags.size()];
        for (int i = 0; i < facts.hashtags.length; i++) {
            facts.hashtags[i] = hashtags.get(i).toLowerCase(Locale.ROOT);
        }
        facts.topics = enriched.getTopics().toArray(new String[0]);
        facts.spam = verdicts.spam;
        facts.retraction = retraction;
        return facts;
    }

    public static String groupKey(String group) {
        return "group:" + group;
    }

    public static String queryKey(String queryId) {
        return "query:" + queryId;
    }
}
