// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import io.hark.queries.QueryNode.And;
import io.hark.queries.QueryNode.Near;
import io.hark.queries.QueryNode.Not;
import io.hark.queries.QueryNode.Or;
import java.util.List;

/**
 * Turns query trees into {@link Condition}s over the numbered terms of one shared {@link
 * TermIndex}.
 */
final class QueryCompiler {
    private final TermIndex.Builder terms = new TermIndex.Builder();

    Condition compile(QueryNode node) {
        if (node instanceof Term term) {
            return new Condition.Occurs(terms.add(term, false));
        }
        if (node instanceof Filter filter) {
            return new Condition.Passes(filter);
        }
        if (node instanceof Not not) {
            return new Condition.Negation(compile(not.operand()));
        }
        if (node instanceof Near near) {
            return new Condition.Nearby(
                    positionalIds(near.left()), positionalIds(near.right()), near);
        }
        if (node instanceof And and) {
            return new Condition.All(compileAll(and.operands()));
        }
        return new Condition.Any(compileAll(((Or) node).operands()));
    }

    int idOf(Term term) {
        return terms.idOf(term);
    }

    TermIndex terms() {
        return terms.build();
    }

    private Condition[] compileAll(List<QueryNode> operands) {
        return operands.stream().map(this::compile).toArray(Condition[]::new);
    }

    private int[] positionalIds(QueryNode operand) {
        return Near.operandTerms(operand).stream()
                .mapToInt(term -> terms.add(term, true))
                .distinct()
                .sorted()
                .toArray();
    }
}
