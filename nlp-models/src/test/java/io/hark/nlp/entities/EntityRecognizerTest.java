// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.nlp.text.TextCap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityRecognizerTest {

    static final Map<String, String> GAZETTEER =
            Map.of(
                    "Skyline Air", "BRAND",
                    "Skyline Air Miles", "PRODUCT",
                    "BlueJet", "BRAND",
                    "AT&T", "BRAND",
                    "Tim Cook", "EXECUTIVE");

    private final EntityRecognizer recognizer = new EntityRecognizer(GAZETTEER);

    @Test
    void findsCrfEntitiesInTextOrder() {
        List<NamedEntity> entities =
                recognizer.recognize(
                        "Barack Obama met Angela Merkel in Berlin to talk with Microsoft about jobs.");

        assertThat(entities)
                .containsExactly(
                        new NamedEntity("Barack Obama", NamedEntity.PERSON),
                        new NamedEntity("Angela Merkel", NamedEntity.PERSON),
                        new NamedEntity("Berlin", NamedEntity.LOCATION),
                        new NamedEntity("Microsoft", NamedEntity.ORGANIZATION));
    }

    @Test
    void gazetteerMatchesCaseInsensitivelyOnTokenBoundariesWithCanonicalName() {
        assertThat(recognizer.recognize("flew SKYLINE air's red-eye, and at&t had no signal"))
                .containsExactly(
                        new NamedEntity("Skyline Air", "BRAND"), new NamedEntity("AT&T", "BRAND"));
        assertThat(recognizer.recognize("the skylines are air-brushed; bluejets everywhere"))
                .isEmpty();
    }

    @Test
    void longestGazetteerMatchWins() {
        assertThat(recognizer.recognize("Redeemed my Skyline Air miles for a trip"))
                .containsExactly(new NamedEntity("Skyline Air Miles", "PRODUCT"));
    }

    @Test
    void gazetteerBeatsCrfOnOverlap() {
        assertThat(recognizer.recognize("Tim Cook announced the new iPhone in Cupertino."))
                .containsExactly(
                        new NamedEntity("Tim Cook", "EXECUTIVE"),
                        new NamedEntity("Cupertino", NamedEntity.LOCATION));
    }

    @Test
    void deduplicatesCaseInsensitively() {
        assertThat(recognizer.recognize("BlueJet again. bluejet is late. BLUEJET!!!"))
                .containsExactly(new NamedEntity("BlueJet", "BRAND"));
    }

    @Test
    void handlesAndHashtagsStayWholeTokens() {
        AnnotatedText annotated =
                SocialTextAnnotator.shared()
                        .annotate("@SkylineAir lost my bag #BlueJetFail https://t.co/x1Y 😡");
        assertThat(annotated.tokens())
                .extracting(Token::word)
                .contains("@SkylineAir", "#BlueJetFail", "https://t.co/x1Y");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "😀😀🔥🔥✈️",
                "\u0000\u0001\u0007",
                "\u200B\u200D\u202E\u2066\uFEFF",
                "\uD83D lone \uDE00 surrogates",
                "((((((((((",
                "مرحبا بالعالم",
                "!!!???...",
                "http://"
            })
    void findsNoEntityInTextWithoutNames(String text) {
        assertThat(recognizer.recognize(text)).isEmpty();
    }

    @Test
    void nullGivesNothing() {
        assertThat(recognizer.recognize((String) null)).isEmpty();
        assertThat(new EntityRecognizer(null).recognize("Skyline Air lost my bag"))
                .as("without a gazetteer no brand is known")
                .extracting(NamedEntity::type)
                .doesNotContain("BRAND");
        assertThat(recognizer.recognize("Skyline Air lost my bag"))
                .contains(new NamedEntity("Skyline Air", "BRAND"));
    }

    @Test
    void invisibleCharactersDoNotHideEntities() {
        assertThat(recognizer.recognize("\u202EBarack\u200B Obama visited \u2066Skyline\u2069 Air"))
                .contains(new NamedEntity("Skyline Air", "BRAND"))
                .anySatisfy(e -> assertThat(e.type()).isEqualTo(NamedEntity.PERSON));
    }

    @Test
    void longTextIsCappedAndBounded() {
        String megabyte = "Barack Obama visited Berlin. ".repeat(36_000) + "Angela Merkel";
        long start = System.nanoTime();
        List<NamedEntity> entities = recognizer.recognize(megabyte);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(entities)
                .containsExactly(
                        new NamedEntity("Barack Obama", NamedEntity.PERSON),
                        new NamedEntity("Berlin", NamedEntity.LOCATION));
        assertThat(millis)
                .as("only the first %d chars are annotated", SocialTextAnnotator.MAX_CHARS)
                .isLessThan(10_000);
    }

    @Test
    void cleaningBlanksNoiseKeepingOffsetsAndLetters() {
        String noisy = "a\u200Bb😀\u0000\nc 👍🏽 ❤️ 𠀀";
        assertThat(SocialTextAnnotator.clean(noisy))
                .hasSameSizeAs(noisy)
                .isEqualTo("a b   \nc" + " ".repeat(9) + "𠀀");
        assertThat(TextCap.capAtBoundary("a".repeat(9) + "😀", 10)).isEqualTo("a".repeat(9));
    }

    @Test
    void sharedAnnotatorIsSafeAcrossThreads() {
        String text = "Angela Merkel flew Skyline Air to Paris.";
        List<NamedEntity> expected = recognizer.recognize(text);
        assertThat(expected).hasSize(3);

        List<List<NamedEntity>> results =
                IntStream.range(0, 64)
                        .parallel()
                        .mapToObj(i -> recognizer.recognize(text))
                        .toList();
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }
}
