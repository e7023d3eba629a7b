// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The words synthetic posts are written with: common English words first, then made-up words, drawn
 * with Zipf's law as real text is, so "the" is everywhere and most words are rare.
 */
final class Vocabulary {
    /** Frequent words, including those queries use for context and exclusions. */
    static final List<String> COMMON =
            List.of(
                    "the",
                    "i",
                    "to",
                    "a",
                    "and",
                    "is",
                    "in",
                    "it",
                    "you",
                    "of",
                    "for",
                    "on",
                    "my",
                    "that",
                    "this",
                    "with",
                    "me",
                    "be",
                    "just",
                    "so",
                    "at",
                    "not",
                    "but",
                    "have",
                    "are",
                    "was",
                    "your",
                    "all",
                    "we",
                    "like",
                    "get",
                    "can",
                    "out",
                    "no",
                    "up",
                    "do",
                    "what",
                    "love",
                    "now",
                    "day",
                    "new",
                    "good",
                    "they",
                    "one",
                    "from",
                    "when",
                    "go",
                    "if",
                    "know",
                    "today",
                    "time",
                    "how",
                    "about",
                    "got",
                    "will",
                    "really",
                    "lol",
                    "great",
                    "people",
                    "see",
                    "still",
                    "back",
                    "want",
                    "think",
                    "been",
                    "never",
                    "need",
                    "there",
                    "why",
                    "best",
                    "thanks",
                    "again",
                    "order",
                    "app",
                    "service",
                    "please",
                    "help",
                    "customer",
                    "support",
                    "store",
                    "price",
                    "free",
                    "sale",
                    "deal",
                    "late",
                    "broken",
                    "refund",
                    "delay",
                    "delayed",
                    "waiting",
                    "worst",
                    "terrible",
                    "amazing",
                    "coffee",
                    "phone",
                    "delivery",
                    "delivered",
                    "shipping",
                    "package",
                    "jobs",
                    "hiring",
                    "giveaway",
                    "win",
                    "spam",
                    "bot",
                    "account",
                    "update",
                    "week",
                    "morning",
                    "night",
                    "home",
                    "work",
                    "going",
                    "right",
                    "last",
                    "first",
                    "year",
                    "always",
                    "even",
                    "make",
                    "them",
                    "would",
                    "could",
                    "tried",
                    "finally",
                    "ever",
                    "money",
                    "hours",
                    "minutes",
                    "team",
                    "game",
                    "watch",
                    "music",
                    "food",
                    "car",
                    "city",
                    "friend",
                    "family",
                    "happy",
                    "sad",
                    "angry",
                    "fix",
                    "issue",
                    "problem",
                    "review",
                    "quality",
                    "size",
                    "fast",
                    "slow",
                    "cheap",
                    "expensive",
                    "buy",
                    "bought",
                    "return",
                    "cancel",
                    "subscription",
                    "email",
                    "call",
                    "wait",
                    "line",
                    "open",
                    "closed",
                    "staff",
                    "manager",
                    "anyone");

    private static final String[] ONSETS = {
        "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl",
        "r", "s", "st", "t", "tr", "v", "w", "z"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
    private static final String[] CODAS = {"", "", "n", "r", "s", "t", "l", "x", "nd", "st"};

    private final String[] words;
    private final Set<String> known;
    private final double[] cumulative;

    Vocabulary(int size, Random random) {
        Set<String> unique = new LinkedHashSet<>(COMMON);
        while (unique.size() < size) {
            unique.add(madeUpWord(random, 1 + random.nextInt(3)));
        }
        words = unique.toArray(String[]::new);
        known = unique;
        cumulative = new double[words.length];
        double sum = 0;
        for (int rank = 0; rank < words.length; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
    }

    boolean contains(String word) {
        return known.contains(word);
    }

    boolean hasWordStartingWith(String prefix) {
        return known.stream().anyMatch(word -> word.startsWith(prefix));
    }

    String sample(Random random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return words[index >= 0 ? index : Math.min(-index - 1, words.length - 1)];
    }

    static String madeUpWord(Random random, int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(pick(ONSETS, random))
                    .append(pick(VOWELS, random))
                    .append(pick(CODAS, random));
        }
        return word.toString();
    }

    static <T> T pick(T[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }

    static List<String> sampleDistinct(List<String> options, int count, Random random) {
        List<String> shuffled = new ArrayList<>(options);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }
}
