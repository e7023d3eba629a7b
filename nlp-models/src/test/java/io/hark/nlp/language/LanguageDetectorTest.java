// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.nlp.text.TextCap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = LanguageDetector.shared();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | My flight with @SkylineAir was delayed three hours and nobody told us why https://t.co/abc #fail",
                "es | El vuelo salió con tres horas de retraso y nadie nos explicó nada, qué vergüenza",
                "fr | Le service client ne répond jamais, je suis vraiment déçu de cette compagnie",
                "de | Der Flug hatte drei Stunden Verspätung und niemand hat uns etwas gesagt",
                "pt | O voo atrasou três horas e ninguém nos explicou o motivo, que vergonha",
                "it | Il volo è partito con tre ore di ritardo e nessuno ci ha spiegato niente",
                "nl | De vlucht had drie uur vertraging en niemand heeft ons iets uitgelegd",
            })
    void detectsEachSupportedLanguage(String expected, String text) {
        assertThat(detector.detect(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "My flight with SkylineAir is delayed and the crew said nothing",
                "I\u2019m done with this airline",
                "can't believe THE queue at the gate",
            })
    void readsAsEnglishWithTwoEnglishOnlyFunctionWords(String text) {
        assertThat(LanguageDetector.readsAsEnglish(text)).isTrue();
        assertThat(detector.detect(text)).isEqualTo("en");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // one English function word is not enough
                "Skyline Air flight delayed again",
                // another language's function word sends it to lingua, however English the rest
                "the best paella en Madrid, and the sangria",
                "the Flug und the crew",
                "Was soll das, the flight is late",
                "El vuelo de Madrid: the worst, just the worst",
            })
    void leavesToLinguaWhatIsNotPlainlyEnglish(String text) {
        assertThat(LanguageDetector.readsAsEnglish(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "es | El vuelo de Madrid a Londres salió tarde, the worst, y nadie nos dijo nada",
                "de | Der Flug nach London war the worst, und niemand hat uns etwas gesagt",
            })
    void aFewEnglishWordsDoNotMakeAnotherLanguageEnglish(String expected, String text) {
        assertThat(detector.detect(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"en | en", "es | ES", "fr | fr-CA", "de | ' de '", "pt | pt-BR"})
    void takesThePlatformsSupportedLanguageWithoutDetecting(String expected, String claimed) {
        // An English text: the answer can only come from the claim.
        assertThat(
                        detector.detect(
                                "My flight was delayed three hours and nobody told us why",
                                claimed))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"und", "qme", "zxx", "ja", "", "-", "english", "e"})
    void detectsAgainWhenThePlatformNamesNoSupportedLanguage(String claimed) {
        String spanish = "El vuelo salió con tres horas de retraso y nadie nos explicó nada";
        assertThat(detector.detect(spanish, claimed)).isEqualTo("es");
        assertThat(detector.detect(spanish, null)).isEqualTo("es");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "ok",
                "lol",
                "😀😀🔥🔥✈️",
                "@SkylineAir https://t.co/xyz",
                "#win",
                "12345 678"
            })
    void tooLittleLanguageIsUndetermined(String text) {
        assertThat(detector.detect(text)).isEqualTo(LanguageDetector.UNDETERMINED);
    }

    @Test
    void nullIsUndetermined() {
        assertThat(detector.detect(null)).isEqualTo(LanguageDetector.UNDETERMINED);
    }

    @Test
    void cleaningRemovesUrlsHandlesAndHashMarks() {
        assertThat(LanguageDetector.clean("Thanks @bob_1 see https://x.co/a?b=1 #BlueJetFail now"))
                .isEqualTo("Thanks   see   BlueJetFail now");
    }

    @Test
    void survivesHostileInput() {
        String zeroWidthAndRtl =
                "\u200B\u200D\u202EThe\u200B flight \u0000was \u202Bdelayed\u2066 again today\uFEFF";
        String huge = "The flight was delayed again and again. ".repeat(30_000);
        String loneSurrogates = "\uD83D bad \uDE00 text the flight was delayed";

        assertThat(detector.detect(zeroWidthAndRtl)).isEqualTo("en");
        assertThat(detector.detect(huge)).isEqualTo("en");
        assertThat(detector.detect(loneSurrogates)).isIn("en", LanguageDetector.UNDETERMINED);
    }

    @Test
    void capNeverSplitsASurrogatePair() {
        String text = "a".repeat(9) + "😀" + "b".repeat(10);
        String capped = TextCap.capAtBoundary(text, 10);
        assertThat(capped).isEqualTo("a".repeat(9));
    }

    @Test
    void sharedInstanceIsSafeAcrossThreads() {
        List<String> texts =
                List.of(
                        "Der Flug hatte drei Stunden Verspätung und niemand hat uns etwas gesagt",
                        "My flight was delayed three hours and nobody told us why");
        var results = ConcurrentHashMap.<String>newKeySet();
        IntStream.range(0, 200)
                .parallel()
                .forEach(i -> results.add(detector.detect(texts.get(i % 2))));
        assertThat(results).containsExactlyInAnyOrder("de", "en");
    }
}
