// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

/** A query that does not parse; the message starts with the position, for analysts to find it. */
public final class QuerySyntaxException extends IllegalArgumentException {
    private final int position;
    private final String problem;

    public QuerySyntaxException(int position, String problem) {
        super("at position " + position + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    /** The 0-based offset of the character in the query where the problem was found. */
    public int position() {
        return position;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }
}
