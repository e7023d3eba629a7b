// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.TestMentions;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.SentimentLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnrichMentionTest {
    private static KeyedOneInputStreamOperatorTestHarness<String, EnrichedMention, EnrichedMention>
            harness;

    @BeforeAll
    static void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new EnrichMention(Map.of(), Duration.ofHours(1), null),
                        EnrichMention::nlpKey,
                        Types.STRING);
    }

    @AfterAll
    static void close() throws Exception {
        harness.close();
    }

    private static EnrichedMention enrich(Mention mention) throws Exception {
        harness.processElement(
                EnrichedMention.newBuilder()
                        .setMention(mention)
                        .setEnrichedAt(Instant.EPOCH)
                        .build(),
                mention.getCreatedAt().toEpochMilli());
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
        assertThat(enriched.getFlags())
                .containsExactly(io.hark.nlp.MentionEnricher.FLAG_SENTIMENT_UNSUPPORTED_LANGUAGE);
        assertThat(enriched.getLanguage()).isEqualTo("fr");
    }

    @Test
    void takesThePlatformsLanguageRatherThanDetectingItAgain() throws Exception {
        Mention mention = TestMentions.mention(60, Instant.parse("2026-11-01T00:00:00Z"));
        // The platform knows its post (say, the author's Spanish-language thread) better than the
        // text alone: its claim is taken, so the English model gives no sentiment.
        mention.setLang("es-MX");
        mention.setText("Worst flight ever, lost my bag and nobody helped :( never again");
        EnrichedMention enriched = enrich(mention);
        assertThat(enriched.getLanguage()).isEqualTo("es");
        assertThat(enriched.getSentiment()).isNull();
    }

    @Test
    void findsLanguageEntitiesAndTopics() throws Exception {
        Mention mention = TestMentions.mention(3, Instant.parse("2026-11-01T00:00:00Z"));
        mention.setText(
                "Barack Obama flew Skyline Air to London and loved the new lounge #SkylineAir");
        mention.setHashtags(java.util.List.of("SkylineAir"));
        EnrichedMention enriched = enrich(mention);
        assertThat(enriched.getLanguage()).isEqualTo("en");
        assertThat(enriched.getEntities())
                .extracting(io.hark.schema.Entity::getType)
                .contains("PERSON", "LOCATION");
        assertThat(enriched.getTopics()).startsWith("skylineair");
    }

    @Test
    void aRepostReusesItsOriginalsNlp() throws Exception {
        Mention original = TestMentions.mention(4, Instant.parse("2026-11-01T00:00:00Z"));
        original.setText("The new Novaphone camera is stunning, best phone I have owned");
        EnrichedMention analysed = enrich(original);

        Mention repost = TestMentions.mention(5, Instant.parse("2026-11-01T00:05:00Z"));
        repost.setPlatform(original.getPlatform());
        repost.setRepostOfId(original.getId());
        repost.setText(
                "RT @someone: something the analysis must not look at, it is the original's text that counts");
        EnrichedMention reused = enrich(repost);

        assertThat(reused.getFlags()).containsExactly(EnrichMention.FLAG_NLP_REUSED);
        assertThat(reused.getSentiment()).isEqualTo(analysed.getSentiment());
        assertThat(reused.getTopics()).isEqualTo(analysed.getTopics());
        assertThat(reused.getMention()).isEqualTo(repost);
    }

    @Test
    void aRepostOfAnUnseenOriginalIsAnalysedItself() throws Exception {
        Mention repost = TestMentions.mention(6, Instant.parse("2026-11-01T00:05:00Z"));
        repost.setRepostOfId("never-seen");
        repost.setText("RT @bluejet: Two hours on hold and still no answer, awful");
        EnrichedMention enriched = enrich(repost);
        assertThat(enriched.getFlags()).doesNotContain(EnrichMention.FLAG_NLP_REUSED);
        assertThat(enriched.getSentiment().getLabel()).isEqualTo(SentimentLabel.negative);
    }
}
