// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

/** A query of a set that cannot be compiled; the message names the query. */
public final class InvalidQueryException extends IllegalArgumentException {
    private final String queryId;

    InvalidQueryException(String queryId, String reason, Throwable cause) {
        super("query '" + queryId + "': " + reason, cause);
        this.queryId = queryId;
    }

    public String queryId() {
        return queryId;
    }
}
