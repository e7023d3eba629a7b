// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import io.hark.queries.QueryNode.And;
import io.hark.queries.QueryNode.Near;
import io.hark.queries.QueryNode.Not;
import io.hark.queries.QueryNode.Or;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * For each query, terms of which at least one must occur for the query to match: its triggers. Only
 * queries whose triggers occur in a text need evaluating; a query without triggers ({@code NOT x},
 * {@code lang:en}) can match any text and is always evaluated.
 *
 * <p>Where an AND leaves a choice ({@code acme AND (late OR delay*)} could trigger on either side),
 * the side whose terms the fewest queries share wins: words that recur across queries ("late",
 * "jobs") are the common words of the stream, while brand names are particular to their query. Ties
 * go to the earlier operand, as analysts write the brand first.
 */
final class Triggers {
    private final Map<Term, Integer> queriesUsing = new HashMap<>();

    Triggers(List<QueryNode> queries) {
        for (QueryNode query : queries) {
            Set<Term> terms = new HashSet<>();
            collectTerms(query, terms);
            terms.forEach(term -> queriesUsing.merge(term, 1, Integer::sum));
        }
    }

    /** The triggers of {@code query}, or null when it can match without any term occurring. */
    Set<Term> of(QueryNode query) {
        return needed(query, true);
    }

    /**
     * Terms of which one must occur for {@code node} to be {@code wanted}, or null if it can be so
     * with no term occurring. Negation swaps the question, which is why both are answered.
     */
    private Set<Term> needed(QueryNode node, boolean wanted) {
        if (node instanceof Term term) {
            return wanted ? Set.of(term) : null;
        }
        if (node instanceof Filter) {
            return null;
        }
        if (node instanceof Not not) {
            return needed(not.operand(), !wanted);
        }
        if (node instanceof Near near) {
            return wanted
                    ? cheapest(List.of(needed(near.left(), true), needed(near.right(), true)))
                    : null;
        }
        // An AND is true, and an OR false, only if every operand is: one operand's terms are
        // enough.
        // An AND is false, and an OR true, if any operand is: every operand's terms are needed.
        boolean isAnd = node instanceof And;
        List<QueryNode> operands = isAnd ? ((And) node).operands() : ((Or) node).operands();
        List<Set<Term>> perOperand = new ArrayList<>();
        for (QueryNode operand : operands) {
            perOperand.add(needed(operand, wanted));
        }
        return isAnd == wanted ? cheapest(perOperand) : union(perOperand);
    }

    private Set<Term> cheapest(List<Set<Term>> choices) {
        return choices.stream()
                .filter(Objects::nonNull)
                .min(Comparator.comparingInt(this::cost))
                .orElse(null);
    }

    private int cost(Set<Term> terms) {
        return terms.stream().mapToInt(queriesUsing::get).sum();
    }

    private static Set<Term> union(List<Set<Term>> sets) {
        Set<Term> union = new HashSet<>();
        for (Set<Term> set : sets) {
            if (set == null) {
                return null;
            }
            union.addAll(set);
        }
        return union;
    }

    private static void collectTerms(QueryNode node, Set<Term> terms) {
        if (node instanceof Term term) {
            terms.add(term);
        } else if (node instanceof Not not) {
            collectTerms(not.operand(), terms);
        } else if (node instanceof Near near) {
            collectTerms(near.left(), terms);
            collectTerms(near.right(), terms);
        } else if (node instanceof And and) {
            and.operands().forEach(o -> collectTerms(o, terms));
        } else if (node instanceof Or or) {
            or.operands().forEach(o -> collectTerms(o, terms));
        }
    }
}
