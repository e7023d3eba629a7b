// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.jobs.queries.BroadcastQueries;
import io.hark.nlp.TextSentiment;
import io.hark.nlp.sentiment.TargetedSentiment;
import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryTargets;
import io.hark.queries.control.QueryUpdate;
import io.hark.schema.EnrichedMention;
import io.hark.schema.QuerySentiment;
import io.hark.schema.SentimentSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
 */
public class ScoreQuerySentiment
        extends BroadcastProcessFunction<EnrichedMention, QueryUpdate, EnrichedMention> {
    private final BroadcastQueries queries;
    private transient Map<String, List<String>> targets;
    private transient TargetedSentiment model;

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
            enriched.setSentimentByQuery(towardQueries(enriched, targets, model));
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
        List<TextSentiment> toward = model.analyzeEach(enriched.getMention().getText(), about);
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

    @Override
    public void processBroadcastElement(
            QueryUpdate update, Context ctx, Collector<EnrichedMention> out) throws Exception {
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
