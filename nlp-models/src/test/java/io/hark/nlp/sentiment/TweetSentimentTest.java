// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.nlp.TextSentiment;
import io.hark.nlp.TextSentiment.Polarity;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TweetSentimentTest {
    private final TweetSentiment sentiment = TweetSentiment.shared();

    @Test
    void getsTheObviousOnesRight() {
        assertThat(sentiment.analyze("I love this so much!! 😍").polarity())
                .isEqualTo(Polarity.POSITIVE);
        assertThat(sentiment.analyze("Worst service ever, I hate waiting :(").polarity())
                .isEqualTo(Polarity.NEGATIVE);
    }

    @Test
    void returnsAWellFormedSentiment() {
        TextSentiment s = sentiment.analyze("@united thanks for nothing #fail");
        assertThat(s.score()).isBetween(-1.0, 1.0);
        assertThat(s.confidence()).isBetween(1 / 3.0, 1.0);
        assertThat(s.model()).isEqualTo(TweetSentimentTrainer.MODEL_NAME);
    }

    @Test
    void oddTextGetsTheModelsReadingNotTheFallback() {
        for (String text :
                new String[] {
                    " ", "\u200B\u200F", "💩".repeat(100_000), "a".repeat(1_000_000), "\uD800 bad"
                }) {
            TextSentiment s = sentiment.analyze(text);
            assertThat(s.score()).as("score of %.20s", text).isBetween(-1.0, 1.0);
            // the fallback for text the model cannot read is neutral at exactly 1/3
            assertThat(s.confidence()).as("confidence of %.20s", text).isNotEqualTo(1.0 / 3);
        }
        assertThat(sentiment.analyze(null).polarity()).isEqualTo(Polarity.NEUTRAL);
    }

    @Test
    void isSafeToShareAcrossThreads() {
        String text = "not bad at all, actually pretty good";
        TextSentiment expected = sentiment.analyze(text);
        List<TextSentiment> results =
                IntStream.range(0, 2_000)
                        .parallel()
                        .mapToObj(i -> sentiment.analyze(text))
                        .toList();
        assertThat(results).allMatch(expected::equals);
    }
}
