// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.detect.AlertRules;
import io.hark.analytics.detect.SilenceAlerts;
import io.hark.analytics.detect.SilenceSettings;
import io.hark.analytics.detect.SilenceWatch;
import io.hark.analytics.notify.KibanaLinks;
import io.hark.schema.Alert;
import io.hark.schema.WindowMetrics;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The whole input's silence ({@link SilenceWatch}): one alert when mentions stop arriving
 * altogether, whatever stopped them. The mentions in the queries' windows (all under one key,
 * {@link #ONE_KEY}: a few records per query and minute) are counted per tick of the machine's
 * clock, one tick per window length, because when the input stops the mentions' time, and with it
 * every event-time timer, stops too; the queries' own silences then stay quiet, and this one alert
 * speaks for all of them.
 */
public class WatchInputSilence extends KeyedProcessFunction<String, WindowMetrics, Alert> {
    public static final KeySelector<WindowMetrics, String> ONE_KEY =
            window -> SilenceAlerts.WHOLE_INPUT;

    private final Duration tick;
    private final AlertRules rules;
    private final KibanaLinks kibana;
    private transient SilenceSettings settings;
    private transient ValueState<byte[]> silence;

    /** Mentions in the queries' windows that arrived during the current tick. */
    private transient ValueState<Long> arrived;

    private transient ValueState<Long> tickEnd;

    /**
     * @param rules whose silence settings apply
     */
    public WatchInputSilence(Duration tick, AlertRules rules, KibanaLinks kibana) {
        this.tick = tick;
        this.rules = rules;
        this.kibana = kibana;
    }

    @Override
    public void open(OpenContext openContext) {
        settings = rules.silence();
        silence =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "input-silence",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        arrived = getRuntimeContext().getState(new ValueStateDescriptor<>("arrived", Types.LONG));
        tickEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("tick-end", Types.LONG));
    }

    @Override
    public void processElement(WindowMetrics window, Context ctx, Collector<Alert> out)
            throws Exception {
        arrived.update((arrived.value() == null ? 0 : arrived.value()) + window.getVolume());
        if (tickEnd.value() == null) {
            long now = ctx.timerService().currentProcessingTime();
            long end = (now / tick.toMillis() + 1) * tick.toMillis();
            tickEnd.update(end);
            ctx.timerService().registerProcessingTimeTimer(end);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        SilenceWatch input =
                silence.value() == null
                        ? new SilenceWatch(settings)
                        : SilenceWatch.fromBytes(silence.value());
        // A timer firing a tick or more after its time was held up with the job (restored from a
        // savepoint, a stalled JVM): no mentions in the ticks it missed is the job's own outage,
        // not the input's.
        boolean inTime = ctx.timerService().currentProcessingTime() - timestamp < tick.toMillis();
        input.step(
                        timestamp - tick.toMillis(),
                        timestamp,
                        arrived.value() == null ? 0 : arrived.value(),
                        inTime)
                .ifPresent(
                        step -> out.collect(SilenceAlerts.ofWholeInput(step, kibana, timestamp)));
        silence.update(input.toBytes());
        arrived.update(0L);
        tickEnd.update(timestamp + tick.toMillis());
        ctx.timerService().registerProcessingTimeTimer(timestamp + tick.toMillis());
    }
}
