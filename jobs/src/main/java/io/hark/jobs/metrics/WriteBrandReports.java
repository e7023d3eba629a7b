// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.report.ReportPeriod;
import io.hark.report.ReportSchedule;
import io.hark.schema.DeadLetter;
import io.hark.schema.MetricScope;
import io.hark.schema.WindowMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one brand report per period of the {@link ReportSchedule} once the job's event time is
 * past the period's end plus the allowed lateness: then no window of the period changes any more,
 * and a replay writes the same reports as the live job. All windows go under one key ({@link
 * #ONE_KEY}), so one task writes each report once, whatever the job's parallelism.
 *
 * <p>At the end of a bounded input the watermark jumps to the end of time, which says nothing of
 * how far the input went: then a period is reported only if a window after it plus the allowed
 * lateness was seen, and the last, unfinished period is not.
 *
 * <p>Only periods with windows of the reported queries get a report: a period without any has
 * nothing to show. A report that cannot be written (Elasticsearch unreachable, the disk full) is
 * logged, counted ({@code reportFailures}) and tried again a few minutes later and whenever the
 * next period is due; the job goes on. Announcements that fail become dead letters.
 */
public class WriteBrandReports extends KeyedProcessFunction<String, WindowMetrics, DeadLetter> {
    public static final KeySelector<WindowMetrics, String> ONE_KEY = window -> "reports";

    private static final Logger LOG = LoggerFactory.getLogger(WriteBrandReports.class);

    private final ReportSchedule schedule;
    private final List<String> groups;
    private final Duration allowedLateness;
    private final Duration retryAfter;
    private final ReportPublisher publisher;

    /** Per period not yet reported (by its start): the end of its latest window seen. */
    private transient MapState<Long, Long> pending;

    /** The end of the latest window seen, of any query or group: how far the input went. */
    private transient ValueState<Long> inputReached;

    private transient Counter written;
    private transient Counter failures;

    /**
     * @param groups the reported groups' windows count; empty: every query's
     * @param retryAfter how long after a failure a report is tried again
     */
    public WriteBrandReports(
            ReportSchedule schedule,
            List<String> groups,
            Duration allowedLateness,
            Duration retryAfter,
            ReportPublisher publisher) {
        this.schedule = schedule;
        this.groups = List.copyOf(groups);
        this.allowedLateness = allowedLateness;
        this.retryAfter = retryAfter;
        this.publisher = publisher;
    }

    @Override
    public void open(OpenContext openContext) {
        // named after the schedule: restored with another --report-every, the old periods, which
        // the new schedule would misread, are left alone
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending-report-periods-" + schedule.every(),
                                        Types.LONG,
                                        Types.LONG));
        inputReached =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("input-reached", Types.LONG));
        written = getRuntimeContext().getMetricGroup().counter("reportsWritten");
        failures = getRuntimeContext().getMetricGroup().counter("reportFailures");
    }

    @Override
    public void processElement(WindowMetrics window, Context ctx, Collector<DeadLetter> out)
            throws Exception {
        long windowEnd = window.getWindowEnd().toEpochMilli();
        if (inputReached.value() == null || windowEnd > inputReached.value()) {
            inputReached.update(windowEnd);
        }
        if (window.getScope() != MetricScope.query
                || (!groups.isEmpty() && !groups.contains(window.getGroup()))) {
            return;
        }
        long start = schedule.periodStart(window.getWindowStart().toEpochMilli());
        long due = due(start);
        if (due <= ctx.timerService().currentWatermark()) {
            // cannot happen while windows close within the allowed lateness; a report once written
            // is not rewritten for one straggler
            LOG.warn(
                    "Window {} of {} came after the report of its period was due: not reported",
                    window.getWindowStart(),
                    window.getKey());
            return;
        }
        Long latest = pending.get(start);
        if (latest == null || windowEnd > latest) {
            pending.put(start, windowEnd);
        }
        ctx.timerService().registerEventTimeTimer(due);
    }

    /** When the report of the period from {@code start} is due, in event time. */
    private long due(long start) {
        return schedule.periodEnd(start) + allowedLateness.toMillis();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeadLetter> out)
            throws Exception {
        long now = eventTime(ctx.timerService().currentWatermark());
        List<Long> due = new ArrayList<>();
        for (Map.Entry<Long, Long> period : pending.entries()) {
            if (due(period.getKey()) <= now) {
                due.add(period.getKey());
            } else if (ctx.timerService().currentWatermark() == Long.MAX_VALUE
                    && timestamp == due(period.getKey())) {
                LOG.info(
                        "The input ended before the period from {} was over: no report of it",
                        Instant.ofEpochMilli(period.getKey()));
            }
        }
        due.sort(null);
        boolean failed = false;
        for (long start : due) {
            failed |= !publish(start, out);
        }
        if (failed) {
            ctx.timerService()
                    .registerProcessingTimeTimer(
                            ctx.timerService().currentProcessingTime() + retryAfter.toMillis());
        }
    }

    /**
     * The event time reports are due by: the watermark, or at the end of a bounded input how far
     * the input went.
     */
    private long eventTime(long watermark) throws Exception {
        if (watermark != Long.MAX_VALUE) {
            return watermark;
        }
        return inputReached.value() == null ? Long.MIN_VALUE : inputReached.value();
    }

    /** Whether the report of the period from {@code start} was written. */
    private boolean publish(long start, Collector<DeadLetter> out) throws Exception {
        ReportPeriod period = schedule.period(start);
        try {
            publisher
                    .publish(period, Instant.ofEpochMilli(pending.get(start)))
                    .forEach(out::collect);
        } catch (Exception e) {
            failures.inc();
            LOG.warn(
                    "The brand report of {} to {} was not written; trying again in {}",
                    period.from(),
                    period.to(),
                    retryAfter,
                    e);
            return false;
        }
        pending.remove(start);
        written.inc();
        return true;
    }
}
