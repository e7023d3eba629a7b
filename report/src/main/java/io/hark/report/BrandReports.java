// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.queries.QueryDefinition;
import io.hark.report.BrandReport.AlertEpisode;
import io.hark.report.BrandReport.Freshness;
import io.hark.report.BrandReport.GroupVolume;
import io.hark.report.BrandReport.QueryRow;
import io.hark.report.BrandReport.SentimentSeries;
import io.hark.report.BrandReport.TermRow;
import io.hark.report.BrandReport.TopAuthor;
import io.hark.report.BrandReport.TopPost;
import io.hark.report.BrandReport.Totals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link BrandReport} from Hark's indices with aggregations only, so its cost follows the
 * number of buckets, not of documents: the window metrics give volume, sentiment (per query, as the
 * metrics job scores it) and share of voice per bucket and period; the mentions give topics,
 * hashtags, posts and authors, spam left out as the dashboards' "Hide spam" filter does; the alerts
 * index gives the episodes. The previous period of the same length is a second search each.
 */
public final class BrandReports {
    static final int TOP = 10;

    /** Terms compared with the previous period to find the rising ones. */
    static final int RISING_CANDIDATES = 50;

    /** Fewer mentions than this in the period cannot make a term "rising". */
    static final int RISING_MIN_COUNT = 3;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ElasticsearchJson elasticsearch;
    private final Clock clock;

    private BrandReports(ElasticsearchJson elasticsearch, Clock clock) {
        this.elasticsearch = elasticsearch;
        this.clock = clock;
    }

    public static BrandReport read(ElasticsearchJson elasticsearch, ReportSpec spec, Clock clock) {
        return new BrandReports(elasticsearch, clock).read(spec);
    }

