// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hark.nlp.entities.NamedEntity;
import io.hark.nlp.sentiment.TweetSentiment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class EnrichmentAgreementTest {
    private static final Map<String, String> GAZETTEER =
            Map.of("Skyline Air", "BRAND", "Pixelion", "BRAND");

    /** A text of the sample and the language its platform gave, or null. */
    private record SampleText(String lang, String text) {}

    @Test
    void theShippedPathAgreesWithTheEnrichmentAsBeforeOnTheSample() throws IOException {
        List<SampleText> sample = sample();
        TweetSentiment sentiment = TweetSentiment.shared();
        MentionEnricher before = MentionEnricher.reference(GAZETTEER, sentiment);
        MentionEnricher shipped = new MentionEnricher(GAZETTEER, sentiment);
        List<Enrichment> reference = new ArrayList<>();
        List<Enrichment> candidate = new ArrayList<>();
        for (SampleText each : sample) {
            reference.add(before.enrich(each.text(), null, List.of()));
            candidate.add(shipped.enrich(each.text(), each.lang(), List.of()));
        }

        EnrichmentAgreement agreement = EnrichmentAgreement.of(reference, candidate);

        assertThat(agreement.texts()).isEqualTo(200);
        assertThat(agreement.entityF1()).isGreaterThanOrEqualTo(0.95);
        assertThat(agreement.topicJaccard()).isGreaterThanOrEqualTo(0.90);
        assertThat(agreement.sentimentAgreement()).isEqualTo(1.0);
        // The platforms' claims differ from detection on a few texts, by design.
        assertThat(agreement.languageAgreement()).isBetween(0.8, 1.0);
    }

    @Test
    void countsEntitiesTopicsAndLabelsThatDiffer() {
        TextSentiment positive = new TextSentiment(TextSentiment.Polarity.POSITIVE, 0.8, 0.9, "m");
        TextSentiment negative = new TextSentiment(TextSentiment.Polarity.NEGATIVE, -0.8, 0.9, "m");
        NamedEntity london = new NamedEntity("London", NamedEntity.LOCATION);
        NamedEntity paris = new NamedEntity("Paris", NamedEntity.LOCATION);
        NamedEntity ana = new NamedEntity("Ana", NamedEntity.PERSON);
        List<Enrichment> reference =
                List.of(
                        new Enrichment(
                                "en", positive, List.of(london, ana), List.of("a", "b"), List.of()),
                        new Enrichment("es", null, List.of(), List.of(), List.of()));
        List<Enrichment> candidate =
                List.of(
                        new Enrichment(
                                "en",
                                negative,
                                List.of(london, paris, ana),
                                List.of("b", "c"),
                                List.of()),
                        new Enrichment("und", null, List.of(), List.of(), List.of()));

        EnrichmentAgreement agreement = EnrichmentAgreement.of(reference, candidate);

        assertThat(agreement.entityPrecision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(agreement.entityRecall()).isEqualTo(1.0);
        assertThat(agreement.entityF1()).isCloseTo(0.8, within(1e-9));
        // (1/3 + 1) / 2: texts without topics in both agree fully.
        assertThat(agreement.topicJaccard()).isCloseTo(2 / 3.0, within(1e-9));
        // Only the first text is in the same language on both sides, and its label differs.
        assertThat(agreement.sentimentAgreement()).isEqualTo(0.0);
        assertThat(agreement.languageAgreement()).isEqualTo(0.5);
    }

    private static List<SampleText> sample() throws IOException {
        List<SampleText> texts = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                Objects.requireNonNull(
                                        EnrichmentAgreementTest.class.getResourceAsStream(
                                                "agreement-sample.tsv")),
                                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String lang = line.substring(0, tab);
                texts.add(
                        new SampleText(
                                lang.isEmpty() ? null : lang, unescape(line.substring(tab + 1))));
            }
        }
        return texts;
    }

    private static String unescape(String escaped) {
        StringBuilder text = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length()) {
                char next = escaped.charAt(++i);
                text.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
