// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.queries;

import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryControlJson;
import io.hark.queries.control.QuerySet;
import io.hark.queries.control.QueryStatus;
import io.hark.queries.control.QueryUpdate;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The listening queries as Flink broadcast state, for every operator that follows the query topic:
 * query id to definition JSON, plus a marker once the state, not the queries the job was built
 * with, is authoritative. A restored job so keeps the set it had; a fresh one starts from {@code
 * initial} (the query topic as read when the job was built) until the first update.
 */
public final class BroadcastQueries implements Serializable {
    public static final MapStateDescriptor<String, String> STATE =
            new MapStateDescriptor<>("listening-queries", Types.STRING, Types.STRING);

    /** Not a valid query id (ids are [A-Za-z0-9_.-]), so it never collides with one. */
    private static final String INITIALIZED = " initialized";

    private final ArrayList<QueryDefinition> initial;

    public BroadcastQueries(Collection<QueryDefinition> initial) {
        this.initial = new ArrayList<>(initial);
    }

    public QuerySet inForce(ReadOnlyBroadcastState<String, String> state) throws Exception {
        if (!state.contains(INITIALIZED)) {
            return new QuerySet(initial);
        }
        List<QueryDefinition> queries = new ArrayList<>();
        for (Map.Entry<String, String> entry : state.immutableEntries()) {
            if (!entry.getKey().equals(INITIALIZED)) {
                queries.add(QueryControlJson.fromJson(entry.getKey(), entry.getValue()));
            }
        }
        return new QuerySet(queries);
    }

    /**
     * Applies {@code update} to the state; returns what became of it and the queries now in force.
     */
    public Applied apply(QueryUpdate update, BroadcastState<String, String> state, long at)
            throws Exception {
        QuerySet queries = inForce(state);
        QueryStatus status = queries.apply(update, at);
        state.clear();
        for (QueryDefinition query : queries.queries()) {
            state.put(query.id(), QueryControlJson.toJson(query));
        }
        state.put(INITIALIZED, "");
        return new Applied(status, queries.queries());
    }

    public record Applied(QueryStatus status, List<QueryDefinition> queries) {}
}
