// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.stats.Counter;
import org.junit.jupiter.api.Test;

class TweetFeaturesTest {
    private final TweetFeatures features = new TweetFeatures(SentimentLexicon.vader());

    @Test
    void hasWordAndCharacterNgramsOfTheNegationMarkedTokens() {
        Counter<String> f = features.extract("I don't love it");
        assertThat(f.keySet())
                .contains(
                        "w:love_NEG",
                        "b:don't love_NEG",
                        "b:<s> i",
                        "b:it_NEG </s>",
                        "c:lov",
                        "c:love ");
        assertThat(f.keySet()).doesNotContain("w:love");
    }

    @Test
    void lexiconScoresSeparateNegatedWords() {
        Counter<String> plain = features.extract("I love it");
        Counter<String> negated = features.extract("I don't love it");
        assertThat(plain.getCount("lex:pos")).isPositive();
        assertThat(plain.getCount("lex:lastPos")).isPositive();
        assertThat(negated.getCount("lex:pos")).isZero();
        assertThat(negated.getCount("lex:negatedPos")).isPositive();
        assertThat(negated.getCount("lex:lastNeg")).isPositive();
        assertThat(features.extract("this is awful").getCount("lex:neg")).isPositive();
    }

    @Test
    void countsEmoticonsAndCues() {
        Counter<String> f = features.extract("SOOO HAPPY!!! :) 😍 #BestDay");
        assertThat(f.getCount("emo:pos")).isEqualTo(Math.log1p(2));
        assertThat(f.getCount("cue:elongated")).isPositive();
        assertThat(f.getCount("cue:exclaims")).isPositive();
        assertThat(f.getCount("cue:allCaps")).isEqualTo(Math.log1p(2));
        assertThat(f.keySet()).contains("h:bestday", "w:best", "w:day");
    }

    @Test
    void anyInputGivesFeatures() {
        assertThat(features.extract((String) null).keySet()).contains("bias");
        assertThat(features.extract("").keySet()).contains("bias");
        assertThat(features.extract("x".repeat(1_000_000)).size()).isLessThan(5_000);
    }

    @Test
    void lexiconIsLoaded() {
        assertThat(SentimentLexicon.vader().size()).isGreaterThan(7_000);
        assertThat(SentimentLexicon.vader().valence("good")).isPositive();
        assertThat(SentimentLexicon.vader().valence("bad")).isNegative();
        assertThat(SentimentLexicon.vader().valence("table")).isZero();
    }
}
