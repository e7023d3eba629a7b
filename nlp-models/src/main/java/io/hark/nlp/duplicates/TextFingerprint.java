// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.duplicates;

import io.hark.nlp.text.FoldedWords;
import io.hark.nlp.text.Hash64;
import java.util.Arrays;
import java.util.List;

/**
 * MinHash sketches of social texts, for finding copies and near-copies in a stream.
 *
 * <p>A sketch depends only on the {@link FoldedWords} of a text, so texts that differ only in
 * URLs, @handles, case, accents, punctuation, whitespace, emoji or a leading {@code RT @user:} get
 * the same sketch. Its features are the word unigrams and bigrams; the bigrams keep texts made of
 * the same words in another order apart. Two sketches estimate the Jaccard similarity of the texts'
 * features: a one-word substitution in a 20-word text keeps about 0.86 of them, two unrelated
 * tweets share almost none.
 *
 * <p>Finding candidates without comparing against every stored sketch is locality-sensitive
 * hashing: the sketch is cut into {@link #BANDS} bands of {@link #ROWS} values, each hashed to one
 * 64-bit key. Texts with similarity s share at least one key with probability 1 - (1 - s^4)^6: 0.99
 * at s = 0.86, 0.8 at s = 0.7, and about 1e-5 for unrelated texts (s near 0.1), so a lookup reads a
 * handful of keys and almost only true candidates.
 *
 * <p>Sketches are stored and compared across restarts and releases, so the hashing is written out
 * here rather than borrowed from a library or a JVM whose hashing might change: changing it, or the
 * folding, invalidates every stored sketch.
 */
public final class TextFingerprint {
    public static final int BANDS = 6;
    public static final int ROWS = 4;
    public static final int SIZE = BANDS * ROWS;

    /**
     * The estimated similarity from which two texts count as near-duplicates: a one or two word
     * edit of a tweet stays above it, a different tweet on the same subject falls below.
     */
    public static final double NEAR_DUPLICATE_SIMILARITY = 0.6;

    /**
     * Texts with fewer words ("so true", "love this!") are too common to call one a copy of
     * another.
     */
    static final int MIN_USABLE_WORDS = 4;

    private TextFingerprint() {}

    /**
     * The sketch of {@code text}: {@link #SIZE} values; all {@code Long.MAX_VALUE} when it has no
     * words.
     */
    public static long[] of(String text) {
        return ofWords(FoldedWords.of(text));
    }

    /**
     * The sketch of a text's {@link FoldedWords}, for callers that also check {@link
     * #hasEnoughWords}.
     */
    public static long[] ofWords(List<String> words) {
        long[] sketch = new long[SIZE];
        Arrays.fill(sketch, Long.MAX_VALUE);
        for (int i = 0; i < words.size(); i++) {
            include(sketch, hash(words.get(i)));
            if (i > 0) {
                include(sketch, hash(words.get(i - 1) + ' ' + words.get(i)));
            }
        }
        return sketch;
    }

    /** Whether {@code text} has enough words for its sketch to identify copies of it. */
    public static boolean isUsable(String text) {
        return hasEnoughWords(FoldedWords.of(text));
    }

    public static boolean hasEnoughWords(List<String> words) {
        return words.size() >= MIN_USABLE_WORDS;
    }

    /** The estimated Jaccard similarity of the two texts' features, 0 to 1. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    public static boolean areNearDuplicates(long[] a, long[] b) {
        return similarity(a, b) >= NEAR_DUPLICATE_SIMILARITY;
    }

    /**
     * The lookup keys of a sketch, one per band; the band's index is hashed in, so bands never
     * collide.
     */
    public static long[] bands(long[] sketch) {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = Hash64.mix(band + 1L);
            for (int row = 0; row < ROWS; row++) {
                key = Hash64.mix(key * 31 + sketch[band * ROWS + row]);
            }
            keys[band] = key;
        }
        return keys;
    }

    /** Slot i keeps the minimum of the i-th hash function over the features. */
    private static void include(long[] sketch, long featureHash) {
        for (int i = 0; i < SIZE; i++) {
            long value = Hash64.mix(featureHash + (i + 1) * 0x9e3779b97f4a7c15L);
            if (value < sketch[i]) {
                sketch[i] = value;
            }
        }
    }

    /**
     * FNV-1a over the UTF-16 code units, then {@link Hash64#mix}: FNV alone leaves the high bits
     * poorly mixed.
     */
    static long hash(String feature) {
        return Hash64.mix(Hash64.fold(Hash64.OFFSET, feature));
    }
}
