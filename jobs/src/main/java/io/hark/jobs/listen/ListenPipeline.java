// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.jobs.Watermarks;
import io.hark.jobs.listen.operators.ApplySentimentLabels;
import io.hark.jobs.listen.operators.DropRedelivered;
import io.hark.jobs.listen.operators.EnrichMention;
import io.hark.jobs.listen.operators.MarkNearDuplicates;
import io.hark.jobs.listen.operators.MatchQueries;
import io.hark.jobs.listen.operators.ScoreQuerySentiment;
import io.hark.jobs.listen.operators.ScoreSpam;
import io.hark.jobs.listen.operators.ValidateMention;
import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryUpdate;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentLabel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * The listen pipeline, a function of (environment, sources, sinks), so the job, the local mode and
 * tests share it:
 *
 * <ol>
 *   <li>validate (bad records to the dead letters),
 *   <li>drop redeliveries of the same {@code platform:id},
 *   <li>match the listening queries (updated live from the query topic); drop mentions matching
 *       none unless {@code --keep-unmatched},
 *   <li>mark copy-paste near-duplicates,
 *   <li>NLP, reused by reposts from their original, and the sentiment toward each matched query,
 *   <li>score spam,
 *   <li>put analysts' sentiment labels on the mentions they hold for, and on those already indexed,
 * </ol>
 *
 * then out to the enriched topic and Elasticsearch (and the archive, when the job keeps one); query
 * update results to the status topic.
 */
public final class ListenPipeline {
    private ListenPipeline() {}

    /**
     * @return the enriched mentions, for a replay to take on through the metrics pipeline
     */
    public static DataStream<EnrichedMention> define(
            StreamExecutionEnvironment env,
            ListenSources sources,
            ListenSinks sinks,
            ListenOptions options) {
        DataStream<Either<DeadLetter, Mention>> incoming =
                env.fromSource(
                                sources.mentions(),
                                Watermarks.forIncomingMentions(
                                        options.outOfOrderness(),
                                        options.idleness(),
                                        options.maxFuture()),
                                "mentions")
                        .uid("mentions-source");
        return process(env, incoming, sources, sinks, options);
    }

