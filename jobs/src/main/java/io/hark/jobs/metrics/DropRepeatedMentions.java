// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.schema.EnrichedMention;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Passes on the first copy of each enriched mention (keyed by {@code platform:id}) and drops later
 * ones. The listen job writes the enriched topic at least once: after a failure it writes again
 * what it wrote since its last checkpoint, and counted twice those copies would inflate their
 * windows (and could open an alert). A copy can change a window only until the window is purged, at
 * its end plus the allowed lateness in event time, after which the window drops it as late; so a
 * mention is remembered until then, and this state is as bounded as the windows' own.
 */
public class DropRepeatedMentions
        extends KeyedProcessFunction<String, EnrichedMention, EnrichedMention> {
    private final long windowMillis;
    private final long allowedLatenessMillis;
    private transient ValueState<Boolean> seen;

    public DropRepeatedMentions(Duration window, Duration allowedLateness) {
        this.windowMillis = window.toMillis();
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.BOOLEAN));
    }

    @Override
    public void processElement(EnrichedMention mention, Context ctx, Collector<EnrichedMention> out)
            throws Exception {
        if (seen.value() != null) {
            return;
        }
        seen.update(true);
        long windowStart = TimeWindow.getWindowStartWithOffset(ctx.timestamp(), 0, windowMillis);
        // the window's last timestamp plus the lateness: when the window operator purges it
        ctx.timerService()
                .registerEventTimeTimer(windowStart + windowMillis - 1 + allowedLatenessMillis);
        out.collect(mention);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedMention> out) {
        seen.clear();
    }
}
