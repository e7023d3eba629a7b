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
     * The ids whose label holds for this mention, the most specific first: its own, the first copy
     * of its text, its original.
     */
    public static List<String> labelledIds(EnrichedMention enriched) {
        Mention mention = enriched.getMention();
        List<String> ids = new ArrayList<>(3);
        ids.add(MentionIds.of(mention));
        if (enriched.getDuplicateOf() != null) {
            ids.add(enriched.getDuplicateOf());
        }
        if (mention.getRepostOfId() != null) {
            ids.add(MentionIds.of(mention.getPlatform(), mention.getRepostOfId()));
        }
        return ids;
    }

    /**
     * The label in force for this mention, or null.
     *
     * @param labels the label of a mention id, or null
     */
    public static SentimentLabel find(
            EnrichedMention enriched, Function<String, SentimentLabel> labels) {
        for (String id : labelledIds(enriched)) {
            SentimentLabel label = labels.apply(id);
            if (label != null) {
                return label;
            }
        }
        return null;
    }

    /**
     * The mention with the analyst's label in place of the model's, toward each matched query too
     * (an analyst labels what the mention says of the brands it was found for); the model's name
     * stays.
     */
    public static EnrichedMention relabel(EnrichedMention enriched, SentimentLabel label) {
        Sentiment model = enriched.getSentiment();
        Sentiment analyst = analystSentiment(label, model == null ? null : model.getModel());
        return EnrichedMention.newBuilder(enriched)
                .setSentiment(analyst)
                .setSentimentByQuery(analystByQuery(analyst, enriched.getMatchedQueries()))
                .build();
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
