// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.spam;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.nlp.text.FoldedWords;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpamVocabularyTest {
    private static Set<String> categoriesIn(String text) {
        return SpamVocabulary.instance().categoriesIn(FoldedWords.of(text));
    }

    @Test
    void findsEachCategory() {
        assertThat(categoriesIn("cheap cialis here")).containsExactly("pharmacy");
        assertThat(categoriesIn("join the presale before it's gone")).containsExactly("crypto");
        assertThat(categoriesIn("hot singles in your area")).containsExactly("adult");
        assertThat(categoriesIn("Congratulations! You won, DM to claim"))
                .containsExactly("giveaway");
        assertThat(categoriesIn("looking for a sugar daddy")).containsExactly("money");
        assertThat(categoriesIn("free bitcoin and free followers"))
                .containsExactly("crypto", "giveaway");
    }

    @Test
    void foldsCaseAccentsApostrophesAndPunctuation() {
        assertThat(categoriesIn("VIÁGRA")).containsExactly("pharmacy");
        assertThat(categoriesIn("#Levitra")).containsExactly("pharmacy");
        assertThat(categoriesIn("You’ve WON!!")).containsExactly("giveaway");
        assertThat(categoriesIn("no... prescription, needed")).containsExactly("pharmacy");
    }

    @Test
    void matchesWholeWordsAndWholePhrasesOnly() {
        assertThat(categoriesIn("ask a specialist about cryptography")).isEmpty();
        assertThat(categoriesIn("my prescription is ready for pickup")).isEmpty();
        assertThat(categoriesIn("without a doubt the best prescription glasses")).isEmpty();
        assertThat(categoriesIn("free shipping on every order")).isEmpty();
        assertThat(categoriesIn("love you xx")).isEmpty();
    }

    @Test
    void matchesAPhraseAtTheEndOfTheText() {
        assertThat(categoriesIn("buy now without prescription")).containsExactly("pharmacy");
        assertThat(categoriesIn("buy now without")).isEmpty();
    }
}
