// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.bench;

import io.hark.queries.Filter;
import io.hark.queries.MatchInput;
import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryNode;
import io.hark.queries.QueryNode.And;
import io.hark.queries.QueryNode.Near;
import io.hark.queries.QueryNode.Not;
import io.hark.queries.QueryNode.Or;
import io.hark.queries.QueryParser;
import io.hark.queries.Term;
import io.hark.queries.TokenizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline {@link io.hark.queries.CompiledQueries} is measured against: each query's tree
 * evaluated on its own, every term searched for by scanning the tokens, as a first implementation
 * would. The text is at least tokenized only once.
 */
final class NaiveMatcher {
    private final List<String> ids = new ArrayList<>();
    private final List<QueryNode> trees = new ArrayList<>();

    NaiveMatcher(List<QueryDefinition> queries) {
        for (QueryDefinition query : queries) {
            ids.add(query.id());
            trees.add(QueryParser.parse(query.query()));
        }
    }

    List<String> match(MatchInput input) {
        TokenizedText text = TokenizedText.of(input.text());
        List<String> matched = new ArrayList<>(2);
        for (int i = 0; i < trees.size(); i++) {
            if (matches(trees.get(i), text, input)) {
                matched.add(ids.get(i));
            }
        }
        return matched;
    }

    private static boolean matches(QueryNode node, TokenizedText text, MatchInput input) {
        if (node instanceof Term term) {
            return occurs(term, text) || (term instanceof Term.Tag tag && tag.listedIn(input));
        }
        if (node instanceof Filter filter) {
            return filter.matches(input);
        }
        if (node instanceof Not not) {
            return !matches(not.operand(), text, input);
        }
        if (node instanceof Near near) {
            return near(near, text);
        }
        if (node instanceof And and) {
            for (QueryNode operand : and.operands()) {
                if (!matches(operand, text, input)) {
                    return false;
                }
            }
            return true;
        }
        for (QueryNode operand : ((Or) node).operands()) {
            if (matches(operand, text, input)) {
                return true;
            }
        }
        return false;
    }

    private static boolean occurs(Term term, TokenizedText text) {
        for (int i = 0; i < text.size(); i++) {
            if (term.occursAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean near(Near near, TokenizedText text) {
        List<Term> rights = Near.operandTerms(near.right());
        for (Term left : Near.operandTerms(near.left())) {
            for (int i = 0; i < text.size(); i++) {
                if (left.occursAt(text, i)
                        && nearRight(near, rights, text, i, i + left.width() - 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean nearRight(
            Near near, List<Term> rights, TokenizedText text, int leftStart, int leftEnd) {
        for (Term right : rights) {
            for (int j = 0; j < text.size(); j++) {
                if (right.occursAt(text, j)
                        && near.allows(leftStart, leftEnd, j, j + right.width() - 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
