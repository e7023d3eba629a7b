// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The wildcard prefixes of all queries, so that a word finds every prefix it starts with in one
 * walk over its characters. Most words leave the trie after a character or two.
 */
final class PrefixTrie {
    static final int ROOT = 0;
    private static final int[] NONE = {};

    private final char[][] labels;
    private final int[][] children;
    private final int[][] terms;

    private PrefixTrie(char[][] labels, int[][] children, int[][] terms) {
        this.labels = labels;
        this.children = children;
        this.terms = terms;
    }

    /** The node reached from {@code node} by {@code c}, or -1. */
    int child(int node, char c) {
        char[] nodeLabels = labels[node];
        int low = 0;
        int high = nodeLabels.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (nodeLabels[middle] < c) {
                low = middle + 1;
            } else if (nodeLabels[middle] > c) {
                high = middle - 1;
            } else {
                return children[node][middle];
            }
        }
        return -1;
    }

    /** The ids of the terms whose prefix ends at {@code node}. */
    int[] terms(int node) {
        return terms[node];
    }

    static final class Builder {
        private final List<TreeMap<Character, Integer>> edges =
                new ArrayList<>(List.of(new TreeMap<>()));
        private final List<List<Integer>> terms = new ArrayList<>(List.of(new ArrayList<>()));

        void add(String prefix, int term) {
            int node = ROOT;
            for (int i = 0; i < prefix.length(); i++) {
                Integer child = edges.get(node).get(prefix.charAt(i));
                if (child == null) {
                    child = edges.size();
                    edges.get(node).put(prefix.charAt(i), child);
                    edges.add(new TreeMap<>());
                    terms.add(new ArrayList<>());
                }
                node = child;
            }
            terms.get(node).add(term);
        }

        PrefixTrie build() {
            int size = edges.size();
            char[][] labels = new char[size][];
            int[][] children = new int[size][];
            int[][] nodeTerms = new int[size][];
            for (int node = 0; node < size; node++) {
                TreeMap<Character, Integer> out = edges.get(node);
                labels[node] = new char[out.size()];
                children[node] = new int[out.size()];
                int k = 0;
                for (var edge : out.entrySet()) {
                    labels[node][k] = edge.getKey();
                    children[node][k++] = edge.getValue();
                }
                List<Integer> ending = terms.get(node);
                nodeTerms[node] =
                        ending.isEmpty()
                                ? NONE
                                : ending.stream().mapToInt(Integer::intValue).toArray();
            }
            return new PrefixTrie(labels, children, nodeTerms);
        }
    }
}
