// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How analysts' labels reach mentions. A label given to one mention holds for its text: for a later
 * copy-paste of it ({@code duplicate_of}) and a repost of it ({@code repost_of_id}) too.
 */
public final class SentimentCorrections {
    private SentimentCorrections() {}

    /**
     * A mention's sentiment as labels change it: the sentiment in force, toward each matched query,
     * and the model's reading an analyst's label replaced (null where none did).
     */
    public record Reading(
            Sentiment sentiment, List<QuerySentiment> byQuery, ModelReading modelReading) {
        public static Reading of(EnrichedMention enriched) {
            return new Reading(
                    enriched.getSentiment(),
                    enriched.getSentimentByQuery(),
                    enriched.getModelReading());
        }

        public EnrichedMention applyTo(EnrichedMention enriched) {
            return EnrichedMention.newBuilder(enriched)
                    .setSentiment(sentiment)
                    .setSentimentByQuery(byQuery)
                    .setModelReading(modelReading)
                    .build();
        }
    }

    /** A label in force and the mention it was given to. */
    public record LabelInForce(String labelledId, SentimentLabel label) {}

    /**
     * The ids whose label holds for this mention, the most specific first: its own, the first copy
     * of its text, its original.
     */
    public static List<String> labelledIds(EnrichedMention enriched) {
        Mention mention = enriched.getMention();
        return labelledIds(
                MentionIds.of(mention),
                enriched.getDuplicateOf(),
                mention.getRepostOfId() == null
                        ? null
                        : MentionIds.of(mention.getPlatform(), mention.getRepostOfId()));
    }

    /**
     * @param duplicateOf the first copy's id, or null
     * @param originalId the reposted original's id, or null
     */
    public static List<String> labelledIds(String ownId, String duplicateOf, String originalId) {
        List<String> ids = new ArrayList<>(3);
        ids.add(ownId);
        if (duplicateOf != null) {
            ids.add(duplicateOf);
        }
        if (originalId != null) {
            ids.add(originalId);
        }
        return ids;
    }

    /**
     * The label in force for this mention, or null.
     *
     * @param labels the label of a mention id, or null
     */
    public static LabelInForce find(
            EnrichedMention enriched, Function<String, SentimentLabel> labels) {
        for (String id : labelledIds(enriched)) {
            SentimentLabel label = labels.apply(id);
            if (label != null) {
                return new LabelInForce(id, label);
            }
        }
        return null;
    }

    /**
     * The mention as the labels in force make it: the analyst's label where one holds, otherwise
     * the model's own reading (which a removed label may have replaced).
     */
    public static EnrichedMention apply(
            EnrichedMention enriched, Function<String, SentimentLabel> labels) {
        LabelInForce inForce = find(enriched, labels);
        Reading reading = Reading.of(enriched);
        Reading next =
                inForce == null
                        ? restore(reading)
                        : relabel(
                                reading,
                                inForce.label(),
                                inForce.labelledId(),
                                enriched.getMatchedQueries());
        return next == reading ? enriched : next.applyTo(enriched);
    }

    /**
     * The analyst's label in place of the model's, toward each matched query too (an analyst labels
     * what the mention says of the brands it was found for); the model's name stays, and its
     * reading is kept to return to when the label is removed.
     *
     * @param labelledId the mention the label was given to
     */
    public static Reading relabel(
            Reading current, SentimentLabel label, String labelledId, List<String> matchedQueries) {
        ModelReading model = current.modelReading();
        if (model == null && isModels(current.sentiment())) {
            model = new ModelReading(labelledId, current.sentiment(), current.byQuery());
        } else if (model != null) {
            model = new ModelReading(labelledId, model.getSentiment(), model.getSentimentByQuery());
        }
        Sentiment replaced = model == null ? current.sentiment() : model.getSentiment();
        Sentiment analyst = analystSentiment(label, replaced == null ? null : replaced.getModel());
        return new Reading(analyst, analystByQuery(analyst, matchedQueries), model);
    }

    /**
     * The label of {@code labelledId} on a mention whose labels hold from {@code labelledIds} (most
     * specific first): unchanged where the label in force came from a more specific one, such as
     * the mention's own label when its original is labelled.
     */
    public static Reading relabel(
            Reading current,
            SentimentLabel label,
            String labelledId,
            List<String> labelledIds,
            List<String> matchedQueries) {
        ModelReading model = current.modelReading();
        int standing = model == null ? -1 : labelledIds.indexOf(model.getLabelledId());
        if (standing >= 0 && standing < labelledIds.indexOf(labelledId)) {
            return current;
        }
        return relabel(current, label, labelledId, matchedQueries);
    }

    /** The model's own reading back, where an analyst's label had replaced it. */
    public static Reading restore(Reading current) {
        ModelReading model = current.modelReading();
        return model == null
                ? current
                : new Reading(model.getSentiment(), model.getSentimentByQuery(), null);
    }

    /**
     * The model's own reading back where the label of {@code removedId} had replaced it; a label
     * given to another mention stays.
     */
    public static Reading restore(Reading current, String removedId) {
        ModelReading model = current.modelReading();
        return model != null && model.getLabelledId().equals(removedId)
                ? restore(current)
                : current;
    }

    private static boolean isModels(Sentiment sentiment) {
        return sentiment == null || sentiment.getSource() == SentimentSource.model;
    }

    /** The analyst's label toward each of the matched queries. */
    public static List<QuerySentiment> analystByQuery(
            Sentiment analyst, List<String> matchedQueries) {
        List<QuerySentiment> byQuery = new ArrayList<>(matchedQueries.size());
        for (String query : matchedQueries) {
            byQuery.add(
                    new QuerySentiment(
                            query,
                            analyst.getLabel(),
                            analyst.getScore(),
                            SentimentSource.analyst));
        }
        return byQuery;
    }

    /**
     * An analyst's label as a sentiment: score -1, 0 or 1, confidence 1.
     *
     * @param model the model whose label it replaces, or null where there was none
     */
    public static Sentiment analystSentiment(SentimentLabel label, String model) {
        return Sentiment.newBuilder()
                .setLabel(label)
                .setScore(
                        switch (label) {
                            case negative -> -1;
                            case neutral -> 0;
                            case positive -> 1;
                        })
                .setConfidence(1.0)
                .setModel(model == null ? "none" : model)
                .setSource(SentimentSource.analyst)
                .build();
    }
}
