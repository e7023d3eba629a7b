// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.spam;

import io.hark.nlp.text.FoldedWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spam words and phrases of {@code spam-vocabulary.txt}, by category, matched as whole words
 * against {@link FoldedWords}. Entries are folded the same way, so "Viágra" in a text matches
 * "viagra" in the file and "without, prescription!" matches "without prescription".
 */
final class SpamVocabulary {
    private static final String RESOURCE = "spam-vocabulary.txt";
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"|(\\S+)");
    private static final SpamVocabulary INSTANCE = load();

    private record Phrase(List<String> words, String category) {}

    /**
     * Phrases by their first word, so a text is scanned once whatever the size of the vocabulary.
     */
    private final Map<String, List<Phrase>> phrasesByFirstWord;

    private SpamVocabulary(Map<String, List<Phrase>> phrasesByFirstWord) {
        this.phrasesByFirstWord = phrasesByFirstWord;
    }

    static SpamVocabulary instance() {
        return INSTANCE;
    }

    /** The categories (pharmacy, crypto, ...) of the entries found in {@code words}, sorted. */
    Set<String> categoriesIn(List<String> words) {
        Set<String> categories = new TreeSet<>();
        for (int start = 0; start < words.size(); start++) {
            for (Phrase phrase : phrasesByFirstWord.getOrDefault(words.get(start), List.of())) {
                int end = start + phrase.words().size();
                if (end <= words.size() && words.subList(start, end).equals(phrase.words())) {
                    categories.add(phrase.category());
                }
            }
        }
        return categories;
    }

    private static SpamVocabulary load() {
        try (InputStream in = SpamVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, List<Phrase>> phrases = new HashMap<>();
            reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> addLine(line, phrases));
            return new SpamVocabulary(phrases);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static void addLine(String line, Map<String, List<Phrase>> phrases) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException(
                    RESOURCE + ": expected \"category: entries\", got: " + line);
        }
        String category = line.substring(0, colon).strip();
        Matcher entries = ENTRY.matcher(line.substring(colon + 1));
        while (entries.find()) {
            String entry = entries.group(1) != null ? entries.group(1) : entries.group(2);
            List<String> words = FoldedWords.of(entry);
            if (words.isEmpty()) {
                throw new IllegalStateException(
                        RESOURCE + ": entry without words in " + category + ": " + entry);
            }
            phrases.computeIfAbsent(words.get(0), first -> new ArrayList<>())
                    .add(new Phrase(words, category));
        }
    }
}
