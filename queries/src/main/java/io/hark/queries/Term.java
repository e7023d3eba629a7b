// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.List;
import java.util.Objects;

/** What a query looks for in the text: the leaves of the query tree that NEAR can work with. */
public sealed interface Term extends QueryNode
        permits Term.Word, Term.Prefix, Term.Phrase, Term.Tag {
    /** Whether an occurrence of the term starts at token {@code i} of {@code text}. */
    boolean occursAt(TokenizedText text, int i);

    /** How many tokens an occurrence spans. */
    default int width() {
        return 1;
    }

    /** The folded word, or the start of the word for a prefix, that an occurrence starts with. */
    String start();

    /** A whole word, wherever it is: {@code acme} also finds #acme and @acme. */
    record Word(String word) implements Term {
        public Word {
            Objects.requireNonNull(word);
        }

        @Override
        public boolean occursAt(TokenizedText text, int i) {
            return text.word(i).equals(word);
        }

        @Override
        public String start() {
            return word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /** A trailing wildcard: {@code deliver*} finds deliver, delivery and #deliveries. */
    record Prefix(String prefix) implements Term {
        public Prefix {
            Objects.requireNonNull(prefix);
        }

        @Override
        public boolean occursAt(TokenizedText text, int i) {
            return text.word(i).startsWith(prefix);
        }

        @Override
        public String start() {
            return prefix;
        }

        @Override
        public String toString() {
            return prefix + "*";
        }
    }

    /** Consecutive words, whatever their kind: "acme coffee" also finds "#acme coffee". */
    record Phrase(List<String> words) implements Term {
        public Phrase {
            words = List.copyOf(words);
        }

        @Override
        public boolean occursAt(TokenizedText text, int i) {
            if (i + words.size() > text.size()) {
                return false;
            }
            for (int k = 0; k < words.size(); k++) {
                if (!text.word(i + k).equals(words.get(k))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int width() {
            return words.size();
        }

        @Override
        public String start() {
            return words.get(0);
        }

        @Override
        public String toString() {
            return '"' + String.join(" ", words) + '"';
        }
    }

    /**
     * A #hashtag or @handle: found only as a hashtag (handle) token of the text or in the mention's
     * list of hashtags (handles). Only the text gives positions, so NEAR sees only the text's
     * tokens.
     */
    record Tag(TokenKind kind, String value) implements Term {
        public Tag {
            if (kind == TokenKind.WORD) {
                throw new IllegalArgumentException("a tag is a hashtag or a handle");
            }
            Objects.requireNonNull(value);
        }

        @Override
        public boolean occursAt(TokenizedText text, int i) {
            return is(text.kind(i), text.word(i));
        }

        /** Whether the mention lists this tag among its hashtags or handles. */
        public boolean listedIn(MatchInput input) {
            List<String> listed = kind == TokenKind.HASHTAG ? input.hashtags() : input.handles();
            for (String name : listed) {
                if (value.equals(TextFolding.foldTag(name))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a token of the given kind and folded word is this tag. */
        boolean is(TokenKind tokenKind, String word) {
            return tokenKind == kind && word.equals(value);
        }

        @Override
        public String start() {
            return value;
        }

        @Override
        public String toString() {
            return kind.marker() + value;
        }
    }
}
