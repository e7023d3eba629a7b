// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.report.ElasticsearchJson.Document;
import io.hark.schema.MentionIds;
import io.hark.schema.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Documents shaped as the jobs index them (window metrics, mentions, alert episodes), for the
 * report's benchmark and tests: they load Elasticsearch directly instead of running the jobs.
 */
final class ReportDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IndexTemplates indices;

    ReportDocuments(IndexTemplates indices) {
        this.indices = indices;
    }

    /** Sentiment counts of a window or a mention's label. */
    record Sentiment(long negative, long neutral, long positive) {
        long volume() {
            return negative + neutral + positive;
        }
    }

    /**
     * A 1-minute window of a query ({@code group} its group) or of a group ({@code group} null).
     */
    Document window(
            String key,
            String group,
            Instant start,
            Sentiment sentiment,
            long reach,
            long engagement) {
        String scope = group == null ? "group" : "query";
        ObjectNode document = MAPPER.createObjectNode();
        document.put("scope", scope).put("key", key);
        if (group != null) {
            document.put("group", group);
        }
        long volume = sentiment.volume();
        document.put("window_start", start.toString())
                .put("window_end", start.plus(Duration.ofMinutes(1)).toString())
                .put("volume", volume)
                .put("unique_authors", volume)
                .put("negative", sentiment.negative())
                .put("neutral", sentiment.neutral())
                .put("positive", sentiment.positive())
                .put(
                        "net_sentiment",
                        volume == 0
                                ? 0
                                : (sentiment.positive() - sentiment.negative()) / (double) volume)
                .put("reach", reach)
                .put("negative_reach", 0)
                .put("engagement", engagement)
                .put("spam_excluded", 0)
                .put("updated_at", start.plus(Duration.ofMinutes(1)).toString());
        return request(
                indices.metricsIndex(start),
                scope + ":" + key + ":" + start.toEpochMilli(),
                document);
    }

    /** A mention as the listen job indexes it, matched to {@code queries}. */
    Document mention(
            Platform platform,
            String id,
            Instant createdAt,
            String author,
            long followers,
            String text,
            String url,
            long engagement,
            String sentiment,
            List<String> queries,
            List<String> topics,
            List<String> hashtags,
            List<String> flags) {
        ObjectNode document = MAPPER.createObjectNode();
        document.put("id", id)
                .put("platform", platform.toString())
                .put("created_at", createdAt.toString())
                .put("ingested_at", createdAt.toString())
                .put("text", text)
                .put("url", url);
        document.putObject("author").put("username", author).put("followers_count", followers);
        document.putObject("engagement").put("likes", engagement).put("total", engagement);
        document.putObject("sentiment").put("label", sentiment);
        strings(document.putArray("matched_queries"), queries);
        strings(document.putArray("topics"), topics);
        strings(document.putArray("hashtags"), hashtags);
        strings(document.putArray("flags"), flags);
        return request(indices.mentionsIndex(createdAt), MentionIds.of(platform, id), document);
    }

    /** An alert episode in its latest state. */
    Document alert(
            String query,
            String group,
            String signal,
            String severity,
            String state,
            Instant start,
            Instant lastWindowEnd,
            String summary,
            String kibanaUrl) {
        ObjectNode document = MAPPER.createObjectNode();
        String alertId = query + "@" + start.toEpochMilli();
        document.put("alert_id", alertId)
                .put("state", state)
                .put("sequence", 1)
                .put("replay", false)
                .put("query_id", query)
                .put("group", group)
                .put("signal", signal)
                .put("severity", severity)
                .put("window_start", lastWindowEnd.minus(Duration.ofMinutes(1)).toString())
                .put("window_end", lastWindowEnd.toString())
                .put("episode_start", start.toString())
                .put("summary", summary)
                .put("kibana_url", kibanaUrl)
                .put("emitted_at", lastWindowEnd.toString());
        return request(indices.alertsIndex(start), alertId, document);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static Document request(String index, String id, ObjectNode document) {
        return new Document(index, id, document.toString());
    }
}
