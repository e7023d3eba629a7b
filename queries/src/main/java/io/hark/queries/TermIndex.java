// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct terms of all queries, numbered, and indexed so that one pass over a text finds every
 * occurrence of every term: one hash lookup per token for the terms that start with its word, one
 * trie walk for the wildcards.
 */
final class TermIndex {
    private final Term[] terms;
    private final boolean[] positional;
    private final Map<String, int[]> startingWith;
    private final PrefixTrie prefixes;

    private TermIndex(
            Term[] terms,
            boolean[] positional,
            Map<String, int[]> startingWith,
            PrefixTrie prefixes) {
        this.terms = terms;
        this.positional = positional;
        this.startingWith = startingWith;
        this.prefixes = prefixes;
    }

    int size() {
        return terms.length;
    }

    /**
     * Marks in {@code state} the terms occurring in the text or in the input's hashtags and
     * handles.
     */
    void scan(TokenizedText text, MatchInput input, MatchState state) {
        for (int i = 0; i < text.size(); i++) {
            String word = text.word(i);
            int[] candidates = startingWith.get(word);
            if (candidates != null) {
                for (int term : candidates) {
                    if (terms[term].occursAt(text, i)) {
                        found(term, i, i + terms[term].width() - 1, state);
                    }
                }
            }
            int node = PrefixTrie.ROOT;
            for (int k = 0; k < word.length() && node >= 0; k++) {
                node = prefixes.child(node, word.charAt(k));
                if (node >= 0) {
                    for (int term : prefixes.terms(node)) {
                        found(term, i, i, state);
                    }
                }
            }
        }
        scanListed(input.hashtags(), TokenKind.HASHTAG, state);
        scanListed(input.handles(), TokenKind.HANDLE, state);
    }

    private void found(int term, int start, int end, MatchState state) {
        if (positional[term]) {
            state.occurs(term, start, end);
        } else {
            state.seen(term);
        }
    }

    private void scanListed(List<String> names, TokenKind kind, MatchState state) {
        for (String name : names) {
            String folded = TextFolding.foldTag(name);
            int[] candidates = startingWith.get(folded);
            if (candidates != null) {
                for (int term : candidates) {
                    if (terms[term] instanceof Term.Tag tag && tag.is(kind, folded)) {
                        state.seen(term);
                    }
                }
            }
        }
    }

    static final class Builder {
        private final Map<Term, Integer> ids = new LinkedHashMap<>();
        private final List<Boolean> positional = new ArrayList<>();

        /** The id of {@code term}, which NEAR needs the positions of when {@code positional}. */
        int add(Term term, boolean needsPositions) {
            Integer id = ids.get(term);
            if (id == null) {
                id = ids.size();
                ids.put(term, id);
                positional.add(needsPositions);
            } else if (needsPositions) {
                positional.set(id, true);
            }
            return id;
        }

        int idOf(Term term) {
            return ids.get(term);
        }

        TermIndex build() {
            Term[] terms = ids.keySet().toArray(Term[]::new);
            boolean[] needsPositions = new boolean[terms.length];
            Map<String, List<Integer>> byStart = new HashMap<>();
            PrefixTrie.Builder prefixes = new PrefixTrie.Builder();
            for (int id = 0; id < terms.length; id++) {
                needsPositions[id] = positional.get(id);
                if (terms[id] instanceof Term.Prefix) {
                    prefixes.add(terms[id].start(), id);
                } else {
                    byStart.computeIfAbsent(terms[id].start(), w -> new ArrayList<>()).add(id);
                }
            }
            Map<String, int[]> startingWith = new HashMap<>();
            byStart.forEach(
                    (word, list) ->
                            startingWith.put(
                                    word, list.stream().mapToInt(Integer::intValue).toArray()));
            return new TermIndex(terms, needsPositions, startingWith, prefixes.build());
        }
    }
}
