// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionEnricherTest {
    private final MentionEnricher enricher = new MentionEnricher(Map.of("Skyline Air", "BRAND"));

    @Test
    void englishGetsEverything() {
        Enrichment enrichment =
                enricher.enrich(
                        "Skyline Air lost my bag in London again, worst airline ever :(",
                        null,
                        List.of());
        assertThat(enrichment.language()).isEqualTo("en");
        assertThat(enrichment.sentiment().polarity()).isEqualTo(TextSentiment.Polarity.NEGATIVE);
        assertThat(enrichment.entities())
                .extracting(e -> e.text() + "/" + e.type())
                .contains("Skyline Air/BRAND", "London/LOCATION");
        assertThat(enrichment.topics()).contains("skyline air");
        assertThat(enrichment.flags()).isEmpty();
    }

    @Test
    void otherLanguagesKeepLanguageAndHashtagsButNoGuessedSentiment() {
        Enrichment enrichment =
                enricher.enrich(
                        "El peor servicio de mi vida, nunca más vuelvo a volar con ellos",
                        null,
                        List.of("FailAir"));
        assertThat(enrichment.language()).isEqualTo("es");
        assertThat(enrichment.sentiment()).isNull();
        assertThat(enrichment.topics()).containsExactly("failair");
        assertThat(enrichment.flags())
                .containsExactly(MentionEnricher.FLAG_SENTIMENT_UNSUPPORTED_LANGUAGE);
    }

    @Test
    void aRepostReusesItsOriginalsEnrichment() {
        Enrichment original =
                enricher.enrich("Loving the new lounge at Skyline Air", null, List.of());
        assertThat(
                        enricher.enrich(
                                "RT @ana_b: Loving the new lounge at Skyline Air", null, List.of()))
                .isSameAs(original);
    }

    @Test
    void readsAndCachesOnlyTheStartOfALongText() {
        String start =
                "Skyline Air lost my bag again. ".repeat(MentionEnricher.MAX_TEXT_CHARS / 20);

        Enrichment enrichment =
                enricher.enrich(start + "Kept my coffee warm though.", null, List.of());

        assertThat(enricher.enrich(start + "A different ending entirely.", null, List.of()))
                .isSameAs(enrichment);
    }

    @Test
    void textWithoutWordsGetsNoEntitiesAndNoTopics() {
        for (String text : new String[] {null, "", "\u200B\u202E", "🔥".repeat(10_000)}) {
            Enrichment enrichment = enricher.enrich(text, null, List.of());
            assertThat(enrichment.entities()).as("entities of %.20s", text).isEmpty();
            assertThat(enrichment.topics()).as("topics of %.20s", text).isEmpty();
        }
        assertThat(enricher.enrich("x".repeat(1_000_000), null, List.of()).entities()).isEmpty();
    }
}
