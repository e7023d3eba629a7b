// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.jobs.queries.BroadcastQueries;
import io.hark.nlp.MentionEnricher;
import io.hark.nlp.TextSentiment;
import io.hark.nlp.sentiment.TargetedSentiment;
import io.hark.nlp.text.RecentResults;
import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryTargets;
import io.hark.queries.control.QueryUpdate;
import io.hark.schema.EnrichedMention;
import io.hark.schema.QuerySentiment;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sentiment toward each query a mention matched ({@code sentiment_by_query}), with the query's name
 * and terms as the target ({@link QueryTargets}): "Forkly > DashBite" is positive toward one and
 * negative toward the other. The queries follow the query topic as in {@link MatchQueries}. A
 * mention without a whole-text sentiment (a language the model does not read) gets none per query
 * either.
 *
 * <p>Where the whole-text sentiment is the model's own reading of this very text, it is not
 * computed again; and the last {@value #REMEMBERED_TEXTS} texts' results are kept, as copy-paste
 * campaigns and reposts repeat a text many times.
 */
public class ScoreQuerySentiment
        extends BroadcastProcessFunction<EnrichedMention, QueryUpdate, EnrichedMention> {
    static final int REMEMBERED_TEXTS = 10_000;

    private final BroadcastQueries queries;
    private transient Map<String, List<String>> targets;
    private transient TargetedSentiment model;

    /** Per text and the queries it matched, their sentiments, while the queries stay the same. */
    private transient Map<String, List<QuerySentiment>> remembered;

    private final String sentimentModel;

    /**
     * @param sentimentModel the whole-text sentiment model file the NLP uses, or null for the
     *     shipped model
     */
    public ScoreQuerySentiment(Collection<QueryDefinition> initialQueries, String sentimentModel) {
        this.queries = new BroadcastQueries(initialQueries);
        this.sentimentModel = sentimentModel;
    }

    @Override
    public void open(OpenContext openContext) {
        model =
                sentimentModel == null
                        ? TargetedSentiment.shared()
                        : TargetedSentiment.shared()
                                .withWholeText(SentimentModels.wholeText(sentimentModel));
        remembered = RecentResults.upTo(REMEMBERED_TEXTS);
    }

    @Override
    public void processElement(
            EnrichedMention enriched, ReadOnlyContext ctx, Collector<EnrichedMention> out)
            throws Exception {
        if (enriched.getSentiment() != null && !enriched.getMatchedQueries().isEmpty()) {
            if (targets == null) {
                targets =
                        targetsOf(
                                queries.inForce(ctx.getBroadcastState(BroadcastQueries.STATE))
                                        .queries());
            }
            String key =
                    enriched.getMention().getText()
                            + '\u0000'
                            + String.join("\u0000", enriched.getMatchedQueries());
            List<QuerySentiment> byQuery = remembered.get(key);
            if (byQuery == null) {
                byQuery = towardQueries(enriched, targets, model);
                remembered.put(key, byQuery);
            }
            enriched.setSentimentByQuery(
                    byQuery.stream().map(q -> QuerySentiment.newBuilder(q).build()).toList());
        }
        out.collect(enriched);
    }

    /**
     * The sentiment of a mention toward each query it matched.
     *
     * @param targets each query's targets by query id ({@link #targetsOf}); a query missing there
     *     gets none
     */
    public static List<QuerySentiment> towardQueries(
            EnrichedMention enriched, Map<String, List<String>> targets, TargetedSentiment model) {
        List<String> scored = new ArrayList<>();
        List<List<String>> about = new ArrayList<>();
        for (String queryId : enriched.getMatchedQueries()) {
            List<String> queryTargets = targets.get(queryId);
            if (queryTargets != null) {
                scored.add(queryId);
                about.add(queryTargets);
            }
        }
        String text = enriched.getMention().getText();
        List<TextSentiment> toward = model.analyzeEach(text, ownReading(enriched, model), about);
        List<QuerySentiment> byQuery = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            byQuery.add(
                    new QuerySentiment(
                            scored.get(i),
                            EnrichMention.label(toward.get(i)),
                            toward.get(i).score(),
                            SentimentSource.model));
        }
        return byQuery;
    }

    /**
     * The mention's whole-text sentiment where it is the whole-text model's reading of the text
     * itself, else null: an analyst's label, a repost's original's reading, or that of a text
     * enrichment read only part of.
     */
    private static TextSentiment ownReading(EnrichedMention enriched, TargetedSentiment model) {
        Sentiment sentiment = enriched.getSentiment();
        String text = enriched.getMention().getText();
        if (sentiment.getSource() != SentimentSource.model
                || !sentiment.getModel().equals(model.wholeTextModelName())
                || enriched.getFlags().contains(EnrichMention.FLAG_NLP_REUSED)
                || !MentionEnricher.readText(text).equals(text)) {
            return null;
        }
        return new TextSentiment(
                TextSentiment.Polarity.valueOf(
                        sentiment.getLabel().name().toUpperCase(Locale.ROOT)),
                sentiment.getScore(),
                sentiment.getConfidence(),
                sentiment.getModel());
    }

    @Override
    public void processBroadcastElement(
            QueryUpdate update, Context ctx, Collector<EnrichedMention> out) throws Exception {
        remembered.clear();
        targets =
                targetsOf(
                        queries.apply(
                                        update,
                                        ctx.getBroadcastState(BroadcastQueries.STATE),
                                        ctx.currentProcessingTime())
                                .queries());
    }

    /** What each query is about, by query id. */
    public static Map<String, List<String>> targetsOf(List<QueryDefinition> inForce) {
        Map<String, List<String>> byId = new HashMap<>();
        for (QueryDefinition query : inForce) {
            byId.put(query.id(), QueryTargets.of(query));
        }
        return byId;
    }
}
