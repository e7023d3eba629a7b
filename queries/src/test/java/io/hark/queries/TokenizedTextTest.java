// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizedTextTest {
    @Test
    void wordsAreFoldedRunsOfLettersAndDigits() {
        assertThat(TokenizedText.of("Don't PANIC: it's 42, Café-Crème!").toString())
                .isEqualTo("don t panic it s 42 cafe creme");
    }

    @Test
    void decomposedAccentsAndDottedCapitalIFoldToo() {
        assertThat(TokenizedText.of("cafe\u0301 İstanbul ÅNGSTRÖM").words())
                .containsExactly("cafe", "istanbul", "angstrom");
    }

    @Test
    void hashtagsAndHandlesAreSingleTokensWithUnderscores() {
        TokenizedText text = TokenizedText.of("#AcmeCoffee by @Acme_UK, #2024!");
        assertThat(text.toString()).isEqualTo("#acmecoffee by @acme_uk #2024");
        assertThat(text.kind(0)).isEqualTo(TokenKind.HASHTAG);
        assertThat(text.word(0)).isEqualTo("acmecoffee");
        assertThat(text.kind(1)).isEqualTo(TokenKind.WORD);
        assertThat(text.kind(2)).isEqualTo(TokenKind.HANDLE);
    }

    @Test
    void marksInsideWordsDoNotStartTags() {
        assertThat(TokenizedText.of("mail bob@acme.com about c# and #").toString())
                .isEqualTo("mail bob acme com about c and");
        assertThat(TokenizedText.of("under_score").toString()).isEqualTo("under score");
    }

    @Test
    void emptyAndPunctuationOnlyTextsHaveNoTokens() {
        assertThat(TokenizedText.of("").size()).isZero();
        assertThat(TokenizedText.of(" ?! -- ").size()).isZero();
    }

    @Test
    void growsPastItsInitialCapacity() {
        assertThat(TokenizedText.of("w ".repeat(100)).size()).isEqualTo(100);
    }
}
