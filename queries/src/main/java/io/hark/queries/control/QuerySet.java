// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.control;

import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryParser;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The listening queries in force and how an update changes them: a valid definition is added or
 * replaces the old one, a tombstone removes it, and an invalid one is refused while the previous
 * version stays. The job's matcher and {@link QueryCatalog} apply updates through this one rule.
 */
public final class QuerySet {
    private final Map<String, QueryDefinition> queries = new LinkedHashMap<>();

    public QuerySet(Collection<QueryDefinition> initial) {
        initial.forEach(query -> queries.put(query.id(), query));
    }

    public List<QueryDefinition> queries() {
        return List.copyOf(queries.values());
    }

    public QueryDefinition get(String queryId) {
        return queries.get(queryId);
    }

    /** Applies {@code update} and says what became of it. */
    public QueryStatus apply(QueryUpdate update, long at) {
        String id = update.queryId();
        QueryDefinition previous = queries.get(id);
        String inForce = previous == null ? null : previous.query();
        if (id.isBlank()) {
            return new QueryStatus(
                    id,
                    QueryStatus.REJECTED,
                    null,
                    "the record has no key: the key must be the query id",
                    at);
        }
        if (update.isRemoval()) {
            queries.remove(id);
            return new QueryStatus(id, QueryStatus.REMOVED, null, null, at);
        }
        QueryDefinition definition;
        try {
            definition = QueryControlJson.fromJson(id, update.definitionJson());
            QueryParser.parse(definition.query());
        } catch (RuntimeException e) {
            return new QueryStatus(id, QueryStatus.REJECTED, inForce, e.getMessage(), at);
        }
        queries.put(id, definition);
        return new QueryStatus(id, QueryStatus.ACTIVE, definition.query(), null, at);
    }
}
