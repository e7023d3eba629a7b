// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import io.hark.queries.QueryNode.Near;
import java.util.Arrays;

/**
 * A query tree compiled against a {@link TermIndex}: terms are looked up by id in a {@link
 * MatchState}.
 */
sealed interface Condition {
    boolean test(MatchState state);

    record Occurs(int term) implements Condition {
        @Override
        public boolean test(MatchState state) {
            return state.isSeen(term);
        }
    }

    record All(Condition[] operands) implements Condition {
        @Override
        public boolean test(MatchState state) {
            for (Condition operand : operands) {
                if (!operand.test(state)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Any(Condition[] operands) implements Condition {
        @Override
        public boolean test(MatchState state) {
            for (Condition operand : operands) {
                if (operand.test(state)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Negation(Condition operand) implements Condition {
        @Override
        public boolean test(MatchState state) {
            return !operand.test(state);
        }
    }

    record Passes(Filter filter) implements Condition {
        @Override
        public boolean test(MatchState state) {
            return filter.matches(
                    filter.readsLanguage() ? state.inputWithLanguage() : state.input());
        }
    }

    /**
     * A NEAR whose operands are the sorted term ids {@code left} and {@code right}. Each left
     * occurrence is paired only with the occurrences whose start could be near enough, so a long
     * text full of the operands' words costs time in proportion to its length, not to its length
     * squared.
     */
    record Nearby(int[] left, int[] right, Near near) implements Condition {
        @Override
        public boolean test(MatchState state) {
            if (!anySeen(left, state) || !anySeen(right, state)) {
                return false;
            }
            // Near occurrences start at most this many tokens apart: the distance, the token
            // between, the width.
            int reach = near.distance() + 1 + state.widestOccurrence();
            int firstInReach = 0;
            for (int a = 0; a < state.occurrenceCount(); a++) {
                if (!contains(left, state.occurrenceTerm(a))) {
                    continue;
                }
                int start = state.occurrenceStart(a);
                while (state.occurrenceStart(firstInReach) < start - reach) {
                    firstInReach++;
                }
                for (int b = firstInReach;
                        b < state.occurrenceCount() && state.occurrenceStart(b) <= start + reach;
                        b++) {
                    if (contains(right, state.occurrenceTerm(b))
                            && near.allows(
                                    state.occurrenceStart(a),
                                    state.occurrenceEnd(a),
                                    state.occurrenceStart(b),
                                    state.occurrenceEnd(b))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean anySeen(int[] terms, MatchState state) {
            for (int term : terms) {
                if (state.isSeen(term)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean contains(int[] sortedTerms, int term) {
            return Arrays.binarySearch(sortedTerms, term) >= 0;
        }
    }
}