    /**
     * The whole minutes that hold every window in {@code PREFIX-metrics}: the period of a report on
     * everything indexed, e.g. after {@code hark local --exit-after-drain}.
     */
    public static ReportPeriod coveringPeriod(
            ElasticsearchJson elasticsearch, String indexPrefix, ZoneId zone) {
        ObjectNode body = JSON.objectNode().put("size", 0);
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("first").putObject("min").put("field", "window_start");
        aggs.putObject("last").putObject("max").put("field", "window_end");
        elasticsearch.refresh(indexPrefix + "-*");
        JsonNode response = elasticsearch.search(indexPrefix + "-metrics", body);
        Instant first = instant(response.at("/aggregations/first"));
        Instant last = instant(response.at("/aggregations/last"));
        if (first == null || last == null) {
            throw new ReportException(
                    "no window metrics in " + indexPrefix + "-metrics: nothing to report");
        }
        return new ReportPeriod(
                first.truncatedTo(ChronoUnit.MINUTES),
                last.truncatedTo(ChronoUnit.MINUTES).equals(last)
                        ? last
                        : last.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)),
                zone);
    }

    private BrandReport read(ReportSpec spec) {
        ReportPeriod period = spec.period();
        Map<String, String> groupOfQuery = selectQueries(spec);
        List<String> queryIds = List.copyOf(groupOfQuery.keySet());
        List<String> groups =
                groupOfQuery.values().stream().filter(g -> g != null).distinct().toList();

        JsonNode current =
                elasticsearch.search(
                        spec.metricsIndex(), metricsSearch(spec, period, queryIds, groups, true));
        JsonNode previous =
                elasticsearch.search(
                        spec.metricsIndex(),
                        metricsSearch(spec, period.previous(), queryIds, groups, false));
        List<Instant> buckets = new ArrayList<>();
        Map<String, List<Long>> volumeOverTime = new HashMap<>();
        queryIds.forEach(id -> volumeOverTime.put(id, new ArrayList<>()));
        List<Long> negative = new ArrayList<>();
        List<Long> neutral = new ArrayList<>();
        List<Long> positive = new ArrayList<>();
        for (JsonNode bucket : current.at("/aggregations/queries/over_time/buckets")) {
            buckets.add(Instant.ofEpochMilli(bucket.path("key").asLong()));
            Map<String, Long> perQuery = new HashMap<>();
            for (JsonNode query : bucket.path("per_query").path("buckets")) {
                perQuery.put(query.path("key").asText(), sum(query, "volume"));
            }
            queryIds.forEach(id -> volumeOverTime.get(id).add(perQuery.getOrDefault(id, 0L)));
            negative.add(sum(bucket, "negative"));
            neutral.add(sum(bucket, "neutral"));
            positive.add(sum(bucket, "positive"));
        }
        Map<String, Totals> currentTotals = totals(current);
        Map<String, Totals> previousTotals = totals(previous);
        Map<String, QueryDefinition> definitions = new HashMap<>();
        spec.definitions().forEach(d -> definitions.put(d.id(), d));
        List<QueryRow> rows = new ArrayList<>();
        for (String id : queryIds) {
            QueryDefinition definition = definitions.get(id);
            rows.add(
                    new QueryRow(
                            id,
                            definition == null ? id : definition.name(),
                            groupOfQuery.get(id),
                            definition == null ? null : definition.query(),
                            currentTotals.getOrDefault(id, Totals.NONE),
                            previousTotals.getOrDefault(id, Totals.NONE),
                            volumeOverTime.get(id)));
        }
        rows.sort(
                Comparator.comparingLong((QueryRow row) -> -row.current().volume())
                        .thenComparing(QueryRow::id));
        Map<String, Long> groupsNow = groupVolumes(current);
        Map<String, Long> groupsBefore = groupVolumes(previous);
        List<GroupVolume> groupVolumes =
                groups.stream()
                        .map(
                                g ->
                                        new GroupVolume(
                                                g,
                                                groupsNow.getOrDefault(g, 0L),
                                                groupsBefore.getOrDefault(g, 0L)))
                        .toList();

        JsonNode mentions =
                elasticsearch.search(spec.mentionsIndex(), mentionsSearch(period, queryIds));
        List<TermRow> topics = terms(mentions.at("/aggregations/topics/buckets"));
        List<TermRow> hashtags = terms(mentions.at("/aggregations/hashtags/buckets"));
        JsonNode earlierMentions =
                elasticsearch.search(
                        spec.mentionsIndex(),
                        earlierTermsSearch(period.previous(), queryIds, topics, hashtags));
        topics = withPrevious(topics, earlierMentions.at("/aggregations/topics/buckets"));
        hashtags = withPrevious(hashtags, earlierMentions.at("/aggregations/hashtags/buckets"));

        JsonNode alerts = elasticsearch.search(spec.alertsIndex(), alertsSearch(period, queryIds));
        return new BrandReport(
                period,
                spec.indexPrefix(),
                buckets,
                rows,
                groupVolumes,
                new SentimentSeries(negative, neutral, positive),
                alertEpisodes(alerts),
                top(topics),
                top(hashtags),
                rising(topics),
                rising(hashtags),
                topPosts(mentions),
                topAuthors(mentions),
                new Freshness(
                        instant(mentions.at("/aggregations/latest_mention")),
                        instant(current.at("/aggregations/queries/latest_window_end"))),
                clock.instant());
    }

    /**
     * The reported queries and their groups: those asked for by id, and every query of the asked
     * groups (or every query, when nothing was asked) that has window metrics in the period.
     */
    private Map<String, String> selectQueries(ReportSpec spec) {
        ReportPeriod period = spec.period();
        ArrayNode filters = JSON.arrayNode();
        filters.add(range("window_start", period));
        filters.add(term("scope", "query"));
        if (!spec.groups().isEmpty() || !spec.queries().isEmpty()) {
            ObjectNode bool = JSON.objectNode();
            ArrayNode should = bool.putArray("should");
            if (!spec.groups().isEmpty()) {
                should.add(terms("group", spec.groups()));
            }
            if (!spec.queries().isEmpty()) {
                should.add(terms("key", spec.queries()));
            }
            bool.put("minimum_should_match", 1);
            filters.addObject().set("bool", bool);
        }
        ObjectNode body = JSON.objectNode().put("size", 0);
        body.putObject("query").putObject("bool").set("filter", filters);
        ObjectNode keys = body.putObject("aggs").putObject("keys");
        keys.putObject("terms").put("field", "key").put("size", 10_000);
        keys.putObject("aggs")
                .putObject("group")
                .putObject("terms")
                .put("field", "group")
                .put("size", 1);
        JsonNode response = elasticsearch.search(spec.metricsIndex(), body);

        Map<String, String> groupOfQuery = new LinkedHashMap<>();
        for (JsonNode key : response.at("/aggregations/keys/buckets")) {
            JsonNode group = key.at("/group/buckets/0/key");
            groupOfQuery.put(
                    key.path("key").asText(), group.isMissingNode() ? null : group.asText());
        }
        Map<String, QueryDefinition> definitions = new HashMap<>();
        spec.definitions().forEach(d -> definitions.put(d.id(), d));
        for (String asked : spec.queries()) {
            QueryDefinition definition = definitions.get(asked);
            groupOfQuery.putIfAbsent(asked, definition == null ? null : definition.group());
        }
        if (response.at("/hits/total/value").asLong() == 0) {
            throw new ReportException(noDataReason(spec));
        }
        return groupOfQuery;
    }

    private String noDataReason(ReportSpec spec) {
        ReportPeriod period = spec.period();
        ObjectNode anything = JSON.objectNode().put("size", 0).put("track_total_hits", true);
        anything.putObject("aggs").putObject("latest").putObject("max").put("field", "window_end");
        JsonNode all = elasticsearch.search(spec.metricsIndex(), anything);
        long documents = all.at("/hits/total/value").asLong();
        String what =
                "no window metrics for "
                        + spec.selection()
                        + " in "
                        + spec.metricsIndex()
                        + " between "
                        + period.format(period.from())
                        + " and "
                        + period.format(period.to())
                        + " "
                        + period.zoneName();
        if (documents == 0) {
            return what
                    + ": the index holds none at all (is the metrics job running, and is --index-prefix "
                    + spec.indexPrefix()
                    + " right?)";
        }
        Instant latest = instant(all.at("/aggregations/latest"));
        return what
                + " (it holds "
                + documents
                + " window(s), the latest ending "
                + (latest == null ? "?" : period.format(latest))
                + "; check --from, --to, --group and --query)";
    }

    /** Sums per query, per group and (for the current period) per bucket of the timeline. */
    private static ObjectNode metricsSearch(
            ReportSpec spec,
            ReportPeriod period,
            List<String> queryIds,
            List<String> groups,
            boolean timeline) {
        ObjectNode body = JSON.objectNode().put("size", 0);
        body.putObject("query")
                .putObject("bool")
                .putArray("filter")
                .add(range("window_start", period));
        ObjectNode aggs = body.putObject("aggs");
        ObjectNode queries = aggs.putObject("queries");
        queries.putObject("filter")
                .putObject("bool")
                .putArray("filter")
                .add(term("scope", "query"))
                .add(terms("key", queryIds));
        ObjectNode queryAggs = queries.putObject("aggs");
        ObjectNode perQuery = queryAggs.putObject("per_query");
        perQuery.putObject("terms").put("field", "key").put("size", queryIds.size());
        sums(
                perQuery.putObject("aggs"),
                "volume",
                "negative",
                "neutral",
                "positive",
                "reach",
                "engagement");
        if (timeline) {
            ReportPeriod.Bucket bucket = period.bucket();
            ObjectNode overTime = queryAggs.putObject("over_time");
            ObjectNode histogram =
                    overTime.putObject("date_histogram")
                            .put("field", "window_start")
                            .put(bucket.intervalKind(), bucket.interval())
                            .put("time_zone", period.zone().getId())
                            .put("min_doc_count", 0);
            histogram
                    .putObject("extended_bounds")
                    .put("min", period.from().toEpochMilli())
                    .put("max", period.to().toEpochMilli() - 1);
            ObjectNode bucketAggs = overTime.putObject("aggs");
            sums(bucketAggs, "negative", "neutral", "positive");
            ObjectNode perQueryInBucket = bucketAggs.putObject("per_query");
            perQueryInBucket.putObject("terms").put("field", "key").put("size", queryIds.size());
            sums(perQueryInBucket.putObject("aggs"), "volume");
            queryAggs.putObject("latest_window_end").putObject("max").put("field", "window_end");
        }
        ObjectNode groupVolumes = aggs.putObject("groups");
        groupVolumes
                .putObject("filter")
                .putObject("bool")
                .putArray("filter")
                .add(term("scope", "group"))
                .add(terms("key", groups));
        ObjectNode perGroup = groupVolumes.putObject("aggs").putObject("per_group");
        perGroup.putObject("terms").put("field", "key").put("size", Math.max(1, groups.size()));
        sums(perGroup.putObject("aggs"), "volume");
        return body;
    }

    /** The mentions' top terms, posts and authors; spam left out, as the dashboards do. */
    private static ObjectNode mentionsSearch(ReportPeriod period, List<String> queryIds) {
        ObjectNode body = JSON.objectNode().put("size", TOP).put("track_total_hits", false);
        body.set("query", mentionsQuery(period, queryIds));
        body.putArray("sort").addObject().putObject("engagement.total").put("order", "desc");
        body.putArray("_source")
                .add("id")
                .add("platform")
                .add("text")
                .add("url")
                .add("author.username")
                .add("engagement.total")
                .add("sentiment.label")
                .add("created_at");
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("topics")
                .putObject("terms")
                .put("field", "topics")
                .put("size", RISING_CANDIDATES);
        aggs.putObject("hashtags")
                .putObject("terms")
                .put("field", "hashtags")
                .put("size", RISING_CANDIDATES);
        ObjectNode authors = aggs.putObject("authors");
        authors.putObject("terms")
                .put("field", "author.username")
                .put("size", TOP)
                .putObject("order")
                .put("followers", "desc");
        ObjectNode authorAggs = authors.putObject("aggs");
        authorAggs.putObject("followers").putObject("max").put("field", "author.followers_count");
        authorAggs.putObject("platform").putObject("terms").put("field", "platform").put("size", 1);
        aggs.putObject("latest_mention").putObject("max").put("field", "created_at");
        return body;
    }

    /** The previous period's counts of exactly this period's candidate terms. */
    private static ObjectNode earlierTermsSearch(
            ReportPeriod period,
            List<String> queryIds,
            List<TermRow> topics,
            List<TermRow> hashtags) {
        ObjectNode body = JSON.objectNode().put("size", 0).put("track_total_hits", false);
        body.set("query", mentionsQuery(period, queryIds));
        ObjectNode aggs = body.putObject("aggs");
        includeTerms(aggs.putObject("topics").putObject("terms").put("field", "topics"), topics);
        includeTerms(
                aggs.putObject("hashtags").putObject("terms").put("field", "hashtags"), hashtags);
        return body;
    }

    private static void includeTerms(ObjectNode terms, List<TermRow> rows) {
        terms.put("size", Math.max(1, rows.size()));
        ArrayNode include = terms.putArray("include");
        rows.forEach(row -> include.add(row.term()));
    }

    private static ObjectNode mentionsQuery(ReportPeriod period, List<String> queryIds) {
        ObjectNode bool = JSON.objectNode();
        bool.putArray("filter")
                .add(range("created_at", period))
                .add(terms("matched_queries", queryIds));
        bool.putArray("must_not").add(term("flags", "spam"));
        ObjectNode query = JSON.objectNode();
        query.set("bool", bool);
        return query;
    }

    /** Episodes of the reported queries that overlap the period, in their latest state. */
    private static ObjectNode alertsSearch(ReportPeriod period, List<String> queryIds) {
        ObjectNode body = JSON.objectNode().put("size", 200);
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.add(terms("query_id", queryIds));
        filter.addObject()
                .putObject("range")
                .putObject("episode_start")
                .put("lt", period.to().toString());
        filter.addObject()
                .putObject("range")
                .putObject("window_end")
                .put("gt", period.from().toString());
        body.putArray("sort").addObject().put("episode_start", "asc");
        return body;
    }

    private static Map<String, Totals> totals(JsonNode metrics) {
        Map<String, Totals> totals = new HashMap<>();
        for (JsonNode query : metrics.at("/aggregations/queries/per_query/buckets")) {
            totals.put(
                    query.path("key").asText(),
                    new Totals(
                            sum(query, "volume"),
                            sum(query, "negative"),
                            sum(query, "neutral"),
                            sum(query, "positive"),
                            sum(query, "reach"),
                            sum(query, "engagement")));
        }
        return totals;
    }

    private static Map<String, Long> groupVolumes(JsonNode metrics) {
        Map<String, Long> volumes = new HashMap<>();
        for (JsonNode group : metrics.at("/aggregations/groups/per_group/buckets")) {
            volumes.put(group.path("key").asText(), sum(group, "volume"));
        }
        return volumes;
    }

    private static List<TermRow> terms(JsonNode buckets) {
        List<TermRow> rows = new ArrayList<>();
        buckets.forEach(
                b ->
                        rows.add(
                                new TermRow(
                                        b.path("key").asText(), b.path("doc_count").asLong(), 0)));
        return rows;
    }

    private static List<TermRow> withPrevious(List<TermRow> rows, JsonNode earlierBuckets) {
        Map<String, Long> earlier = new HashMap<>();
        earlierBuckets.forEach(
                b -> earlier.put(b.path("key").asText(), b.path("doc_count").asLong()));
        return rows.stream()
                .map(
                        row ->
                                new TermRow(
                                        row.term(),
                                        row.count(),
                                        earlier.getOrDefault(row.term(), 0L)))
                .toList();
    }

    private static List<TermRow> top(List<TermRow> rows) {
        return rows.subList(0, Math.min(TOP, rows.size()));
    }

    /** Terms whose mentions grew most against the previous period. */
    static List<TermRow> rising(List<TermRow> rows) {
        return rows.stream()
                .filter(row -> row.count() >= RISING_MIN_COUNT && row.count() > row.previousCount())
                .sorted(
                        Comparator.comparingLong((TermRow row) -> row.previousCount() - row.count())
                                .thenComparing(TermRow::term))
                .limit(TOP)
                .toList();
    }

    private static List<TopPost> topPosts(JsonNode mentions) {
        List<TopPost> posts = new ArrayList<>();
        for (JsonNode hit : mentions.at("/hits/hits")) {
            JsonNode source = hit.path("_source");
            posts.add(
                    new TopPost(
                            source.path("id").asText(),
                            source.path("platform").asText(),
                            source.at("/author/username").asText(),
                            source.path("text").asText(),
                            text(source.path("url")),
                            source.at("/engagement/total").asLong(),
                            text(source.at("/sentiment/label")),
                            Instant.parse(source.path("created_at").asText())));
        }
        return posts;
    }

    private static List<TopAuthor> topAuthors(JsonNode mentions) {
        List<TopAuthor> authors = new ArrayList<>();
        for (JsonNode bucket : mentions.at("/aggregations/authors/buckets")) {
            authors.add(
                    new TopAuthor(
                            bucket.path("key").asText(),
                            bucket.at("/platform/buckets/0/key").asText(""),
                            bucket.at("/followers/value").asLong(),
                            bucket.path("doc_count").asLong()));
        }
        return authors;
    }

    private static List<AlertEpisode> alertEpisodes(JsonNode alerts) {
        List<AlertEpisode> episodes = new ArrayList<>();
        for (JsonNode hit : alerts.at("/hits/hits")) {
            JsonNode source = hit.path("_source");
            episodes.add(
                    new AlertEpisode(
                            source.path("alert_id").asText(),
                            source.path("query_id").asText(),
                            text(source.path("group")),
                            source.path("signal").asText(),
                            source.path("severity").asText(),
                            source.path("state").asText(),
                            Instant.parse(source.path("episode_start").asText()),
                            Instant.parse(source.path("window_end").asText()),
                            source.path("summary").asText(),
                            text(source.path("kibana_url"))));
        }
        return episodes;
    }

    private static ObjectNode range(String field, ReportPeriod period) {
        ObjectNode range = JSON.objectNode();
        range.putObject("range")
                .putObject(field)
                .put("gte", period.from().toString())
                .put("lt", period.to().toString());
        return range;
    }

    private static ObjectNode term(String field, String value) {
        ObjectNode term = JSON.objectNode();
        term.putObject("term").put(field, value);
        return term;
    }

    private static ObjectNode terms(String field, List<String> values) {
        ObjectNode terms = JSON.objectNode();
        ArrayNode array = terms.putObject("terms").putArray(field);
        values.forEach(array::add);
        return terms;
    }

    private static void sums(ObjectNode aggs, String... fields) {
        for (String field : fields) {
            aggs.putObject(field).putObject("sum").put("field", field);
        }
    }

    private static long sum(JsonNode bucket, String name) {
        return Math.round(bucket.path(name).path("value").asDouble());
    }

    private static Instant instant(JsonNode max) {
        JsonNode value = max.path("value");
        return value.isNumber() ? Instant.ofEpochMilli(value.asLong()) : null;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
