// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

/** A piece of a query as {@link QueryLexer} cut it: {@code text} is exactly as written. */
record QueryToken(Type type, String text, int position) {
    enum Type {
        OPEN,
        CLOSE,
        AND,
        OR,
        NOT,
        NEAR,
        /** A word, wildcard, #hashtag or @handle. */
        TERM,
        /** A quoted phrase, quotes included. */
        PHRASE,
        /** {@code name:value}, the value possibly quoted. */
        FIELD,
        END
    }

    /** The token as error messages quote it. */
    String describe() {
        return switch (type) {
            case END -> "the end of the query";
            case PHRASE -> text;
            default -> "'" + text + "'";
        };
    }
}
