// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.topics;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.hark.nlp.entities.AnnotatedText;
import io.hark.nlp.entities.EntityRecognizer;
import io.hark.nlp.entities.SocialTextAnnotator;
import io.hark.nlp.language.LanguageDetector;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Garbage in must never mean an exception out: the whole enrichment chain on random text. */
class RandomInputTest {

    private static final int[] INTERESTING = {
        0, 7, 0x1B, 0x7F, 0x200B, 0x200D, 0x202E, 0x2066, 0xFEFF, 0xFFFD, 0xD800, 0xDC00, 0x1F600,
        0x1F525, 0x0627, 0x05D0, 0x4E2D, '#', '@', '(', ')', '<', '&', '.', '\n', ' ', ' ', ' '
    };

    @Test
    void enrichmentChainNeverThrows() {
        Random random = new Random(42);
        SocialTextAnnotator annotator = SocialTextAnnotator.shared();
        EntityRecognizer recognizer = new EntityRecognizer(Map.of("Skyline Air", "BRAND"));
        TopicExtractor extractor = new TopicExtractor();
        LanguageDetector detector = LanguageDetector.shared();

        // Random letters are unknown words, the slowest input for the tagger and CRF: keep it
        // short.
        for (int i = 0; i < 100; i++) {
            String text = randomText(random, random.nextInt(i < 98 ? 80 : 5_000));
            assertThatCode(
                            () -> {
                                detector.detect(text);
                                AnnotatedText annotated = annotator.annotate(text);
                                extractor.extract(
                                        annotated, List.of(text), recognizer.recognize(annotated));
                            })
                    .as("text #%d", i)
                    .doesNotThrowAnyException();
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(4);
            if (pick == 0) {
                text.appendCodePoint(INTERESTING[random.nextInt(INTERESTING.length)]);
            } else if (pick == 1) {
                text.append(
                        new String[] {
                                    "Skyline", "Air", "Obama", "flight", "the", "delayed", "Paris"
                                }
                                [random.nextInt(7)]);
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }
}
