// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.schema.EnrichedMention;
import io.hark.schema.Entity;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import io.hark.schema.SentimentSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The NLP of a mention as kept in state for its reposts: a Flink POJO of strings and arrays, so the
 * state is compact and serialized without Kryo.
 */
public class ReusableNlp {
    public String language;
    public String sentimentLabel;
    public double sentimentScore;
    public double sentimentConfidence;
    public String sentimentModel;
    public String[] entityTexts;
    public String[] entityTypes;
    public String[] topics;
    public String[] flags;

    public ReusableNlp() {}

    static ReusableNlp of(EnrichedMention enriched) {
        ReusableNlp nlp = new ReusableNlp();
        nlp.language = enriched.getLanguage();
        Sentiment sentiment = enriched.getSentiment();
        if (sentiment != null) {
            nlp.sentimentLabel = sentiment.getLabel().name();
            nlp.sentimentScore = sentiment.getScore();
            nlp.sentimentConfidence = sentiment.getConfidence();
            nlp.sentimentModel = sentiment.getModel();
        }
        nlp.entityTexts =
                enriched.getEntities().stream().map(Entity::getText).toArray(String[]::new);
        nlp.entityTypes =
                enriched.getEntities().stream().map(Entity::getType).toArray(String[]::new);
        nlp.topics = enriched.getTopics().toArray(String[]::new);
        nlp.flags = enriched.getFlags().toArray(String[]::new);
        return nlp;
    }

    /** Sets the NLP fields of {@code enriched} to these, adding {@code extraFlag}. */
    void applyTo(EnrichedMention enriched, String extraFlag) {
        enriched.setLanguage(language);
        enriched.setSentiment(
                sentimentLabel == null
                        ? null
                        : new Sentiment(
                                SentimentLabel.valueOf(sentimentLabel),
                                sentimentScore,
                                sentimentConfidence,
                                sentimentModel,
                                SentimentSource.model));
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < entityTexts.length; i++) {
            entities.add(new Entity(entityTexts[i], entityTypes[i]));
        }
        enriched.setEntities(entities);
        enriched.setTopics(List.of(topics));
        List<String> allFlags = new ArrayList<>(List.of(flags));
        allFlags.add(extraFlag);
        enriched.setFlags(allFlags);
    }
}
