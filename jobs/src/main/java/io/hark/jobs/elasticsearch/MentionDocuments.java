// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.schema.Engagement;
import io.hark.schema.Engagements;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Geo;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import io.hark.schema.PlainJson;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * The Elasticsearch document of an enriched mention: the mention's fields at the top level (as in
 * the JSON Lines format), Hark's enrichment beside them, plus {@code engagement.total} and {@code
 * geo.location} for aggregations and maps. The id is {@code platform:id}, so indexing the same
 * mention again overwrites it.
 */
public record MentionDocuments(IndexTemplates indices)
        implements ElementConverter<EnrichedMention, IndexRequest> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public IndexRequest apply(EnrichedMention enriched, SinkWriter.Context context) {
        Mention mention = enriched.getMention();
        try {
            return new IndexRequest(
                    indices.mentionsIndex(mention.getCreatedAt()),
                    MentionIds.of(mention),
                    MAPPER.writeValueAsBytes(document(enriched)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write the document of mention " + MentionIds.of(mention), e);
        }
    }

    public static ObjectNode document(EnrichedMention enriched) {
        ObjectNode document = PlainJson.toTree(enriched.getMention());
        ObjectNode enrichment = PlainJson.toTree(enriched);
        enrichment.remove("mention");
        document.setAll(enrichment);
        Engagement engagement = enriched.getMention().getEngagement();
        ((ObjectNode) document.get("engagement")).put("total", Engagements.total(engagement));
        putSentimentToward(document);
        Geo geo = enriched.getMention().getGeo();
        if (geo != null && geo.getLat() != null && geo.getLon() != null) {
            ((ObjectNode) document.get("geo"))
                    .putObject("location")
                    .put("lat", geo.getLat())
                    .put("lon", geo.getLon());
        }
        return document;
    }

    /**
     * {@code sentiment_toward}: {@code QUERY:LABEL} for each entry of {@code sentiment_by_query},
     * one keyword per query, so dashboards count the label toward a query with a plain filter or
     * terms aggregation (entries of an object array are not kept apart in the index).
     */
    public static void putSentimentToward(ObjectNode document) {
        ArrayNode toward = document.putArray("sentiment_toward");
        for (JsonNode entry : document.path("sentiment_by_query")) {
            toward.add(entry.path("query").asText() + ":" + entry.path("label").asText());
        }
    }
}
