// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.control;

/**
 * One record of the query control topic, as read: the query id (the record key) and the JSON
 * definition, or null for a removal (a tombstone, so compaction forgets removed queries). Kept raw
 * so that the job, not the deserializer, judges it and reports a bad update on the status topic.
 */
public record QueryUpdate(String queryId, String definitionJson) {
    public boolean isRemoval() {
        return definitionJson == null;
    }
}
