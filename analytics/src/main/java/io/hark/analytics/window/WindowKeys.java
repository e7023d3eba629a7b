// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.window;

import io.hark.queries.QueryDefinition;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each query's mentions are counted: in its group's window key, or, for a query without a
 * group, in its own. Worked out once per set of queries rather than once per mention.
 */
public final class WindowKeys implements Serializable {
    /** A window key, and the group it counts (null for a query's own key). */
    public record WindowKey(String key, String group) implements Serializable {}

    private final Map<String, WindowKey> byQuery;

    private WindowKeys(Map<String, WindowKey> byQuery) {
        this.byQuery = byQuery;
    }

    public static WindowKeys of(List<QueryDefinition> definitions) {
        Map<String, WindowKey> byQuery = new HashMap<>();
        definitions.forEach(query -> byQuery.put(query.id(), keyOf(query.id(), query.group())));
        return new WindowKeys(byQuery);
    }

    /** A query no definition names (it was removed) counts in its own key. */
    public WindowKey of(String queryId) {
        WindowKey key = byQuery.get(queryId);
        return key != null ? key : keyOf(queryId, null);
    }

    private static WindowKey keyOf(String queryId, String group) {
        return group == null
                ? new WindowKey(MentionFacts.queryKey(queryId), null)
                : new WindowKey(MentionFacts.groupKey(group), group);
    }
}
