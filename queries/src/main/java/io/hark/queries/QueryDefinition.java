// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.io.Serializable;
import java.util.Objects;

/**
 * One analyst query as written: {@code query} is the text {@link QueryParser} reads, {@code group}
 * an optional label (a client, a campaign) that dashboards group matches by. A null {@code name}
 * becomes the id.
 */
public record QueryDefinition(String id, String name, String query, String group)
        implements Serializable {
    public QueryDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(query, "query");
        if (name == null) {
            name = id;
        }
    }
}
