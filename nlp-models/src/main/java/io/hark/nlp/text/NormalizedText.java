// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.text;

import java.util.List;

/**
 * A social text after {@link SocialTextNormalizer}: lower-cased tokens with URLs, handles and polar
 * emoji replaced by placeholder tokens, plus the cues that normalization would otherwise lose.
 *
 * @param tokens the normalized tokens
 * @param negationMarkedTokens {@code tokens}, with {@value SocialTextNormalizer#NEGATED_SUFFIX}
 *     appended to each word inside a negation scope
 * @param handles the @handles, without the {@code @}, lower-cased, in order
 * @param hashtags the hashtags, without the {@code #}, lower-cased, unsplit, in order
 * @param cues counts of the stylistic cues
 */
public record NormalizedText(
        List<String> tokens,
        List<String> negationMarkedTokens,
        List<String> handles,
        List<String> hashtags,
        Cues cues) {

    public NormalizedText {
        tokens = List.copyOf(tokens);
        negationMarkedTokens = List.copyOf(negationMarkedTokens);
        handles = List.copyOf(handles);
        hashtags = List.copyOf(hashtags);
    }

    /** The tokens joined by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }

    /**
     * Stylistic cues counted while normalizing.
     *
     * @param positiveEmoticons emoticons and emoji from the positive table
     * @param negativeEmoticons emoticons and emoji from the negative table
     * @param elongatedWords words with a letter repeated three or more times (soooo)
     * @param repeatedExclamations runs of two or more {@code !} (mixed with {@code ?} counts here
     *     too)
     * @param repeatedQuestions runs of two or more {@code ?}
     * @param allCapsWords words of two or more letters written entirely in capitals
     * @param urls URLs replaced by {@value SocialTextNormalizer#URL}
     * @param negations negation cues (not, never, n't, ...) that opened a scope
     */
    public record Cues(
            int positiveEmoticons,
            int negativeEmoticons,
            int elongatedWords,
            int repeatedExclamations,
            int repeatedQuestions,
            int allCapsWords,
            int urls,
            int negations) {}
}
