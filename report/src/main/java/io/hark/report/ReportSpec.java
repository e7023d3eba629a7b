// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import io.hark.queries.QueryDefinition;
import java.util.List;

/**
 * Which report to make.
 *
 * @param groups report every query of these groups (with {@code queries}: both); neither means
 *     every query with window metrics in the period
 * @param definitions the listening queries' definitions, for names and the footer (Elasticsearch
 *     does not hold them); may be empty
 */
public record ReportSpec(
        ReportPeriod period,
        String indexPrefix,
        List<String> groups,
        List<String> queries,
        List<QueryDefinition> definitions) {
    public ReportSpec {
        groups = List.copyOf(groups);
        queries = List.copyOf(queries);
        definitions = List.copyOf(definitions);
    }

    public String metricsIndex() {
        return indexPrefix + "-metrics";
    }

    public String mentionsIndex() {
        return indexPrefix + "-mentions";
    }

    public String alertsIndex() {
        return indexPrefix + "-alerts";
    }

    /** What was asked for, as the report's header and errors say it. */
    public String selection() {
        if (groups.isEmpty() && queries.isEmpty()) {
            return "all queries";
        }
        StringBuilder text = new StringBuilder();
        if (!groups.isEmpty()) {
            text.append(groups.size() == 1 ? "group " : "groups ")
                    .append(String.join(", ", groups));
        }
        if (!queries.isEmpty()) {
            text.append(text.length() == 0 ? "" : " and ")
                    .append(queries.size() == 1 ? "query " : "queries ")
                    .append(String.join(", ", queries));
        }
        return text.toString();
    }
}
