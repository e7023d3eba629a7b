// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.MentionFacts;
import io.hark.analytics.window.WindowKeys;
import io.hark.queries.QueryDefinition;
import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * {@link ToMentionFacts} for a replay, whose queries are fixed for the whole run: without the
 * broadcast input it chains to its source, so no whole enriched mention is shuffled.
 */
public class FixedQueryFacts implements FlatMapFunction<MentionCopy, MentionFacts> {
    private final WindowKeys windowKeys;

    public FixedQueryFacts(List<QueryDefinition> queries) {
        this.windowKeys = WindowKeys.of(queries);
    }

    @Override
    public void flatMap(MentionCopy copy, Collector<MentionFacts> out) {
        copy.facts(windowKeys).forEach(out::collect);
    }
}
