// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed query. {@code toString()} writes the tree back as a query with every operator group in
 * parentheses, so it both shows how a query was read and parses back to an equal tree.
 */
public sealed interface QueryNode
        permits QueryNode.And, QueryNode.Or, QueryNode.Not, QueryNode.Near, Term, Filter {

    record And(List<QueryNode> operands) implements QueryNode {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return join(operands, " AND ");
        }
    }

    record Or(List<QueryNode> operands) implements QueryNode {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return join(operands, " OR ");
        }
    }

    record Not(QueryNode operand) implements QueryNode {
        @Override
        public String toString() {
            return "(NOT " + operand + ")";
        }
    }

    /**
     * {@code left NEAR/distance right}: an occurrence of each operand with at most {@code distance}
     * words between them, in either order, or left first when {@code ordered} (NEAR/nf). An operand
     * is a term or an OR group of terms.
     */
    record Near(QueryNode left, QueryNode right, int distance, boolean ordered)
            implements QueryNode {
        /**
         * Whether occurrences spanning tokens [leftStart, leftEnd] and [rightStart, rightEnd] are
         * near enough. Occurrences that share a token do not count: {@code acme NEAR/3 acme} needs
         * two.
         */
        public boolean allows(int leftStart, int leftEnd, int rightStart, int rightEnd) {
            if (leftEnd < rightStart) {
                return rightStart - leftEnd - 1 <= distance;
            }
            return !ordered && rightEnd < leftStart && leftStart - rightEnd - 1 <= distance;
        }

        /** The terms of a NEAR operand: the term itself or the terms of its OR group. */
        public static List<Term> operandTerms(QueryNode operand) {
            List<Term> terms = new ArrayList<>();
            collectTerms(operand, terms);
            return terms;
        }

        private static void collectTerms(QueryNode operand, List<Term> terms) {
            if (operand instanceof Term term) {
                terms.add(term);
            } else if (operand instanceof Or or) {
                or.operands().forEach(o -> collectTerms(o, terms));
            } else {
                throw new IllegalArgumentException("not a NEAR operand: " + operand);
            }
        }

        @Override
        public String toString() {
            return "(" + left + " NEAR/" + distance + (ordered ? "f " : " ") + right + ")";
        }
    }

    private static String join(List<QueryNode> operands, String operator) {
        return operands.stream()
                .map(QueryNode::toString)
                .collect(Collectors.joining(operator, "(", ")"));
    }
}
