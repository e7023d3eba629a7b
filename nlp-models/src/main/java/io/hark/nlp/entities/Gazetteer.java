// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.entities;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Known brand / product / person names, matched case-insensitively on whole tokens.
 *
 * <p>Names are tokenized with the same tokenizer and options as the mentions, so "AT&amp;T" or
 * "Skyline Air" line up with the tokens CoreNLP produces. Matching walks a token trie from each
 * position and keeps the longest name (leftmost-longest, non-overlapping): cost is linear in the
 * text's tokens times the longest name, independent of the gazetteer's size.
 *
 * <p>Immutable after construction, hence thread-safe.
 */
final class Gazetteer {

    /**
     * A gazetteer hit: tokens {@code [start, end)} are the canonical {@code name} of {@code type}.
     */
    record Match(int start, int end, String name, String type) {}

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        String name;
        String type;
    }

    private final Node root = new Node();

    Gazetteer(Map<String, String> nameToType) {
        TokenizerFactory<CoreLabel> tokenizer =
                PTBTokenizer.PTBTokenizerFactory.newCoreLabelTokenizerFactory(
                        SocialTextAnnotator.TOKENIZE_OPTIONS);
        nameToType.forEach(
                (name, type) -> {
                    if (name == null || name.isBlank() || type == null || type.isBlank()) {
                        return;
                    }
                    // The tokenizer splits some names by case ("AT&T" is one token, "at&t" three),
                    // so
                    // every casing a mention is likely to use is added as its own path.
                    String canonical = name.strip();
                    for (String casing : casings(canonical)) {
                        List<CoreLabel> words =
                                tokenizer.getTokenizer(new StringReader(casing)).tokenize();
                        if (!words.isEmpty()) {
                            add(words, canonical, type.strip());
                        }
                    }
                });
    }

    private void add(List<CoreLabel> words, String name, String type) {
        Node node = root;
        for (CoreLabel word : words) {
            node = node.children.computeIfAbsent(key(word.word()), k -> new Node());
        }
        if (node.name == null) { // first name given wins when two names collide case-insensitively
            node.name = name;
            node.type = type;
        }
    }

    private static Set<String> casings(String name) {
        Set<String> casings = new LinkedHashSet<>();
        casings.add(name);
        casings.add(name.toLowerCase(Locale.ROOT));
        casings.add(name.toUpperCase(Locale.ROOT));
        return casings;
    }

    List<Match> find(List<Token> tokens) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match longest = longestMatchAt(tokens, i);
            if (longest == null) {
                i++;
            } else {
                matches.add(longest);
                i = longest.end();
            }
        }
        return matches;
    }

    private Match longestMatchAt(List<Token> tokens, int start) {
        Node node = root;
        Match longest = null;
        for (int i = start; i < tokens.size(); i++) {
            node = node.children.get(key(tokens.get(i).word()));
            if (node == null) {
                break;
            }
            if (node.name != null) {
                longest = new Match(start, i + 1, node.name, node.type);
            }
        }
        return longest;
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
