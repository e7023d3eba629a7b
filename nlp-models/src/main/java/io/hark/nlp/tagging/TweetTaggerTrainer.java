// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.tagging;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.ObjIntConsumer;

/**
 * Trains a {@link TweetTagger} with the averaged perceptron: greedy left to right over each
 * sentence, with the tags it chose itself as the previous tags (as when tagging), updating the
 * weights of the gold and the guessed tag on each error, and averaging every weight over all steps
 * at the end. Sentences are shuffled each pass with a fixed seed, so the same input gives the same
 * model.
 */
public final class TweetTaggerTrainer {

    /** A word seen this often, with one tag at least {@link #UNAMBIGUOUS_SHARE} of the time... */
    static final int UNAMBIGUOUS_MIN_COUNT = 20;

    /** ...is looked up rather than scored. */
    static final double UNAMBIGUOUS_SHARE = 0.995;

    private final List<String> tagNames;
    private final Map<String, Integer> tagIndex = new HashMap<>();
    private final Map<String, String> unambiguous;
    private final FeatureIds featureIds = new FeatureIds();
    private final List<SparseWeights> weights = new ArrayList<>();
    private long step;

    private TweetTaggerTrainer(List<TaggedSentence> sentences) {
        TreeSet<String> tags = new TreeSet<>();
        Map<String, Map<String, Integer>> tagsOfWord = new HashMap<>();
        for (TaggedSentence sentence : sentences) {
            for (int i = 0; i < sentence.words().size(); i++) {
                tags.add(sentence.tags().get(i));
                tagsOfWord
                        .computeIfAbsent(sentence.words().get(i), w -> new HashMap<>())
                        .merge(sentence.tags().get(i), 1, Integer::sum);
            }
        }
        if (tags.size() > 255) {
            throw new IllegalArgumentException(tags.size() + " tags; at most 255");
        }
        tagNames = List.copyOf(tags);
        for (int t = 0; t < tagNames.size(); t++) {
            tagIndex.put(tagNames.get(t), t);
        }
        unambiguous = new HashMap<>();
        tagsOfWord.forEach(
                (word, counts) -> {
                    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                    Map.Entry<String, Integer> top =
                            Collections.max(counts.entrySet(), Map.Entry.comparingByValue());
                    if (total >= UNAMBIGUOUS_MIN_COUNT
                            && top.getValue() >= UNAMBIGUOUS_SHARE * total) {
                        unambiguous.put(word, top.getKey());
                    }
                });
    }

