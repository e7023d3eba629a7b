// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.nlp.TextSentiment.Polarity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoreNlpSentimentTest {
    /**
     * Stock CoreNLP's full pipeline takes over a gigabyte: it is let go after this class, so that
     * the module's other classes, which share Hark's own models, do not run beside it.
     */
    private static CoreNlpSentiment sentiment;

    @BeforeAll
    static void loadStockCoreNlp() {
        sentiment = new CoreNlpSentiment();
    }

    @AfterAll
    static void releaseStockCoreNlp() {
        sentiment = null;
    }

    @Test
    void tellsClearPraiseFromClearComplaint() {
        TextSentiment praise =
                sentiment
                        .analyze("This is a wonderful, beautiful and brilliant airline.")
                        .orElseThrow();
        TextSentiment complaint =
                sentiment.analyze("The service was terrible and the food was awful.").orElseThrow();
        assertThat(praise.polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(complaint.polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(praise.score()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(complaint.score()).isLessThan(0).isGreaterThanOrEqualTo(-1);
        assertThat(praise.confidence()).isBetween(1 / 3.0, 1.0);
        assertThat(praise.model()).isEqualTo(CoreNlpSentiment.MODEL);
    }

    @Test
    void readsTextWithoutWordsAsNeutral() {
        assertThat(sentiment.analyze("")).isEmpty();
        assertThat(sentiment.analyze("🔥🔥🔥 \u200b\u202e ..."))
                .get()
                .extracting(TextSentiment::polarity)
                .isEqualTo(Polarity.NEUTRAL);
    }

    /**
     * One sentence of 250 tokens made the parser's chart take 3 GB: longer sentences get a flat
     * tree.
     */
    @Test
    void readsASentenceLongerThanTheParserTakesInBoundedMemory() {
        assertThat(sentiment.analyze("bad ".repeat(50_000)))
                .get()
                .extracting(TextSentiment::polarity)
                .isEqualTo(Polarity.NEGATIVE);
        assertThat(
                        sentiment.analyze(
                                "bad ".repeat(CoreNlpSentiment.MAX_SENTENCE_TOKENS - 1) + "bad."))
                .get()
                .extracting(TextSentiment::polarity)
                .isEqualTo(Polarity.NEGATIVE);
    }
}
