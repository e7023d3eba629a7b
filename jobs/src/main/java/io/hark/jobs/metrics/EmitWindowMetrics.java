// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.GroupWindow;
import io.hark.analytics.window.WindowStats;
import io.hark.schema.MetricScope;
import io.hark.schema.WindowMetrics;
import java.util.Map;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Emits a window's metrics: one for the group (if the key is a group) and one per query, with the
 * query's share of voice within its group. A late mention fires the window again; the new metrics
 * have the same document ids and replace the old ones.
 */
public class EmitWindowMetrics
        extends ProcessWindowFunction<GroupWindow, WindowMetrics, String, TimeWindow> {
    @Override
    public void process(
            String windowKey,
            Context context,
            Iterable<GroupWindow> windows,
            Collector<WindowMetrics> out) {
        GroupWindow window = windows.iterator().next();
        long start = context.window().getStart();
        long end = context.window().getEnd();
        long now = context.currentProcessingTime();
        String group = window.group();
        if (group != null) {
            out.collect(
                    window.whole()
                            .toMetrics(MetricScope.group, group, group, start, end, null, now));
        }
        for (Map.Entry<String, WindowStats> query : window.queries().entrySet()) {
            Double share =
                    group == null || window.whole().volume() == 0
                            ? null
                            : (double) query.getValue().volume() / window.whole().volume();
            out.collect(
                    query.getValue()
                            .toMetrics(
                                    MetricScope.query,
                                    query.getKey(),
                                    group,
                                    start,
                                    end,
                                    share,
                                    now));
        }
    }
}
