// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.MentionFacts;
import io.hark.analytics.window.WindowKeys;
import io.hark.jobs.queries.BroadcastQueries;
import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryUpdate;
import java.util.Collection;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns a copy of an enriched mention into {@link MentionFacts} per window key ({@link
 * MentionCopy#facts}). Which group a query is in follows the query topic, like the listen job's
 * matcher.
 */
public class ToMentionFacts
        extends BroadcastProcessFunction<MentionCopy, QueryUpdate, MentionFacts> {
    private final BroadcastQueries queries;
    private transient WindowKeys windowKeys;

    public ToMentionFacts(Collection<QueryDefinition> initial) {
        this.queries = new BroadcastQueries(initial);
    }

    @Override
    public void processBroadcastElement(
            QueryUpdate update, Context ctx, Collector<MentionFacts> out) throws Exception {
        windowKeys =
                WindowKeys.of(
                        queries.apply(
                                        update,
                                        ctx.getBroadcastState(BroadcastQueries.STATE),
                                        ctx.currentProcessingTime())
                                .queries());
    }

    @Override
    public void processElement(MentionCopy copy, ReadOnlyContext ctx, Collector<MentionFacts> out)
            throws Exception {
        if (windowKeys == null) {
            windowKeys =
                    WindowKeys.of(
                            queries.inForce(ctx.getBroadcastState(BroadcastQueries.STATE))
                                    .queries());
        }
        copy.facts(windowKeys).forEach(out::collect);
    }
}