    /**
     * Everything after reading: a replay reads its own way (time ranges, files) and joins here.
     *
     * @param sources only the query updates and initial queries are read
     */
    public static DataStream<EnrichedMention> process(
            StreamExecutionEnvironment env,
            DataStream<Either<DeadLetter, Mention>> incoming,
            ListenSources sources,
            ListenSinks sinks,
            ListenOptions options) {
        SingleOutputStreamOperator<Mention> valid =
                incoming.process(
                                new ValidateMention(
                                        options.maxTextChars(),
                                        options.maxFuture(),
                                        options.maxPast()),
                                ValidateMention.outputType())
                        .name("validate")
                        .uid("validate");

        DataStream<Mention> firstDeliveries =
                valid.keyBy(MentionIds::of, Types.STRING)
                        .process(
                                new DropRedelivered(options.rememberDeliveries()),
                                ValidateMention.outputType())
                        .name("drop-redelivered")
                        .uid("drop-redelivered");

        BroadcastStream<QueryUpdate> queryUpdates =
                env.fromSource(
                                sources.queryUpdates(),
                                Watermarks.forQueryUpdates(),
                                "query-updates")
                        .uid("query-updates-source")
                        // one reader for the topic's one partition: a reader without a split sends
                        // no watermark and would
                        // hold back event time downstream
                        .setParallelism(1)
                        .broadcast(MatchQueries.QUERIES);

        SingleOutputStreamOperator<EnrichedMention> matched =
                firstDeliveries
                        .connect(queryUpdates)
                        .process(
                                new MatchQueries(sources.initialQueries(), options.keepUnmatched()),
                                MatchQueries.outputType())
                        .name("match-queries")
                        .uid("match-queries");

        DataStream<EnrichedMention> scored =
                matched.keyBy(mention -> MarkNearDuplicates.INDEX_KEY, Types.INT)
                        .process(
                                new MarkNearDuplicates(
                                        options.nearDuplicateWindow(), options.copyPasteAuthors()),
                                EnrichMention.outputType())
                        .name("mark-near-duplicates")
                        .uid("mark-near-duplicates")
                        .keyBy(EnrichMention::nlpKey, Types.STRING)
                        .process(
                                new EnrichMention(
                                        gazetteer(sources.initialQueries()),
                                        options.repostNlpTtl(),
                                        sentimentModel(options)),
                                EnrichMention.outputType())
                        .name("enrich")
                        .uid("enrich")
                        .connect(queryUpdates)
                        .process(
                                new ScoreQuerySentiment(
                                        sources.initialQueries(), sentimentModel(options)),
                                EnrichMention.outputType())
                        .name("sentiment-toward-queries")
                        .uid("sentiment-toward-queries")
                        .keyBy(ScoreSpam::authorKey, Types.STRING)
                        .process(
                                new ScoreSpam(options.burstPosts(), options.burstWindow()),
                                EnrichMention.outputType())
                        .name("score-spam")
                        .uid("score-spam");
        DataStream<SentimentCorrection> labels = labelUpdates(env, sources.labelUpdates());
        DataStream<EnrichedMention> enriched = applyLabels(scored, labels, sources.initialLabels());
        labels.sinkTo(sinks.indexedCorrections()).name("relabel-indexed").uid("relabel-indexed");

        enriched.sinkTo(sinks.enrichedTopic()).name("enriched-topic").uid("enriched-topic");
        enriched.sinkTo(sinks.index()).name("elasticsearch").uid("elasticsearch");
        valid.getSideOutput(ValidateMention.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters())
                .name("dead-letters")
                .uid("dead-letters");
        matched.getSideOutput(MatchQueries.STATUS)
                .sinkTo(sinks.queryStatus())
                .name("query-status")
                .uid("query-status");
        if (sinks.mentionArchive() != null) {
            firstDeliveries
                    .sinkTo(sinks.mentionArchive())
                    .name("archive-mentions")
                    .uid("archive-mentions");
        }
        if (sinks.enrichedArchive() != null) {
            enriched.sinkTo(sinks.enrichedArchive())
                    .name("archive-enriched")
                    .uid("archive-enriched");
        }
        return enriched;
    }

    /**
     * The labels sent while the job runs, read by one reader (the topic's order is the order they
     * apply in).
     */
    public static DataStream<SentimentCorrection> labelUpdates(
            StreamExecutionEnvironment env, Source<SentimentCorrection, ?, ?> source) {
        return env.fromSource(source, Watermarks.forSentimentLabels(), "sentiment-labels")
                .uid("sentiment-labels-source")
                .setParallelism(1);
    }

    /**
     * Analysts' labels in place of the model's, on the mentions they hold for ({@link
     * ApplySentimentLabels}).
     */
    public static DataStream<EnrichedMention> applyLabels(
            DataStream<EnrichedMention> mentions,
            DataStream<SentimentCorrection> labelUpdates,
            Map<String, SentimentLabel> initialLabels) {
        return mentions.connect(
                        labelUpdates.broadcast(
                                ApplySentimentLabels.LABELS, ApplySentimentLabels.REMOVED))
                .process(new ApplySentimentLabels(initialLabels), EnrichMention.outputType())
                .name("apply-sentiment-labels")
                .uid("apply-sentiment-labels");
    }

    private static String sentimentModel(ListenOptions options) {
        return options.sentimentModel() == null ? null : options.sentimentModel().toString();
    }

    /** The names the NLP recognises as entities: each query's name, a brand. */
    public static Map<String, String> gazetteer(List<QueryDefinition> queries) {
        Map<String, String> names = new TreeMap<>();
        for (QueryDefinition query : queries) {
            names.putIfAbsent(query.name(), "BRAND");
        }
        return names;
    }
}
