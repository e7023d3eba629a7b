// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.window;

import io.hark.schema.EnrichedMention;
import io.hark.schema.MentionFlags;
import io.hark.schema.QuerySentiment;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the listen job decided about a mention that window metrics count it by: the queries it
 * matched, whether it is spam, its sentiment and the sentiment toward each matched query. Two
 * copies of one mention can differ here and nowhere else (a spam or copy-paste verdict depends on
 * what the listen job saw before, which differs when it processes a mention again after a failure).
 * A Flink POJO of strings and arrays, kept in state per mention.
 */
public class CountedVerdicts {
    public String[] matchedQueries;
    public boolean spam;

    /** negative, neutral, positive, or null when there is no sentiment. */
    public String sentiment;

    /**
     * The sentiment toward each of {@link #matchedQueries}, in the same order: the mention's own
     * where it has none toward that query.
     */
    public String[] queryLabels;

    public CountedVerdicts() {}

    public static CountedVerdicts of(EnrichedMention enriched) {
        CountedVerdicts verdicts = new CountedVerdicts();
        verdicts.matchedQueries = enriched.getMatchedQueries().toArray(new String[0]);
        verdicts.spam = enriched.getFlags().contains(MentionFlags.SPAM);
        verdicts.sentiment =
                enriched.getSentiment() == null ? null : enriched.getSentiment().getLabel().name();
        verdicts.queryLabels = new String[verdicts.matchedQueries.length];
        for (int i = 0; i < verdicts.matchedQueries.length; i++) {
            verdicts.queryLabels[i] = verdicts.sentiment;
            for (QuerySentiment toward : enriched.getSentimentByQuery()) {
                if (toward.getQuery().equals(verdicts.matchedQueries[i])) {
                    verdicts.queryLabels[i] = toward.getLabel().name();
                }
            }
        }
        return verdicts;
    }

    /** The sentiment toward {@code queryId}, one of {@link #matchedQueries}. */
    String labelToward(String queryId) {
        for (int i = 0; i < matchedQueries.length; i++) {
            if (matchedQueries[i].equals(queryId)) {
                return queryLabels[i];
            }
        }
        return sentiment;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CountedVerdicts that
                && spam == that.spam
                && Objects.equals(sentiment, that.sentiment)
                && Arrays.equals(matchedQueries, that.matchedQueries)
                && Arrays.equals(queryLabels, that.queryLabels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                spam, sentiment, Arrays.hashCode(matchedQueries), Arrays.hashCode(queryLabels));
    }
}
