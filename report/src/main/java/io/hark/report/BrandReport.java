// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import java.time.Instant;
import java.util.List;

/**
 * What a brand report shows, read from Elasticsearch aggregations: everything {@link ReportHtml}
 * needs, and nothing it has to compute from documents.
 *
 * @param buckets the starts of the timeline's buckets, in order
 * @param queries the reported queries, most mentioned first
 * @param groupVolumes each reported group's mentions (a mention matching two of its queries counts
 *     once), this period and the previous one, for share of voice
 * @param sentimentOverTime the reported queries' negative, neutral and positive mentions per bucket
 */
public record BrandReport(
        ReportPeriod period,
        String indexPrefix,
        List<Instant> buckets,
        List<QueryRow> queries,
        List<GroupVolume> groupVolumes,
        SentimentSeries sentimentOverTime,
        List<AlertEpisode> alerts,
        List<TermRow> topTopics,
        List<TermRow> topHashtags,
        List<TermRow> risingTopics,
        List<TermRow> risingHashtags,
        List<TopPost> topPosts,
        List<TopAuthor> topAuthors,
        Freshness freshness,
        Instant generatedAt) {
    public BrandReport {
        buckets = List.copyOf(buckets);
        queries = List.copyOf(queries);
        groupVolumes = List.copyOf(groupVolumes);
        alerts = List.copyOf(alerts);
        topTopics = List.copyOf(topTopics);
        topHashtags = List.copyOf(topHashtags);
        risingTopics = List.copyOf(risingTopics);
        risingHashtags = List.copyOf(risingHashtags);
        topPosts = List.copyOf(topPosts);
        topAuthors = List.copyOf(topAuthors);
    }

    /** The groups of the reported queries, in the order of their first query. */
    public List<String> groups() {
        return queries.stream().map(QueryRow::group).filter(g -> g != null).distinct().toList();
    }

    public long volume() {
        return queries.stream().mapToLong(q -> q.current().volume()).sum();
    }

    public long previousVolume() {
        return queries.stream().mapToLong(q -> q.previous().volume()).sum();
    }

    /** One listening query: its definition when known, its totals and its mentions per bucket. */
    public record QueryRow(
            String id,
            String name,
            String group,
            String definition,
            Totals current,
            Totals previous,
            List<Long> volumeOverTime) {}

    /** A query's sums over a period. */
    public record Totals(
            long volume, long negative, long neutral, long positive, long reach, long engagement) {
        public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

        /** (positive - negative) / mentions with a sentiment, or null without any. */
        public Double netSentiment() {
            long scored = negative + neutral + positive;
            return scored == 0 ? null : (positive - negative) / (double) scored;
        }
    }

    public record GroupVolume(String group, long current, long previous) {}

    public record SentimentSeries(List<Long> negative, List<Long> neutral, List<Long> positive) {}

    /** An alert episode, in its latest state, overlapping the period. */
    public record AlertEpisode(
            String alertId,
            String queryId,
            String group,
            String signal,
            String severity,
            String state,
            Instant start,
            Instant lastWindowEnd,
            String summary,
            String kibanaUrl) {}

    /** A topic or hashtag with its mentions this period and the previous one (spam excluded). */
    public record TermRow(String term, long count, long previousCount) {}

    public record TopPost(
            String id,
            String platform,
            String author,
            String text,
            String url,
            long engagement,
            String sentiment,
            Instant createdAt) {}

    public record TopAuthor(String username, String platform, long followers, long mentions) {}

    /** The newest data the indices hold for the reported queries, at most the period's end. */
    public record Freshness(Instant latestMention, Instant latestWindowEnd) {}
}
