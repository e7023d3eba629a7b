// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.jobs.TestMentions;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Entity;
import io.hark.schema.Geo;
import io.hark.schema.Mention;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionDocumentsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final IndexTemplates indices = new IndexTemplates("hark");

    private static EnrichedMention enriched() {
        Mention mention =
                Mention.newBuilder(
                                TestMentions.mention(5, Instant.parse("2026-11-01T23:59:59.500Z")))
                        .setGeo(
                                Geo.newBuilder()
                                        .setCountryCode("GB")
                                        .setLat(51.5)
                                        .setLon(-0.12)
                                        .build())
                        .setRepostOfId("99")
                        .setExtras(Map.of("subreddit", "r/travel"))
                        .build();
        return EnrichedMention.newBuilder()
                .setMention(mention)
                .setSentiment(
                        Sentiment.newBuilder()
                                .setLabel(SentimentLabel.negative)
                                .setScore(-0.8)
                                .setConfidence(0.9)
                                .setModel("m")
                                .build())
                .setEntities(
                        List.of(
                                Entity.newBuilder()
                                        .setText("Skyline Air")
                                        .setType("ORGANIZATION")
                                        .build()))
                .setTopics(List.of("lounge"))
                .setMatchedQueries(List.of("q1"))
                .setFlags(List.of("f"))
                .setEnrichedAt(Instant.parse("2026-11-02T00:00:01Z"))
                .build();
    }

    @Test
    void idIsPlatformAndIdAndIndexIsTheUtcDayOfCreation() {
        IndexRequest request = new MentionDocuments(indices).apply(enriched(), null);
        Mention mention = enriched().getMention();
        assertThat(request.id()).isEqualTo(mention.getPlatform() + ":" + mention.getId());
        assertThat(request.index()).isEqualTo("hark-mentions-2026.11.01");
        assertThat(new MentionDocuments(indices).apply(enriched(), null).source())
                .isEqualTo(request.source());
    }

    @Test
    void documentHasTheMentionFieldsAndTheEnrichment() throws Exception {
        JsonNode doc =
                MAPPER.readTree(new MentionDocuments(indices).apply(enriched(), null).source());
        assertThat(doc.get("text").asText()).startsWith("Two hours on hold");
        assertThat(doc.get("created_at").asText()).isEqualTo("2026-11-01T23:59:59.500Z");
        assertThat(doc.at("/author/username").asText()).isEqualTo("user5");
        assertThat(doc.at("/sentiment/label").asText()).isEqualTo("negative");
        assertThat(doc.at("/sentiment/score").asDouble()).isEqualTo(-0.8);
        assertThat(doc.at("/engagement/total").asLong()).isEqualTo(5 + 1);
        assertThat(doc.at("/geo/location/lat").asDouble()).isEqualTo(51.5);
        assertThat(doc.has("mention")).isFalse();
        assertThat(doc.at("/entities/0/type").asText()).isEqualTo("ORGANIZATION");
    }

    @Test
    void everyDocumentFieldIsMappedExplicitly() throws Exception {
        JsonNode doc =
                MAPPER.readTree(new MentionDocuments(indices).apply(enriched(), null).source());
        JsonNode mappings =
                MAPPER.readTree(indices.template("mentions")).at("/template/mappings/properties");
        List<String> unmapped = new ArrayList<>();
        collectUnmapped(doc, mappings, "", unmapped);
        assertThat(unmapped).isEmpty();
    }

    @Test
    void templateTargetsThePrefixedIndicesAndAlias() throws Exception {
        JsonNode template =
                MAPPER.readTree(new IndexTemplates("hark-replay-x").template("mentions"));
        assertThat(template.at("/index_patterns/0").asText()).isEqualTo("hark-replay-x-mentions-*");
        assertThat(template.at("/template/aliases").has("hark-replay-x-mentions")).isTrue();
        assertThat(template.at("/_meta/hark_template_version").asInt())
                .isEqualTo(IndexTemplates.VERSION);
        assertThat(template.at("/template/mappings/properties/created_at/type").asText())
                .isEqualTo("date");
    }

    private static void collectUnmapped(
            JsonNode doc, JsonNode properties, String path, List<String> unmapped) {
        Iterator<Map.Entry<String, JsonNode>> fields = doc.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode mapping = properties.get(field.getKey());
            String fieldPath = path + field.getKey();
            if (mapping == null) {
                unmapped.add(fieldPath);
                continue;
            }
            JsonNode value =
                    field.getValue().isArray() && field.getValue().size() > 0
                            ? field.getValue().get(0)
                            : field.getValue();
            boolean objectMapping = mapping.has("properties");
            if (value.isObject() && objectMapping) {
                collectUnmapped(value, mapping.get("properties"), fieldPath + ".", unmapped);
            }
        }
    }
}
