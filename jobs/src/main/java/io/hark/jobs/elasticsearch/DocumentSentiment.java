// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.schema.MentionIds;
import io.hark.schema.ModelReading;
import io.hark.schema.PlainJson;
import io.hark.schema.Platform;
import io.hark.schema.QuerySentiment;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentCorrections;
import io.hark.schema.SentimentCorrections.Reading;
import io.hark.schema.SentimentLabel;
import io.hark.schema.SentimentSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.generic.IndexedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentiment of an indexed mention's document as an analyst's label, or its removal, changes it:
 * the rules of {@link SentimentCorrections} on the document's {@code sentiment}, {@code
 * sentiment_by_query} and {@code model_reading} fields, as {@link MentionDocuments} wrote them.
 */
final class DocumentSentiment {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentSentiment.class);

    private DocumentSentiment() {}

    /**
     * Applies the correction to the document. A document Hark did not write (a label or platform it
     * does not know) is left as it is and said so in the log: it must not stop the job.
     *
     * @return whether the document changed
     */
    static boolean correct(ObjectNode document, SentimentCorrection correction) {
        Reading current;
        List<String> labelledIds;
        try {
            current = read(document);
            labelledIds = labelledIds(document);
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "left the document {} as it is: Hark did not write it ({})",
                    document.path("id").asText(),
                    e.getMessage());
            return false;
        }
        Reading next =
                correction.isRemoval()
                        ? SentimentCorrections.restore(current, correction.mentionId())
                        : SentimentCorrections.relabel(
                                current,
                                correction.label(),
                                correction.mentionId(),
                                labelledIds,
                                texts(document.path("matched_queries")));
        if (next == current) {
            return false;
        }
        put(document, "sentiment", next.sentiment());
        ArrayNode byQuery = document.putArray("sentiment_by_query");
        next.byQuery().forEach(query -> byQuery.add(PlainJson.toTree(query)));
        put(document, "model_reading", next.modelReading());
        MentionDocuments.putSentimentToward(document);
        return true;
    }

    /**
     * The ids whose label would hold for the document once the label of {@code removedId} is
     * removed, most specific first: those after it, as none before it had a label while it was in
     * force, but for itself (a repost is often also the first copy's copy, so its original can be
     * both). Empty for a document Hark did not write.
     */
    static List<String> labelledIdsAfter(JsonNode document, String removedId) {
        try {
            List<String> ids = labelledIds(document);
            int removed = ids.indexOf(removedId);
            return removed < 0
                    ? List.of()
                    : ids.subList(removed + 1, ids.size()).stream()
                            .filter(id -> !id.equals(removedId))
                            .toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * The analyst's label of the document's own mention, or null: the one it carries when the label
     * in force on it is its own, always the case while it has one, as its own is the most specific.
     */
    static SentimentLabel ownLabel(JsonNode document) {
        try {
            JsonNode model = document.path("model_reading");
            return model.isObject()
                            && model.path("labelled_id")
                                    .asText()
                                    .equals(labelledIds(document).get(0))
                    ? label(document.path("sentiment"))
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> labelledIds(JsonNode document) {
        Platform platform = Platform.valueOf(document.path("platform").asText());
        JsonNode duplicateOf = document.path("duplicate_of");
        JsonNode repostOf = document.path("repost_of_id");
        return SentimentCorrections.labelledIds(
                MentionIds.of(platform, document.path("id").asText()),
                duplicateOf.isTextual() ? duplicateOf.asText() : null,
                repostOf.isTextual() ? MentionIds.of(platform, repostOf.asText()) : null);
    }

    static Reading read(JsonNode document) {
        JsonNode model = document.path("model_reading");
        return new Reading(
                sentiment(document.path("sentiment")),
                byQuery(document.path("sentiment_by_query")),
                model.isObject()
                        ? new ModelReading(
                                model.path("labelled_id").asText(),
                                sentiment(model.path("sentiment")),
                                byQuery(model.path("sentiment_by_query")))
                        : null);
    }

    private static Sentiment sentiment(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return Sentiment.newBuilder()
                .setLabel(label(node))
                .setScore(node.path("score").asDouble())
                .setConfidence(node.path("confidence").asDouble())
                .setModel(node.path("model").asText("none"))
                .setSource(source(node))
                .build();
    }

    private static List<QuerySentiment> byQuery(JsonNode array) {
        List<QuerySentiment> byQuery = new ArrayList<>();
        for (JsonNode node : array) {
            byQuery.add(
                    new QuerySentiment(
                            node.path("query").asText(),
                            label(node),
                            node.path("score").asDouble(),
                            source(node)));
        }
        return byQuery;
    }

    private static SentimentLabel label(JsonNode node) {
        return SentimentLabel.valueOf(node.path("label").asText().toLowerCase(Locale.ROOT));
    }

    private static SentimentSource source(JsonNode node) {
        return node.path("source").isTextual()
                ? SentimentSource.valueOf(node.path("source").asText())
                : SentimentSource.model;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static void put(ObjectNode document, String field, IndexedRecord value) {
        if (value == null) {
            document.remove(field);
        } else {
            document.set(field, PlainJson.toTree(value));
        }
    }
}
