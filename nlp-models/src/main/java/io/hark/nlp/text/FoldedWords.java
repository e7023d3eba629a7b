// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a social text that say what it is about, in order: the {@link SocialTextNormalizer}
 * tokens without URLs, handles, emoticons, emoji and punctuation, lower-cased, with accents and
 * apostrophes folded away ("Café", "cafe" and "CAFÉ" are one word, so are "don't" and "dont").
 * Hashtags contribute their camel-case-split words, as in the normalizer.
 */
public final class FoldedWords {
    private static final Pattern MARKS_AND_APOSTROPHES = Pattern.compile("[\\p{M}'’]+");

    private FoldedWords() {}

    /** The folded words of {@code text}; null and blank give an empty list. */
    public static List<String> of(String text) {
        return of(SocialTextNormalizer.instance().normalize(text));
    }

    /** The folded words of an already normalized text, for callers that also need its cues. */
    public static List<String> of(NormalizedText normalized) {
        return normalized.tokens().stream()
                .filter(FoldedWords::isWord)
                .map(FoldedWords::fold)
                .toList();
    }

    private static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return MARKS_AND_APOSTROPHES.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * The normalizer lower-cases words and spells its placeholders (URL, USER, EMO_POS, EMO_NEG) in
     * capitals, so a token that starts with a letter or digit and has no capital is a word.
     */
    private static boolean isWord(String token) {
        return Character.isLetterOrDigit(token.codePointAt(0))
                && token.codePoints().noneMatch(Character::isUpperCase);
    }
}
