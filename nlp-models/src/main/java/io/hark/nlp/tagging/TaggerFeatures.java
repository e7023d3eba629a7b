// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.tagging;

import io.hark.nlp.text.Hash64;
import java.util.Locale;

/**
 * The features of one token for {@link TweetTagger}, as 64-bit hashes: the word and its neighbours
 * (lower-cased, with their suffixes), its shape, and the two tags before it. Hashes instead of
 * strings, so that tagging builds no feature string; two features sharing a hash is a 1 in 10^13
 * chance at Hark's model size.
 *
 * <p>The same code extracts the features in training and in tagging, so the two cannot drift apart.
 */
final class TaggerFeatures {

    /** How many features {@link #extract} writes. */
    static final int COUNT = 17;

    private static final String START = "-START-";
    private static final String START2 = "-START2-";
    private static final String END = "-END-";
    private static final String END2 = "-END2-";

    private TaggerFeatures() {}

    /**
     * The words of one sentence as the features read them: lower-cased, with digits and numbers
     * folded so that every number looks alike.
     */
    static String[] normalize(String[] words) {
        String[] normalized = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            normalized[i] = normalizeWord(words[i]);
        }
        return normalized;
    }

    private static String normalizeWord(String word) {
        boolean hasDigit = false;
        boolean hasLetter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            hasDigit |= Character.isDigit(c);
            hasLetter |= Character.isLetter(c);
        }
        if (hasDigit && !hasLetter) {
            return word.length() == 4 ? "!YEAR" : "!DIGITS";
        }
        if (word.startsWith("http") || word.startsWith("www.")) {
            return "!URL";
        }
        return word.toLowerCase(Locale.ROOT);
    }

    /**
     * Writes the features of token {@code i} into {@code out} (length at least {@link #COUNT}).
     *
     * @param chosen the tags chosen so far, for tokens 0 to i - 1
     */
    static void extract(String[] words, String[] normalized, String[] chosen, int i, long[] out) {
        String previousTag = i > 0 ? chosen[i - 1] : null;
        String beforePreviousTag = i > 1 ? chosen[i - 2] : null;
        String word = normalized[i];
        String previous = i > 0 ? normalized[i - 1] : START;
        String beforePrevious = i > 1 ? normalized[i - 2] : START2;
        String next = i + 1 < normalized.length ? normalized[i + 1] : END;
        String afterNext = i + 2 < normalized.length ? normalized[i + 2] : END2;
        String tag1 = previousTag == null ? START : previousTag;
        String tag2 = beforePreviousTag == null ? START2 : beforePreviousTag;
        int n = 0;
        out[n++] = hash(0, "bias");
        out[n++] = hash(1, word);
        out[n++] = hash(2, words[i]);
        out[n++] = suffix(3, word, 3);
        out[n++] = suffix(4, word, 2);
        out[n++] = prefix(5, word, 1);
        out[n++] = shape(6, words[i]);
        out[n++] = hash(7, tag1);
        out[n++] = hash(8, tag2, tag1);
        out[n++] = hash(9, tag1, word);
        out[n++] = hash(10, previous);
        out[n++] = suffix(11, previous, 3);
        out[n++] = hash(12, beforePrevious);
        out[n++] = hash(13, next);
        out[n++] = suffix(14, next, 3);
        out[n++] = hash(15, afterNext);
        out[n++] = shape(16, i + 1 < words.length ? words[i + 1] : END);
    }

    private static long hash(int template, String value) {
        return Hash64.mix(Hash64.fold(Hash64.fold(Hash64.OFFSET, template), value));
    }

    private static long hash(int template, String first, String second) {
        long h = Hash64.fold(Hash64.fold(Hash64.OFFSET, template), first);
        return Hash64.mix(Hash64.fold(Hash64.fold(h, '\u0001'), second));
    }

    private static long suffix(int template, String word, int length) {
        long h = Hash64.fold(Hash64.OFFSET, template);
        for (int i = Math.max(0, word.length() - length); i < word.length(); i++) {
            h = Hash64.fold(h, word.charAt(i));
        }
        return Hash64.mix(h);
    }

    private static long prefix(int template, String word, int length) {
        long h = Hash64.fold(Hash64.OFFSET, template);
        for (int i = 0; i < Math.min(length, word.length()); i++) {
            h = Hash64.fold(h, word.charAt(i));
        }
        return Hash64.mix(h);
    }

    /**
     * The word's shape, runs of one character class collapsed: "Xx" (capitalized), "X" (all
     * capitals), "x", "d" (digits), "#x" (a hashtag), "@x" (a handle), "-" (punctuation)...
     */
    private static long shape(int template, String word) {
        long h = Hash64.fold(Hash64.OFFSET, template);
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char kind =
                    Character.isUpperCase(c)
                            ? 'X'
                            : Character.isLowerCase(c)
                                    ? 'x'
                                    : Character.isDigit(c)
                                            ? 'd'
                                            : Character.isLetter(c) ? 'l' : c < 128 ? c : '?';
            if (kind != last) {
                h = Hash64.fold(h, kind);
                last = kind;
            }
        }
        return Hash64.mix(h);
    }

    /** The index of the highest score; the first of equal ones. */
    static int best(double[] scores) {
        int best = 0;
        for (int t = 1; t < scores.length; t++) {
            if (scores[t] > scores[best]) {
                best = t;
            }
        }
        return best;
    }
}
