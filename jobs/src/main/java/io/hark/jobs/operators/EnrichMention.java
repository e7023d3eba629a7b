// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.operators;

import io.hark.nlp.Enrichment;
import io.hark.nlp.MentionEnricher;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Entity;
import io.hark.schema.Mention;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * Adds Hark's NLP to a mention ({@link MentionEnricher}: language, sentiment, entities, topics).
 * The enricher and its models are shared by all task slots of a JVM and created in {@link #open}.
 */
public class EnrichMention extends RichMapFunction<Mention, EnrichedMention> {
  private static final Map<Map<String, String>, MentionEnricher> ENRICHERS = new HashMap<>();

  private final HashMap<String, String> gazetteer;
  private transient MentionEnricher enricher;

  /** @param gazetteer brand, product and people names to recognise as entities, with their type */
  public EnrichMention(Map<String, String> gazetteer) {
    this.gazetteer = new HashMap<>(gazetteer);
  }

  public EnrichMention() {
    this(Map.of());
  }

  public static TypeInformation<EnrichedMention> outputType() {
    return new AvroTypeInfo<>(EnrichedMention.class);
  }

  @Override
  public void open(OpenContext openContext) {
    synchronized (ENRICHERS) {
      enricher = ENRICHERS.computeIfAbsent(Map.copyOf(gazetteer), MentionEnricher::new);
    }
  }

  @Override
  public EnrichedMention map(Mention mention) {
    return enriched(mention, enricher.enrich(mention.getText(), mention.getHashtags()));
  }

  /** The enriched mention of {@code mention} with {@code enrichment}: what the job and {@code hark enrich} emit. */
  public static EnrichedMention enriched(Mention mention, Enrichment enrichment) {
    return EnrichedMention.newBuilder()
        .setMention(mention)
        .setSentiment(enrichment.sentiment() == null ? null : toSchema(enrichment.sentiment()))
        .setEntities(enrichment.entities().stream()
            .map(entity -> Entity.newBuilder().setText(entity.text()).setType(entity.type()).build())
            .toList())
        .setTopics(enrichment.topics())
        .setLanguage(enrichment.language())
        .setFlags(enrichment.flags())
        .setEnrichedAt(Instant.now())
        .build();
  }

  private static Sentiment toSchema(io.hark.nlp.Sentiment sentiment) {
    return Sentiment.newBuilder()
        .setLabel(SentimentLabel.valueOf(sentiment.polarity().name().toLowerCase(Locale.ROOT)))
        .setScore(sentiment.score())
        .setConfidence(sentiment.confidence())
        .setModel(sentiment.model())
        .build();
  }
}
