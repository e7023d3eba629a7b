// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import io.hark.queries.QueryToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Cuts a query into tokens; what the tokens mean is {@link QueryParser}'s business. */
final class QueryLexer {
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z]+:.*", Pattern.DOTALL);

    private QueryLexer() {}

    /** The tokens of {@code query}, ending with an {@link Type#END} token at the query's length. */
    static List<QueryToken> tokenize(String query) {
        List<QueryToken> tokens = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < query.length() && Character.isWhitespace(query.charAt(i))) {
                i++;
            }
            if (i == query.length()) {
                tokens.add(new QueryToken(Type.END, "", i));
                return tokens;
            }
            char c = query.charAt(i);
            int end =
                    switch (c) {
                        case '(', ')' -> i + 1;
                        case '"' -> afterClosingQuote(query, i);
                        default -> endOfBareToken(query, i);
                    };
            String text = query.substring(i, end);
            tokens.add(new QueryToken(typeOf(text), text, i));
            i = end;
        }
    }

    private static int endOfBareToken(String query, int start) {
        int end = start;
        while (end < query.length() && !endsBareToken(query.charAt(end))) {
            end++;
        }
        // A field's value may be quoted: author:"Jane Doe" is one token.
        boolean quotedValue =
                end < query.length() && query.charAt(end) == '"' && query.charAt(end - 1) == ':';
        if (quotedValue && FIELD_NAME.matcher(query.substring(start, end)).matches()) {
            return afterClosingQuote(query, end);
        }
        return end;
    }

    private static boolean endsBareToken(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
    }

    private static int afterClosingQuote(String query, int openingQuote) {
        int closing = query.indexOf('"', openingQuote + 1);
        if (closing < 0) {
            throw new QuerySyntaxException(openingQuote, "this quote is never closed");
        }
        return closing + 1;
    }

    private static Type typeOf(String text) {
        if (text.startsWith("\"")) {
            return Type.PHRASE;
        }
        if (text.equals("NEAR") || text.startsWith("NEAR/")) {
            return Type.NEAR;
        }
        if (FIELD_NAME.matcher(text).matches()) {
            return Type.FIELD;
        }
        return switch (text) {
            case "(" -> Type.OPEN;
            case ")" -> Type.CLOSE;
            case "AND" -> Type.AND;
            case "OR" -> Type.OR;
            case "NOT" -> Type.NOT;
            default -> Type.TERM;
        };
    }
}
