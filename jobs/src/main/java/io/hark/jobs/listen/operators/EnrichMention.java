// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.nlp.Enrichment;
import io.hark.nlp.MentionEnricher;
import io.hark.nlp.entities.SocialTextAnnotator;
import io.hark.nlp.language.LanguageDetector;
import io.hark.nlp.sentiment.TargetedSentiment;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Entity;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Adds Hark's NLP to a mention ({@link MentionEnricher}: language, sentiment, entities, topics).
 * Keyed by {@link #nlpKey}, the original post of a repost: a repost reuses the NLP of its original
 * when that was seen in the last {@code remember} (flag {@value #FLAG_NLP_REUSED}), so a viral post
 * costs one analysis, and all its reposts count with the same sentiment.
 *
 * <p>The enricher and its models are shared by all task slots of a JVM and created in {@link
 * #open}.
 */
public class EnrichMention extends KeyedProcessFunction<String, EnrichedMention, EnrichedMention> {
    public static final String FLAG_NLP_REUSED = "nlp_reused";
    private static final Map<EnricherKey, MentionEnricher> ENRICHERS = new HashMap<>();

    private final HashMap<String, String> gazetteer;
    private final Duration remember;
    private final String sentimentModel;
    private transient MentionEnricher enricher;
    private transient ValueState<ReusableNlp> originalNlp;

    /**
     * An enricher is shared by the operators of a JVM that recognise the same names with the same
     * model.
     */
    private record EnricherKey(Map<String, String> gazetteer, String sentimentModel) {}

    /**
     * @param gazetteer brand, product and people names to recognise as entities, with their type
     * @param remember how long an original's NLP is kept for its reposts
     * @param sentimentModel a whole-text sentiment model file, or null for the shipped model
     */
    public EnrichMention(Map<String, String> gazetteer, Duration remember, String sentimentModel) {
        this.gazetteer = new HashMap<>(gazetteer);
        this.remember = remember;
        this.sentimentModel = sentimentModel;
    }

    public static TypeInformation<EnrichedMention> outputType() {
        return new AvroTypeInfo<>(EnrichedMention.class);
    }

    /** The original post's {@code platform:id} for a repost, the mention's own otherwise. */
    public static String nlpKey(EnrichedMention enriched) {
        Mention mention = enriched.getMention();
        String original =
                mention.getRepostOfId() == null ? mention.getId() : mention.getRepostOfId();
        return MentionIds.of(mention.getPlatform(), original);
    }

    /**
     * Loads the models of enrichment and of sentiment toward queries into this JVM, where the tasks
     * of a job started in it find them loaded: a local run loads them while its servers start.
     *
     * @param sentimentModel a whole-text sentiment model file, or null for the shipped model
     */
    public static void loadModels(String sentimentModel) {
        SentimentModels.wholeText(sentimentModel);
        TargetedSentiment.shared();
        SocialTextAnnotator.shared();
        LanguageDetector.shared();
    }

    @Override
    public void open(OpenContext openContext) {
        synchronized (ENRICHERS) {
            enricher =
                    ENRICHERS.computeIfAbsent(
                            new EnricherKey(Map.copyOf(gazetteer), sentimentModel),
                            key ->
                                    new MentionEnricher(
                                            key.gazetteer(),
                                            SentimentModels.wholeText(key.sentimentModel())));
        }
        ValueStateDescriptor<ReusableNlp> descriptor =
                new ValueStateDescriptor<>("original-nlp", TypeInformation.of(ReusableNlp.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(remember).build());
        originalNlp = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(
            EnrichedMention enriched, Context ctx, Collector<EnrichedMention> out)
            throws Exception {
        ReusableNlp known = originalNlp.value();
        if (known != null && enriched.getMention().getRepostOfId() != null) {
            known.applyTo(enriched, FLAG_NLP_REUSED);
        } else {
            Mention mention = enriched.getMention();
            withNlp(
                    enriched,
                    enricher.enrich(mention.getText(), mention.getLang(), mention.getHashtags()));
            if (known == null && !enriched.getFlags().contains(MentionEnricher.FLAG_NLP_FAILED)) {
                originalNlp.update(ReusableNlp.of(enriched));
            }
        }
        enriched.setEnrichedAt(Instant.ofEpochMilli(ctx.timerService().currentProcessingTime()));
        out.collect(enriched);
    }

    /**
     * The enriched mention of {@code mention} with {@code enrichment}, outside a job: what {@code
     * hark enrich} emits.
     */
    public static EnrichedMention enriched(Mention mention, Enrichment enrichment) {
        return withNlp(
                EnrichedMention.newBuilder()
                        .setMention(mention)
                        .setEnrichedAt(Instant.now())
                        .build(),
                enrichment);
    }

    /** Sets the NLP fields of {@code enriched} from {@code enrichment}. */
    public static EnrichedMention withNlp(EnrichedMention enriched, Enrichment enrichment) {
        enriched.setSentiment(
                enrichment.sentiment() == null ? null : toSchema(enrichment.sentiment()));
        enriched.setEntities(
                enrichment.entities().stream()
                        .map(
                                entity ->
                                        Entity.newBuilder()
                                                .setText(entity.text())
                                                .setType(entity.type())
                                                .build())
                        .toList());
        enriched.setTopics(enrichment.topics());
        enriched.setLanguage(enrichment.language());
        List<String> flags = new ArrayList<>(enriched.getFlags());
        flags.addAll(enrichment.flags());
        enriched.setFlags(flags);
        return enriched;
    }

    private static Sentiment toSchema(io.hark.nlp.TextSentiment sentiment) {
        return Sentiment.newBuilder()
                .setLabel(label(sentiment))
                .setScore(sentiment.score())
                .setConfidence(sentiment.confidence())
                .setModel(sentiment.model())
                .build();
    }

    /** The schema's label of an NLP sentiment. */
    static SentimentLabel label(io.hark.nlp.TextSentiment sentiment) {
        return SentimentLabel.valueOf(sentiment.polarity().name().toLowerCase(Locale.ROOT));
    }
}
