// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.text;

/**
 * 64-bit FNV-1a over characters, with MurmurHash3's finalizer so that the low bits spread well: the
 * feature hashes of the text fingerprints and of the tagger.
 */
public final class Hash64 {
    public static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Hash64() {}

    /** {@code h} with one more value folded in. */
    public static long fold(long h, int value) {
        return (h ^ value) * PRIME;
    }

    /** {@code h} with the characters of {@code value} folded in. */
    public static long fold(long h, String value) {
        for (int i = 0; i < value.length(); i++) {
            h = fold(h, value.charAt(i));
        }
        return h;
    }

    /** MurmurHash3's 64-bit finalizer. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
