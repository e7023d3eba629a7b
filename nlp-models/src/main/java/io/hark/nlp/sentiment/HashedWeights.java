// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import java.util.function.Consumer;

/**
 * Rows of weights per feature string, found by a 64-bit hash of the string in an open-addressing
 * table whose slots hold the hash and then the row's weights: a lookup touches one slot, most often
 * within one cache line, where a {@code HashMap} of strings also touches its node, the key and the
 * key's bytes, each a likely cache miss in a table of half a million features. With the rows apart
 * from the slots, a second likely miss per feature, the whole-text model scored about 13% fewer
 * tweets a second ({@code SentimentEvaluation evaluate} on {@code semeval-2016test.tsv}).
 *
 * <p>No two features of a table share a hash: the hash's seed changes until they do not. A feature
 * outside the table is taken for one in it only if their 64-bit hashes are equal: fewer than once
 * in 10^13 lookups for a table of half a million features.
 */
final class HashedWeights {
    /** No feature's hash is this: {@link #hash} maps it to another value. */
    private static final long EMPTY = 0;

    private final long seed;

    /**
     * Per slot, the feature's hash and then its row: each column's weight, as {@link
     * Double#doubleToRawLongBits} bits.
     */
    private final long[] slots;

    private final int stride;
    private final int mask;

    private HashedWeights(long seed, long[] slots, int stride) {
        this.seed = seed;
        this.slots = slots;
        this.stride = stride;
        this.mask = slots.length / stride - 1;
    }

    /**
     * The table {@code fill} writes, given a builder; it may be called again, on a new builder.
     *
     * @param maxFeatures at least the number of distinct features {@code fill} writes
     */
    static HashedWeights build(int maxFeatures, int columns, Consumer<Builder> fill) {
        for (long seed = 0; ; seed++) {
            Builder builder = new Builder(maxFeatures, columns, seed);
            fill.accept(builder);
            if (!builder.collided) {
                return new HashedWeights(seed, builder.slots, builder.stride);
            }
        }
    }

    /**
     * The offset of {@code feature}'s row, to read with {@link #weight}; -1 for no such feature.
     */
    int row(String feature) {
        long hash = hash(feature, seed);
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            long found = slots[slot * stride];
            if (found == hash) {
                return slot * stride + 1;
            }
            if (found == EMPTY) {
                return -1;
            }
        }
    }

    /** The weight in {@code column} of the row at {@code row}; 0 for no row (-1). */
    double weight(int row, int column) {
        return row < 0 ? 0 : Double.longBitsToDouble(slots[row + column]);
    }

    /**
     * FNV-1a over the string's chars, then MurmurHash3's finalizer to spread them over the bits.
     */
    static long hash(String feature, long seed) {
        long h = 0xcbf29ce484222325L ^ (seed * 0x9e3779b97f4a7c15L);
        for (int i = 0; i < feature.length(); i++) {
            h = (h ^ feature.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    /** Rows written in place, each feature's starting at zero. */
    static final class Builder {
        private final long seed;
        private final int stride;
        private final long[] slots;
        private final int mask;

        /** Each slot's feature while building, to tell a feature met again from a collision. */
        private final String[] features;

        private boolean collided;

        private Builder(int maxFeatures, int columns, long seed) {
            // At most three quarters full, so that a lookup of a feature outside the table (most
            // character n-grams) soon meets an empty slot: no slower than half full, and smaller.
            int wanted = Math.max(2, maxFeatures + maxFeatures / 3 + 1);
            int capacity = Integer.highestOneBit(wanted - 1) << 1;
            this.seed = seed;
            this.stride = columns + 1;
            this.slots = new long[Math.multiplyExact(capacity, stride)];
            this.mask = capacity - 1;
            this.features = new String[capacity];
        }

        /** Sets {@code feature}'s weight in {@code column}, adding its row if it has none. */
        void set(String feature, int column, double weight) {
            int row = rowFor(feature);
            if (row >= 0) {
                slots[row + column] = Double.doubleToRawLongBits(weight);
            }
        }

        private int rowFor(String feature) {
            long hash = hash(feature, seed);
            int slot = (int) hash & mask;
            while (slots[slot * stride] != EMPTY) {
                if (slots[slot * stride] == hash) {
                    if (features[slot].equals(feature)) {
                        return slot * stride + 1;
                    }
                    collided = true;
                    return -1;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot * stride] = hash;
            features[slot] = feature;
            return slot * stride + 1;
        }
    }
}
