// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.control;

/**
 * What the job did with a query update, written to the status topic and the log.
 *
 * @param state {@code active}, {@code removed} or {@code rejected}
 * @param query the query text in force after the update (for a rejected update: the one that stays)
 * @param error why an update was rejected, else null
 * @param at when the job applied or refused it, epoch milliseconds
 */
public record QueryStatus(String queryId, String state, String query, String error, long at) {
    public static final String ACTIVE = "active";
    public static final String REMOVED = "removed";
    public static final String REJECTED = "rejected";
}
