// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import io.hark.queries.QueryNode.And;
import io.hark.queries.QueryNode.Near;
import io.hark.queries.QueryNode.Not;
import io.hark.queries.QueryNode.Or;
import io.hark.queries.QueryToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads analysts' Boolean queries, in the style of commercial listening tools:
 *
 * <ul>
 *   <li>{@code acme}: the whole word, ignoring case and accents ({@code café} finds "CAFE"), also
 *       as a hashtag or handle (#acme, @acme) but not inside a longer one (#AcmeCoffee). Words are
 *       cut as in {@link TokenizedText}, so {@code don't} is the phrase "don t".
 *   <li>{@code "acme coffee"}: consecutive words. {@code deliver*}: words starting with at least
 *       two letters or digits; not inside phrases, hashtags or handles.
 *   <li>{@code #acme}, {@code @acme}: only that hashtag or handle, in the text or the mention's
 *       lists.
 *   <li>{@code a NEAR/n b}: at most n words between an occurrence of each, either order; {@code
 *       NEAR/nf}: a first. n is 1 to 100; operands are terms, phrases, wildcards, hashtags, handles
 *       or parenthesised OR groups of them; distances count from a phrase's nearest edge.
 *   <li>{@code author:}, {@code lang:}, {@code platform:}, {@code country:} compare ignoring case;
 *       {@code url:example.com/blog} wants a URL on that host or a subdomain whose path starts so.
 *       Values may be quoted: {@code author:"Jane Doe"}.
 * </ul>
 *
 * Precedence from tightest: NOT, NEAR, AND, OR; NOT is a prefix and may stand alone. Operators are
 * written in capitals, so "and", "or", "not" and "near" are ordinary words. Terms side by side with
 * no operator are an error rather than an implicit AND or OR, because analysts mean both and a
 * wrong guess silently changes what a query matches.
 *
 * <pre>
 * or      = and { "OR" and }
 * and     = near { "AND" near }
 * near    = unary [ ("NEAR/n" | "NEAR/nf") unary ]
 * unary   = "NOT" unary | primary
 * primary = "(" or ")" | term | "phrase" | field:value
 * </pre>
 *
 * A query may be at most {@link #MAX_LENGTH} characters long and nest parentheses and NOTs at most
 * {@link #MAX_DEPTH} deep, so that parsing, compiling and matching it take bounded time and stack.
 */
public final class QueryParser {
    /**
     * Several times the longest query commercial listening tools accept; a longer one is a mistake.
     */
    public static final int MAX_LENGTH = 20_000;

    /** Far deeper than anyone writes; every step that walks the tree recurses this deep at most. */
    public static final int MAX_DEPTH = 100;

    private final List<QueryToken> tokens;
    private int next;
    private int depth;

    private QueryParser(List<QueryToken> tokens) {
        this.tokens = tokens;
    }

    /**
     * The tree of {@code query}; throws {@link QuerySyntaxException} saying where it went wrong.
     */
    public static QueryNode parse(String query) {
        if (query.isBlank()) {
            throw new QuerySyntaxException(0, "the query is empty");
        }
        if (query.length() > MAX_LENGTH) {
            throw new QuerySyntaxException(
                    MAX_LENGTH, "the query is longer than " + MAX_LENGTH + " characters");
        }
        QueryParser parser = new QueryParser(QueryLexer.tokenize(query));
        QueryNode root = parser.or();
        QueryToken rest = parser.peek();
        if (rest.type() == Type.CLOSE) {
            throw new QuerySyntaxException(rest.position(), "')' has no matching '('");
        }
        if (rest.type() != Type.END) {
            throw missingOperator(rest);
        }
        return root;
    }

    private QueryNode or() {
        List<QueryNode> operands = operands(Type.OR, this::and);
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    private QueryNode and() {
        List<QueryNode> operands = operands(Type.AND, this::near);
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    private List<QueryNode> operands(Type operator, Supplier<QueryNode> operand) {
        List<QueryNode> operands = new ArrayList<>();
        operands.add(operand.get());
        while (peek().type() == operator) {
            next++;
            operands.add(operand.get());
        }
        return operands;
    }

    private QueryNode near() {
        QueryToken leftStart = peek();
        QueryNode left = unary();
        if (peek().type() != Type.NEAR) {
            return left;
        }
        QueryAtoms.Distance distance = QueryAtoms.nearDistance(take());
        QueryToken rightStart = peek();
        QueryNode right = unary();
        if (peek().type() == Type.NEAR) {
            throw new QuerySyntaxException(
                    peek().position(), "NEAR cannot follow NEAR; join NEAR groups with AND");
        }
        return new Near(
                nearOperand(left, leftStart),
                nearOperand(right, rightStart),
                distance.words(),
                distance.ordered());
    }

    private QueryNode unary() {
        if (peek().type() == Type.NOT) {
            enter(take());
            QueryNode negated = new Not(unary());
            depth--;
            return negated;
        }
        return primary();
    }

    private QueryNode primary() {
        QueryToken token = take();
        switch (token.type()) {
            case OPEN:
                enter(token);
                QueryNode inner = or();
                depth--;
                QueryToken close = take();
                if (close.type() == Type.CLOSE) {
                    return inner;
                }
                if (close.type() == Type.END) {
                    throw new QuerySyntaxException(token.position(), "this '(' is never closed");
                }
                throw missingOperator(close);
            case TERM:
                return QueryAtoms.term(token);
            case PHRASE:
                return QueryAtoms.phrase(token);
            case FIELD:
                return QueryAtoms.filter(token);
            default:
                throw new QuerySyntaxException(
                        token.position(),
                        "expected a term, phrase or '(' but found " + token.describe());
        }
    }

    private void enter(QueryToken nesting) {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException(
                    nesting.position(),
                    "parentheses and NOTs nest more than "
                            + MAX_DEPTH
                            + " deep; simplify the query");
        }
    }

    private static QueryNode nearOperand(QueryNode operand, QueryToken start) {
        if (isTermGroup(operand)) {
            return operand;
        }
        throw new QuerySyntaxException(
                start.position(),
                "a NEAR operand must be a term, wildcard, phrase or an OR group of those, not "
                        + kindOf(operand));
    }

    private static String kindOf(QueryNode operand) {
        if (operand instanceof Filter) {
            return "a field filter";
        }
        if (operand instanceof Near) {
            return "another NEAR";
        }
        if (operand instanceof Or) {
            return "an OR group with more than terms in it";
        }
        return operand instanceof Not ? "a NOT" : "an AND";
    }

    private static boolean isTermGroup(QueryNode node) {
        return node instanceof Term
                || (node instanceof Or or
                        && or.operands().stream().allMatch(QueryParser::isTermGroup));
    }

    private static QuerySyntaxException missingOperator(QueryToken found) {
        String hint = found.type() == Type.NOT ? " (NOT only negates: write AND NOT)" : "";
        return new QuerySyntaxException(
                found.position(),
                "expected AND, OR or NEAR/n between terms but found " + found.describe() + hint);
    }

    private QueryToken peek() {
        return tokens.get(next);
    }

    private QueryToken take() {
        QueryToken token = tokens.get(next);
        if (token.type() != Type.END) {
            next++;
        }
        return token;
    }
}
