// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.CountedVerdicts;
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
 * Counts each enriched mention (keyed by {@code platform:id}) once, as its latest copy says. The
 * listen job writes the enriched topic at least once: after a failure it writes again what it wrote
 * since its last checkpoint, and counted twice those copies would inflate their windows (and could
 * open an alert). So a later copy is dropped, unless its {@link CountedVerdicts} differ from those
 * counted: a spam or copy-paste verdict depends on what the listen job saw before, which differs
 * when it processes the mention again, and Elasticsearch keeps the latest copy. Then the copy
 * replaces the one counted ({@link MentionCopy#replacing}).
 *
 * <p>A copy can change a window only until the window is purged, at its end plus the allowed
 * lateness in event time, after which the window drops it as late; so a mention is remembered until
 * then, and this state is as bounded as the windows' own.
 */
public class DropRepeatedMentions
        extends KeyedProcessFunction<String, EnrichedMention, MentionCopy> {
    private final long windowMillis;
    private final long allowedLatenessMillis;
    private transient ValueState<CountedVerdicts> counted;

    /**
     * Mentions remembered by versions that kept no verdicts (restored from their savepoints): later
     * copies of these are dropped.
     */
    private transient ValueState<Boolean> seen;

    public DropRepeatedMentions(Duration window, Duration allowedLateness) {
        this.windowMillis = window.toMillis();
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.BOOLEAN));
        counted =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "counted-verdicts", Types.POJO(CountedVerdicts.class)));
    }

    @Override
    public void processElement(EnrichedMention mention, Context ctx, Collector<MentionCopy> out)
            throws Exception {
        CountedVerdicts verdicts = CountedVerdicts.of(mention);
        CountedVerdicts before = counted.value();
        if (before == null) {
            if (seen.value() != null) {
                return;
            }
            counted.update(verdicts);
            long windowStart =
                    TimeWindow.getWindowStartWithOffset(ctx.timestamp(), 0, windowMillis);
            // the window's last timestamp plus the lateness: when the window operator purges it
            ctx.timerService()
                    .registerEventTimeTimer(windowStart + windowMillis - 1 + allowedLatenessMillis);
            out.collect(MentionCopy.first(mention));
        } else if (!before.equals(verdicts)) {
            counted.update(verdicts);
            out.collect(MentionCopy.replacing(mention, before));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MentionCopy> out) {
        seen.clear();
        counted.clear();
    }
}
