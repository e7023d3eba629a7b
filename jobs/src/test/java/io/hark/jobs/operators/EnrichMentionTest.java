// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.TestMentions;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.SentimentLabel;
import java.time.Instant;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnrichMentionTest {
  private static OneInputStreamOperatorTestHarness<Mention, EnrichedMention> harness;

  @BeforeAll
  static void open() throws Exception {
    harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new EnrichMention()));
    harness.open();
  }

  @AfterAll
  static void close() throws Exception {
    harness.close();
  }

  private static EnrichedMention enrich(Mention mention) throws Exception {
    harness.processElement(mention, mention.getCreatedAt().toEpochMilli());
    var output = harness.extractOutputValues();
    return output.get(output.size() - 1);
  }

  @Test
  void addsSentimentToEnglishAndKeepsTheMention() throws Exception {
    Mention mention = TestMentions.mention(1, Instant.parse("2026-11-01T00:00:00Z"));
    mention.setText("Worst flight ever, lost my bag and nobody helped :( never again");
    EnrichedMention enriched = enrich(mention);
    assertThat(enriched.getMention()).isEqualTo(mention);
    assertThat(enriched.getSentiment().getLabel()).isEqualTo(SentimentLabel.negative);
    assertThat(enriched.getFlags()).isEmpty();
    assertThat(enriched.getEnrichedAt()).isNotNull();
  }

  @Test
  void givesNoSentimentToOtherLanguagesRatherThanAGuess() throws Exception {
    Mention mention = TestMentions.mention(2, Instant.parse("2026-11-01T00:00:00Z"));
    mention.setLang("fr");
    mention.setText("Le pire vol de ma vie, je ne prendrai plus jamais cette compagnie.");
    EnrichedMention enriched = enrich(mention);
    assertThat(enriched.getSentiment()).isNull();
    assertThat(enriched.getFlags()).containsExactly(io.hark.nlp.MentionEnricher.FLAG_SENTIMENT_UNSUPPORTED_LANGUAGE);
    assertThat(enriched.getLanguage()).isEqualTo("fr");
  }

  @Test
  void findsLanguageEntitiesAndTopics() throws Exception {
    Mention mention = TestMentions.mention(3, Instant.parse("2026-11-01T00:00:00Z"));
    mention.setText("Barack Obama flew Skyline Air to London and loved the new lounge #SkylineAir");
    mention.setHashtags(java.util.List.of("SkylineAir"));
    EnrichedMention enriched = enrich(mention);
    assertThat(enriched.getLanguage()).isEqualTo("en");
    assertThat(enriched.getEntities()).extracting(io.hark.schema.Entity::getType).contains("PERSON", "LOCATION");
    assertThat(enriched.getTopics()).startsWith("skylineair");
  }
}
