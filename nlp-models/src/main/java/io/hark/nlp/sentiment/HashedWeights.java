// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Rows of weights per feature string, found by a 64-bit hash of the string in an open-addressing
 * table whose slots hold the hash beside its row's offset: a lookup touches that slot and the row,
 * where a {@code HashMap} of strings also touches its node, the key and the key's bytes, each a
 * likely cache miss in a table of half a million features.
 *
 * <p>No two features of a table share a hash: the hash's seed changes until they do not. A feature
 * outside the table is taken for one in it only if their 64-bit hashes are equal: fewer than once
 * in 10^13 lookups for a table of half a million features.
 */
final class HashedWeights {
    /** No feature's hash is this: {@link #hash} maps it to another value. */
    private static final long EMPTY = 0;

    private final long seed;

    /** Per slot, the feature's hash and then its row's offset in {@link #weights}. */
    private final long[] slots;

    private final int mask;
    private final double[] weights;

    private HashedWeights(long seed, long[] slots, double[] weights) {
        this.seed = seed;
        this.slots = slots;
        this.mask = slots.length / 2 - 1;
        this.weights = weights;
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
                return new HashedWeights(
                        seed,
                        builder.slots,
                        Arrays.copyOf(builder.weights, builder.rows * columns));
            }
        }
    }

    /**
     * The offset of {@code feature}'s row, to read with {@link #weight}; -1 for no such feature.
     */
    int row(String feature) {
        long hash = hash(feature, seed);
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            long found = slots[2 * slot];
            if (found == hash) {
                return (int) slots[2 * slot + 1];
            }
            if (found == EMPTY) {
                return -1;
            }
        }
    }

    /** The weight in {@code column} of the row at {@code row}; 0 for no row (-1). */
    double weight(int row, int column) {
        return row < 0 ? 0 : weights[row + column];
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
        private final int columns;
        private final long[] slots;
        private final int mask;

        /** Each slot's feature while building, to tell a feature met again from a collision. */
        private final String[] features;

        private final double[] weights;
        private int rows;
        private boolean collided;

        private Builder(int maxFeatures, int columns, long seed) {
            int capacity = Integer.highestOneBit(Math.max(2, maxFeatures) * 2 - 1) << 1;
            this.seed = seed;
            this.columns = columns;
            this.slots = new long[capacity * 2];
            this.mask = capacity - 1;
            this.features = new String[capacity];
            this.weights = new double[Math.multiplyExact(maxFeatures, columns)];
        }

        /** Sets {@code feature}'s weight in {@code column}, adding its row if it has none. */
        void set(String feature, int column, double weight) {
            int row = rowFor(feature);
            if (row >= 0) {
                weights[row + column] = weight;
            }
        }

        private int rowFor(String feature) {
            long hash = hash(feature, seed);
            int slot = (int) hash & mask;
            while (slots[2 * slot] != EMPTY) {
                if (slots[2 * slot] == hash) {
                    if (features[slot].equals(feature)) {
                        return (int) slots[2 * slot + 1];
                    }
                    collided = true;
                    return -1;
                }
                slot = (slot + 1) & mask;
            }
            int offset = rows * columns;
            slots[2 * slot] = hash;
            slots[2 * slot + 1] = offset;
            features[slot] = feature;
            rows++;
            return offset;
        }
    }
}