    /**
     * @param name what the model is called (it says so in {@link TweetTagger#name()})
     * @param heldOut sentences to report agreement on after each pass (not trained on)
     */
    public static TweetTagger train(
            String name,
            List<TaggedSentence> sentences,
            List<TaggedSentence> heldOut,
            int passes,
            long seed,
            PrintStream log) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no sentences to train on");
        }
        TweetTaggerTrainer trainer = new TweetTaggerTrainer(sentences);
        List<TaggedSentence> order = new ArrayList<>(sentences);
        Random random = new Random(seed);
        for (int pass = 1; pass <= passes; pass++) {
            Collections.shuffle(order, random);
            long right = 0;
            long total = 0;
            for (TaggedSentence sentence : order) {
                right += trainer.learn(sentence);
                total += sentence.words().size();
            }
            TweetTagger snapshot = trainer.averaged(name);
            log.printf(
                    Locale.ROOT,
                    "pass %d of %d: %.2f%% of training tokens right while learning; held out: %s%n",
                    pass,
                    passes,
                    100.0 * right / total,
                    heldOut.isEmpty()
                            ? "none"
                            : String.format(
                                    Locale.ROOT, "%.2f%%", 100 * agreement(snapshot, heldOut)));
        }
        return trainer.averaged(name);
    }

    /** The share of tokens whose tag {@code tagger} gives as the sentences have it. */
    public static double agreement(TweetTagger tagger, List<TaggedSentence> sentences) {
        long same = 0;
        long total = 0;
        for (TaggedSentence sentence : sentences) {
            String[] tags = tagger.tag(sentence.words());
            for (int i = 0; i < tags.length; i++) {
                same += tags[i].equals(sentence.tags().get(i)) ? 1 : 0;
            }
            total += tags.length;
        }
        return total == 0 ? 1.0 : (double) same / total;
    }

    /** One greedy pass over a sentence, updating on each error; returns the tokens it got right. */
    private int learn(TaggedSentence sentence) {
        String[] words = sentence.words().toArray(String[]::new);
        String[] normalized = TaggerFeatures.normalize(words);
        String[] chosen = new String[words.length];
        long[] features = new long[TaggerFeatures.COUNT];
        double[] scores = new double[tagNames.size()];
        int right = 0;
        for (int i = 0; i < words.length; i++) {
            String gold = sentence.tags().get(i);
            String known = unambiguous.get(words[i]);
            if (known != null) {
                chosen[i] = known;
                right += known.equals(gold) ? 1 : 0;
                continue;
            }
            step++;
            TaggerFeatures.extract(words, normalized, chosen, i, features);
            Arrays.fill(scores, 0);
            for (long feature : features) {
                int id = featureIds.get(feature);
                if (id >= 0) {
                    weights.get(id).addTo(scores);
                }
            }
            int guess = TaggerFeatures.best(scores);
            int goldIndex = tagIndex.get(gold);
            if (guess != goldIndex) {
                for (long feature : features) {
                    SparseWeights row = row(feature);
                    row.update(goldIndex, 1, step);
                    row.update(guess, -1, step);
                }
            } else {
                right++;
            }
            chosen[i] = tagNames.get(guess);
        }
        return right;
    }

    private SparseWeights row(long feature) {
        int id = featureIds.get(feature);
        if (id < 0) {
            id = weights.size();
            featureIds.put(feature, id);
            weights.add(new SparseWeights());
        }
        return weights.get(id);
    }

    private TweetTagger averaged(String name) {
        FeatureWeights.Builder builder = new FeatureWeights.Builder(weights.size());
        featureIds.forEach(
                (feature, id) -> {
                    SparseWeights row = weights.get(id);
                    int kept = 0;
                    byte[] tags = new byte[row.size];
                    float[] averages = new float[row.size];
                    for (int e = 0; e < row.size; e++) {
                        double average = row.averageAt(e, step);
                        if (Math.abs(average) >= 1e-4) {
                            tags[kept] = (byte) row.tags[e];
                            averages[kept] = (float) average;
                            kept++;
                        }
                    }
                    if (kept > 0) {
                        builder.add(
                                feature, Arrays.copyOf(tags, kept), Arrays.copyOf(averages, kept));
                    }
                });
        return new TweetTagger(name, tagNames.toArray(String[]::new), unambiguous, builder.build());
    }

    /** One feature's weights for the tags it was updated for, with what averaging needs. */
    private static final class SparseWeights {
        int[] tags = new int[2];
        double[] weight = new double[2];
        double[] total = new double[2];
        long[] since = new long[2];
        int size;

        void addTo(double[] scores) {
            for (int e = 0; e < size; e++) {
                scores[tags[e]] += weight[e];
            }
        }

        void update(int tag, double change, long step) {
            int e = 0;
            while (e < size && tags[e] != tag) {
                e++;
            }
            if (e == size) {
                if (size == tags.length) {
                    tags = Arrays.copyOf(tags, size * 2);
                    weight = Arrays.copyOf(weight, size * 2);
                    total = Arrays.copyOf(total, size * 2);
                    since = Arrays.copyOf(since, size * 2);
                }
                tags[e] = tag;
                since[e] = step;
                size++;
            }
            total[e] += (step - since[e]) * weight[e];
            since[e] = step;
            weight[e] += change;
        }

        double averageAt(int e, long step) {
            return (total[e] + (step - since[e]) * weight[e]) / Math.max(1, step);
        }
    }

    /** Feature hash to dense id: open addressing, grown at half full. */
    private static final class FeatureIds {
        private long[] keys = new long[1 << 16];
        private int[] ids = new int[1 << 16];
        private int size;

        int get(long feature) {
            long key = feature == 0 ? 1 : feature;
            int mask = keys.length - 1;
            for (int slot = (int) key & mask; keys[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return ids[slot];
                }
            }
            return -1;
        }

        void put(long feature, int id) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            insert(feature == 0 ? 1 : feature, id);
            size++;
        }

        private void insert(long key, int id) {
            int mask = keys.length - 1;
            int slot = (int) key & mask;
            while (keys[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = id;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new long[oldKeys.length * 2];
            ids = new int[oldIds.length * 2];
            for (int slot = 0; slot < oldKeys.length; slot++) {
                if (oldKeys[slot] != 0) {
                    insert(oldKeys[slot], oldIds[slot]);
                }
            }
        }

        void forEach(ObjIntConsumer<Long> action) {
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != 0) {
                    action.accept(keys[slot], ids[slot]);
                }
            }
        }
    }
}
