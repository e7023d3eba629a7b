// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.analytics.detect.AlertRules;
import io.hark.analytics.notify.KibanaLinks;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.MetricScope;
import io.hark.schema.Severity;
import io.hark.schema.WindowMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class WatchInputSilenceTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new WatchInputSilence(
                        MINUTE,
                        AlertRules.defaults(),
                        new KibanaLinks("http://kibana:5601", "hark-mentions")),
                WatchInputSilence.ONE_KEY,
                Types.STRING);
    }

    private static WindowMetrics window(String query, long minute, long volume) {
        Instant start = T0.plus(MINUTE.multipliedBy(minute));
        return WindowMetrics.newBuilder()
                .setScope(MetricScope.query)
                .setKey(query)
                .setGroup("coffee")
                .setWindowStart(start)
                .setWindowEnd(start.plus(MINUTE))
                .setVolume(volume)
                .setUniqueAuthors(volume)
                .setNegative(0)
                .setNeutral(volume)
                .setPositive(0)
                .setNetSentiment(0)
                .setReach(volume)
                .setNegativeReach(0)
                .setEngagement(volume)
                .setUpdatedAt(start.plus(MINUTE))
                .build();
    }

    /**
     * Minutes {@code from} to {@code to} on the clock, each bringing two queries' windows when
     * {@code flowing}.
     */
    private static void minutes(
            KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness,
            long from,
            long to,
            boolean flowing)
            throws Exception {
        for (long minute = from; minute < to; minute++) {
            if (flowing) {
                // a window closes some seconds into the next minute, once the watermark passes its
                // end
                harness.setProcessingTime(
                        T0.plus(MINUTE.multipliedBy(minute + 1)).plusSeconds(30).toEpochMilli());
                harness.processElement(window("acme", minute, 12), 0);
                harness.processElement(window("tea-house", minute, 8), 0);
            }
            harness.setProcessingTime(T0.plus(MINUTE.multipliedBy(minute + 2)).toEpochMilli());
        }
    }

    @Test
    void theWholeInputStoppingRaisesOneAlertForAllQueriesUntilMentionsFlowAgain() throws Exception {
        try (var harness = harness()) {
            minutes(harness, 0, 120, true);
            assertThat(harness.extractOutputValues()).isEmpty();

            minutes(harness, 120, 150, false);
            List<Alert> alerts = harness.extractOutputValues();
            assertThat(alerts).hasSize(1);
            Alert silence = alerts.get(0);
            assertThat(silence.getState()).isEqualTo(AlertState.opened);
            assertThat(silence.getQueryId()).isEqualTo("*");
            assertThat(silence.getGroup()).as("every group's notifiers").isNull();
            assertThat(silence.getSignal()).isEqualTo("silence");
            assertThat(silence.getSeverity()).isEqualTo(Severity.high);
            assertThat(silence.getExpected())
                    .as("20 a minute for ten minutes")
                    .isBetween(190.0, 210.0);
            assertThat(silence.getSummary())
                    .isEqualTo(
                            "all input: no mentions for 10 min since 02:01 UTC, expected about "
                                    + Math.round(silence.getExpected())
                                    + "; the input has stopped: a connector, Kafka or the listen job");
            assertThat(silence.getAlertId())
                    .isEqualTo("*@silence@" + silence.getWindowStart().toEpochMilli());

            minutes(harness, 150, 155, true);
            List<Alert> both = harness.extractOutputValues();
            assertThat(both)
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.opened, AlertState.resolved);
            assertThat(both.get(1).getAlertId()).isEqualTo(silence.getAlertId());
            assertThat(both.get(1).getSummary())
                    .startsWith("all input: mentions again at 02:31 UTC after 30 min of silence");
        }
    }

    @Test
    void ticksTheJobMissedAreNotTheInputsSilence() throws Exception {
        try (var harness = harness()) {
            minutes(harness, 0, 120, true);

            // restored from a savepoint taken a day ago: every tick since fires at once, late
            harness.setProcessingTime(T0.plus(Duration.ofDays(1)).toEpochMilli());
            assertThat(harness.extractOutputValues()).isEmpty();

            // the input goes on, then stops: that silence is news again
            long now = Duration.ofDays(1).toMinutes();
            minutes(harness, now, now + 60, true);
            minutes(harness, now + 60, now + 90, false);
            assertThat(harness.extractOutputValues())
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.opened);
        }
    }

    @Test
    void anInputThatNeverFlowedRaisesNothing() throws Exception {
        try (var harness = harness()) {
            minutes(harness, 0, 120, false);
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.numProcessingTimeTimers()).isZero();
        }
    }
}
