// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocialTextNormalizerTest {
    private final SocialTextNormalizer normalizer = SocialTextNormalizer.instance();

    @Test
    void replacesUrlsAndHandlesAndKeepsTheHandles() {
        NormalizedText n = normalizer.normalize("@Delta thanks! see https://t.co/AbC123");
        assertThat(n.tokens()).containsExactly("USER", "thanks", "!", "see", "URL");
        assertThat(n.handles()).containsExactly("delta");
        assertThat(n.cues().urls()).isEqualTo(1);
    }

    @Test
    void separatesPunctuationGluedToUrls() {
        NormalizedText n =
                normalizer.normalize(
                        "look:http://x.co/a_b). Great!!!https://y.co/z, (www.z.org)http://t.co/q");
        assertThat(n.tokens())
                .containsExactly(
                        "look", ":", "URL", ")", ".", "great", "!!", "URL", ",", "(", "URL", ")",
                        "URL");
        assertThat(n.cues().repeatedExclamations()).isEqualTo(1);
    }

    @Test
    void splitsCamelCaseHashtagsAndKeepsTheTag() {
        NormalizedText n = normalizer.normalize("#BlueJetFail again #NBA2K16 #happy");
        assertThat(n.tokens())
                .containsExactly("blue", "jet", "fail", "again", "nba", "2", "k", "16", "happy");
        assertThat(n.hashtags()).containsExactly("bluejetfail", "nba2k16", "happy");
    }

    @Test
    void mapsEmoticonsAndEmojiToPolarityTokens() {
        NormalizedText n = normalizer.normalize("yay :) :-D 😍 <3 xD but :( 😡 :'( -_- </3 and 🍕");
        assertThat(n.tokens())
                .containsExactly(
                        "yay", "EMO_POS", "EMO_POS", "EMO_POS", "EMO_POS", "EMO_POS", "but",
                        "EMO_NEG", "EMO_NEG", "EMO_NEG", "EMO_NEG", "EMO_NEG", "and", "🍕");
        assertThat(n.cues().positiveEmoticons()).isEqualTo(5);
        assertThat(n.cues().negativeEmoticons()).isEqualTo(5);
    }

    @Test
    void emojiWithSkinTonesAndJoinersStillCount() {
        NormalizedText n = normalizer.normalize("ok 👍🏽 ❤️ 👎🏻");
        assertThat(n.tokens()).containsExactly("ok", "EMO_POS", "EMO_POS", "EMO_NEG");
    }

    @Test
    void doesNotSeeEmoticonsInsideWordsOrTimes() {
        assertThat(normalizer.normalize("AND: 10:30 boxD").tokens())
                .containsExactly("and", ":", "10", ":", "30", "boxd");
    }

    @Test
    void shortensElongationsAndFlagsThem() {
        NormalizedText n = normalizer.normalize("Sooooo goooood");
        assertThat(n.tokens()).containsExactly("soo", "good");
        assertThat(n.cues().elongatedWords()).isEqualTo(2);
    }

    @Test
    void lowerCasesAndCountsAllCapsWords() {
        NormalizedText n = normalizer.normalize("I HATE Mondays SO much");
        assertThat(n.tokens()).containsExactly("i", "hate", "mondays", "so", "much");
        assertThat(n.cues().allCapsWords()).isEqualTo(2);
    }

    @Test
    void decodesHtmlEntitiesIncludingDoubleEscaped() {
        NormalizedText n =
                normalizer.normalize(
                        "Tom &amp;amp; Jerry &lt;3 &quot;wow&quot; &#39;k&#x27; &bogus;");
        assertThat(n.tokens())
                .containsExactly(
                        "tom", "&", "jerry", "EMO_POS", "\"", "wow", "\"", "'", "k", "'", "&",
                        "bogus", ";");
    }

    @Test
    void stripsRetweetPrefixes() {
        NormalizedText n = normalizer.normalize("RT @a: RT @b: so true");
        assertThat(n.tokens()).containsExactly("so", "true");
    }

    @Test
    void marksNegationScopeUpToPunctuation() {
        NormalizedText n =
                normalizer.normalize("I don't like this movie, but it's not bad. Never again");
        assertThat(n.negationMarkedTokens())
                .containsExactly(
                        "i",
                        "don't",
                        "like_NEG",
                        "this_NEG",
                        "movie_NEG",
                        ",",
                        "but",
                        "it's",
                        "not",
                        "bad_NEG",
                        ".",
                        "never",
                        "again_NEG");
        assertThat(n.tokens()).contains("like", "bad").doesNotContain("like_NEG");
        assertThat(n.cues().negations()).isEqualTo(3);
    }

    @Test
    void curlyApostrophesNegateToo() {
        assertThat(normalizer.normalize("I can’t stand it").negationMarkedTokens())
                .containsExactly("i", "can't", "stand_NEG", "it_NEG");
    }

    @Test
    void dropsZeroWidthAndBidiCharacters() {
        NormalizedText n = normalizer.normalize("gr\u200Beat\u200F \u202Bnews\u202C\uFEFF \u200D");
        assertThat(n.tokens()).containsExactly("great", "news");
    }

    @Test
    void keepsRightToLeftScriptsAsWords() {
        assertThat(normalizer.normalize("\u200Fשלום עולם مرحبا!").tokens())
                .containsExactly("שלום", "עולם", "مرحبا", "!");
    }

    @Test
    void emptyBlankAndNullGiveEmptyResults() {
        assertThat(normalizer.normalize("").tokens()).isEmpty();
        assertThat(normalizer.normalize("  \n\t").tokens()).isEmpty();
        assertThat(normalizer.normalize(null).tokens()).isEmpty();
        assertThat(normalizer.normalize("\u200B\u200F").tokens()).isEmpty();
    }

    @Test
    void handlesOneMegabyteOfTextUpToTheCap() {
        String chunk = "Sooo HAPPY!!! 😍 @x #BigDay http://t.co/x not good, :( &amp; ";
        String huge = chunk.repeat(1_000_000 / chunk.length() + 1);
        long start = System.nanoTime();
        NormalizedText n = normalizer.normalize(huge);
        assertThat(n.tokens())
                .hasSizeGreaterThan(SocialTextNormalizer.MAX_CHARS / chunk.length() * 10);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    @Test
    void handlesLongRunsOfOneCharacter() {
        assertThat(normalizer.normalize("a".repeat(1_000_000)).tokens()).containsExactly("aa");
        assertThat(normalizer.normalize("!".repeat(1_000_000)).tokens()).containsExactly("!!");
        assertThat(normalizer.normalize("http://" + "x".repeat(200_000)).tokens())
                .containsExactly("URL");
    }

    @Test
    void pathologicalRepetitionsStayLinearAndDoNotOverflowTheStack() {
        assertThat(normalizer.normalize("a'".repeat(500_000)).tokens()).isNotEmpty();
        int cap = SocialTextNormalizer.MAX_CHARS;
        assertThat(normalizer.normalize("RT @a: ".repeat(cap / 7 - 1) + "hi").tokens())
                .containsExactly("hi");
        assertThat(normalizer.normalize("#" + "aB".repeat(500_000)).hashtags()).hasSize(1);
        assertThat(normalizer.normalize(":)".repeat(cap / 2)).cues().positiveEmoticons())
                .isEqualTo(cap / 2);
        assertThat(normalizer.normalize("😍".repeat(cap / 2)).tokens()).hasSize(cap / 2);
    }

    @Test
    void keepsContractionsWhole() {
        assertThat(normalizer.normalize("y'all'd've rock'n'roll").tokens())
                .containsExactly("y'all'd've", "rock'n'roll");
    }

    @Test
    void readsOnlyTheStartOfAVeryLongText() {
        String start = "so good ".repeat(SocialTextNormalizer.MAX_CHARS / 8);

        NormalizedText n = normalizer.normalize(start + "#BuyFollowers @spammer");

        assertThat(n.tokens())
                .hasSize(SocialTextNormalizer.MAX_CHARS / 4)
                .containsOnly("so", "good");
        assertThat(n.hashtags()).isEmpty();
        assertThat(n.handles()).isEmpty();
    }

    @Test
    void resultIsImmutable() {
        NormalizedText n = normalizer.normalize("hi");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> n.tokens().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
