// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.tagging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The tagger's weights: for each feature hash, the few tags it has a weight for. An open-addressing
 * table of the hashes points into flat arrays of (tag, weight) entries, so that scoring a token
 * allocates nothing and touches a few cache lines per feature.
 */
final class FeatureWeights {
    private static final long EMPTY = 0L;

    private final long[] keys;
    private final int[] firstEntry;
    private final int[] entryCount;
    private final byte[] entryTag;
    private final float[] entryWeight;

    private FeatureWeights(
            long[] keys, int[] firstEntry, int[] entryCount, byte[] entryTag, float[] entryWeight) {
        this.keys = keys;
        this.firstEntry = firstEntry;
        this.entryCount = entryCount;
        this.entryTag = entryTag;
        this.entryWeight = entryWeight;
    }

    /**
     * Adds the weights of {@code feature} to the scores of their tags; nothing if it is unknown.
     */
    void addTo(long feature, double[] scores) {
        long key = nonEmpty(feature);
        int mask = keys.length - 1;
        for (int slot = (int) key & mask; keys[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                int end = firstEntry[slot] + entryCount[slot];
                for (int e = firstEntry[slot]; e < end; e++) {
                    scores[entryTag[e] & 0xFF] += entryWeight[e];
                }
                return;
            }
        }
    }

    int features() {
        int count = 0;
        for (long key : keys) {
            count += key == EMPTY ? 0 : 1;
        }
        return count;
    }

    private static long nonEmpty(long feature) {
        return feature == EMPTY ? 1L : feature;
    }

    /** Builds the table from features in any order, each with its (tag, weight) entries. */
    static final class Builder {
        private final long[] features;
        private final byte[][] tags;
        private final float[][] weights;
        private int size;

        Builder(int capacity) {
            features = new long[capacity];
            tags = new byte[capacity][];
            weights = new float[capacity][];
        }

        void add(long feature, byte[] featureTags, float[] featureWeights) {
            features[size] = nonEmpty(feature);
            tags[size] = featureTags;
            weights[size] = featureWeights;
            size++;
        }

        FeatureWeights build() {
            int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
            long[] keys = new long[capacity];
            int[] first = new int[capacity];
            int[] count = new int[capacity];
            int entries = 0;
            for (int f = 0; f < size; f++) {
                entries += tags[f].length;
            }
            byte[] entryTag = new byte[entries];
            float[] entryWeight = new float[entries];
            int next = 0;
            int mask = capacity - 1;
            for (int f = 0; f < size; f++) {
                int slot = (int) features[f] & mask;
                while (keys[slot] != EMPTY) {
                    if (keys[slot] == features[f]) {
                        throw new IllegalArgumentException("feature " + features[f] + " twice");
                    }
                    slot = (slot + 1) & mask;
                }
                keys[slot] = features[f];
                first[slot] = next;
                count[slot] = tags[f].length;
                System.arraycopy(tags[f], 0, entryTag, next, tags[f].length);
                System.arraycopy(weights[f], 0, entryWeight, next, weights[f].length);
                next += tags[f].length;
            }
            return new FeatureWeights(keys, first, count, entryTag, entryWeight);
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(features());
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] == EMPTY) {
                continue;
            }
            out.writeLong(keys[slot]);
            out.writeByte(entryCount[slot]);
            for (int e = firstEntry[slot]; e < firstEntry[slot] + entryCount[slot]; e++) {
                out.writeByte(entryTag[e]);
                out.writeFloat(entryWeight[e]);
            }
        }
    }

    static FeatureWeights read(DataInputStream in, int tagCount) throws IOException {
        int features = in.readInt();
        Builder builder = new Builder(features);
        for (int f = 0; f < features; f++) {
            long feature = in.readLong();
            int entries = in.readUnsignedByte();
            byte[] tags = new byte[entries];
            float[] weights = new float[entries];
            for (int e = 0; e < entries; e++) {
                tags[e] = in.readByte();
                if ((tags[e] & 0xFF) >= tagCount) {
                    throw new IOException("tag " + (tags[e] & 0xFF) + " of " + tagCount);
                }
                weights[e] = in.readFloat();
            }
            builder.add(feature, tags, weights);
        }
        return builder.build();
    }
}
