// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.analytics.detect.AlertRules;
import io.hark.analytics.notify.KibanaLinks;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.KeyCount;
import io.hark.schema.MetricScope;
import io.hark.schema.WindowMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DetectSpikesTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);
    private static final Duration ALLOWED_LATENESS = Duration.ofMinutes(10);

    /**
     * How long after a window's end the live job gets to judge it: the watermark's lag, and a
     * little.
     */
    private static final Duration JUDGED_AFTER = OUT_OF_ORDERNESS.plusSeconds(5);

    private final Random random = new Random(3);

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness(
            boolean replay) throws Exception {
        return harness(replay, !replay);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness(
            boolean replay, boolean watchSilences) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new DetectSpikes(
                        MINUTE,
                        replay,
                        watchSilences,
                        new KibanaLinks("http://kibana:5601", "hark-mentions"),
                        AlertRules.defaults(),
                        OUT_OF_ORDERNESS,
                        ALLOWED_LATENESS),
                WindowMetrics::getKey,
                Types.STRING);
    }

    private WindowMetrics window(long minute, long volume, long negative) {
        Instant start = T0.plus(MINUTE.multipliedBy(minute));
        return WindowMetrics.newBuilder()
                .setScope(MetricScope.query)
                .setKey("acme")
                .setGroup("coffee")
                .setWindowStart(start)
                .setWindowEnd(start.plus(MINUTE))
                .setVolume(volume)
                .setUniqueAuthors(volume)
                .setNegative(negative)
                .setNeutral(volume - negative)
                .setPositive(0)
                .setNetSentiment(volume == 0 ? 0 : -(double) negative / volume)
                .setReach(volume * 100)
                .setNegativeReach(negative * 100)
                .setEngagement(volume)
                .setTopTopics(List.of(new KeyCount("coffee", volume, 0L)))
                .setTopTerms(
                        negative > 20
                                ? List.of(
                                        new KeyCount("burnt milk", negative, 0L),
                                        new KeyCount("coffee", negative, 0L))
                                : List.of(new KeyCount("coffee", negative, 0L)))
                .setUpdatedAt(start.plus(MINUTE))
                .build();
    }

    /** A day and a half of ordinary minutes: about 20 mentions, a few negative. */
    private long steady(
            KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness,
            long from,
            long minutes)
            throws Exception {
        for (long minute = from; minute < from + minutes; minute++) {
            send(harness, window(minute, 15 + random.nextInt(11), random.nextInt(4)));
        }
        return from + minutes;
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness,
            WindowMetrics window)
            throws Exception {
        harness.setProcessingTime(window.getWindowEnd().plus(JUDGED_AFTER).toEpochMilli());
        harness.processElement(window, window.getWindowEnd().toEpochMilli() - 1);
        harness.processWatermark(window.getWindowEnd().toEpochMilli());
    }

    /**
     * Minutes {@code from} to {@code to} pass without metrics for the query, while other queries'
     * mentions flow.
     */
    private static void quiet(
            KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness,
            long from,
            long to)
            throws Exception {
        for (long minute = from; minute < to; minute++) {
            Instant end = T0.plus(MINUTE.multipliedBy(minute + 1));
            harness.setProcessingTime(end.plus(JUDGED_AFTER).toEpochMilli());
            harness.processWatermark(end.toEpochMilli());
        }
    }

    private static List<Alert> silences(List<Alert> alerts) {
        return alerts.stream().filter(alert -> alert.getSignal().equals("silence")).toList();
    }

    @Test
    void aBurstOpensOneEpisodeWithItsEvidenceAndSilenceResolvesIt() throws Exception {
        try (var harness = harness(false)) {
            long minute = steady(harness, 0, 36 * 60);
            assertThat(harness.extractOutputValues())
                    .as("no alerts on an ordinary day and a half")
                    .isEmpty();
            for (int i = 0; i < 5; i++) {
                send(harness, window(minute++, 100, 80));
            }
            List<Alert> alerts = harness.extractOutputValues();
            assertThat(alerts).hasSize(1);
            Alert opened = alerts.get(0);
            assertThat(opened.getState()).isEqualTo(AlertState.opened);
            assertThat(opened.getWindowStart()).isEqualTo(T0.plus(MINUTE.multipliedBy(36 * 60)));
            assertThat(opened.getSignal())
                    .isIn("negative_volume", "negative_share", "negative_reach", "volume");
            assertThat(opened.getActual()).isGreaterThan(opened.getUpper());
            assertThat(opened.getOverRepresentedTerms())
                    .extracting(t -> t.getTerm())
                    .containsExactly("burnt milk");
            assertThat(opened.getAlertId())
                    .isEqualTo("acme@" + opened.getWindowStart().toEpochMilli());
            assertThat(opened.getSummary()).startsWith("acme (coffee): ");
            assertThat(opened.getKibanaUrl())
                    .startsWith("http://kibana:5601/app/discover#/?")
                    .contains("acme");

            // the query falls silent: no more metrics, only the watermark moves on
            quiet(harness, minute, minute + 90);
            List<Alert> after =
                    harness.extractOutputValues().stream()
                            .filter(alert -> !alert.getSignal().equals("silence"))
                            .toList();
            assertThat(after.get(after.size() - 1).getState()).isEqualTo(AlertState.resolved);
            assertThat(after).extracting(Alert::getAlertId).containsOnly(opened.getAlertId());
            assertThat(harness.numEventTimeTimers())
                    .as("zero windows stop after the quiet horizon")
                    .isZero();
        }
    }

    @Test
    void aWindowThatLateMentionsKeepWithinItsBandIsNotObservedAgainNorAlerts() throws Exception {
        try (var harness = harness(false)) {
            long minute = steady(harness, 0, 36 * 60);
            WindowMetrics late = window(minute - 5, 30, 4);
            harness.processElement(late, late.getWindowEnd().toEpochMilli() - 1);
            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void aSurgeWhoseMentionsCameLateOpensAnEpisodeOnItsWindowWhenItIsJudgedAgain()
            throws Exception {
        try (var harness = harness(false)) {
            long minute = steady(harness, 0, 36 * 60);
            WindowMetrics late = window(minute - 5, 100, 80);
            harness.processElement(late, late.getWindowEnd().toEpochMilli() - 1);

            List<Alert> alerts = harness.extractOutputValues();
            assertThat(alerts).hasSize(1);
            Alert opened = alerts.get(0);
            assertThat(opened.getState()).isEqualTo(AlertState.opened);
            assertThat(opened.getWindowStart()).isEqualTo(late.getWindowStart());
            assertThat(opened.getEpisodeStart()).isEqualTo(late.getWindowStart());
            assertThat(opened.getActual()).isGreaterThan(opened.getUpper());
            assertThat(opened.getSummary()).endsWith("; judged late, as its mentions came late");

            WindowMetrics later = window(minute - 5, 120, 95);
            harness.processElement(later, later.getWindowEnd().toEpochMilli() - 1);
            assertThat(harness.extractOutputValues()).as("the episode is open").hasSize(1);

            steady(harness, minute, 20);
            List<Alert> after = harness.extractOutputValues();
            assertThat(after).extracting(Alert::getAlertId).containsOnly(opened.getAlertId());
            assertThat(after.get(after.size() - 1).getState()).isEqualTo(AlertState.resolved);
        }
    }

    @Test
    void aBusyQuerysFirstWindowStartedWithinItNeitherSetsItsLevelNorAlertsWhenItFills()
            throws Exception {
        try (var harness = harness(false)) {
            send(harness, window(0, 300, 20));
            for (long minute = 1; minute < 30; minute++) {
                send(harness, window(minute, 950 + random.nextInt(101), 40 + random.nextInt(21)));
            }
            WindowMetrics filledLate = window(0, 1_000, 60);
            harness.processElement(filledLate, filledLate.getWindowEnd().toEpochMilli() - 1);
            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void aWindowPastTheAllowedLatenessIsNotJudgedAgain() throws Exception {
        try (var harness = harness(false)) {
            long minute = steady(harness, 0, 36 * 60);
            WindowMetrics tooLate = window(minute - 30, 100, 80);
            harness.processElement(tooLate, tooLate.getWindowEnd().toEpochMilli() - 1);
            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void replayAlertsAreMarked() throws Exception {
        try (var harness = harness(true)) {
            long minute = steady(harness, 0, 36 * 60);
            send(harness, window(minute, 100, 80));
            assertThat(harness.extractOutputValues())
                    .extracting(Alert::getReplay)
                    .containsExactly(true);
        }
    }

    @Test
    void quietWindowsAreOfTheirQueryWhenTheInputObjectIsReusedForTheNextRecord() throws Exception {
        try (var harness = harness(false)) {
            long minute = steady(harness, 0, 36 * 60);
            WindowMetrics last = null;
            for (int i = 0; i < 5; i++) {
                last = window(minute++, 100, 80);
                send(harness, last);
            }
            // what Flink does with object reuse on: the next record is read into the same object
            last.setKey("tea-house");
            last.setGroup("tea");

            harness.processWatermark(T0.plus(MINUTE.multipliedBy(minute + 90)).toEpochMilli());

            List<Alert> alerts =
                    harness.extractOutputValues().stream()
                            .filter(alert -> !alert.getSignal().equals("silence"))
                            .toList();
            Alert resolved = alerts.get(alerts.size() - 1);
            assertThat(resolved.getState()).isEqualTo(AlertState.resolved);
            assertThat(resolved.getSummary()).startsWith("acme (coffee): ");
        }
    }

    @Test
    void aBoundedRunWhoseInputEndsRaisesNoSilence() throws Exception {
        try (var harness = harness(false, false)) {
            long minute = steady(harness, 0, 3 * 60);
            quiet(harness, minute, minute + 30);

            assertThat(silences(harness.extractOutputValues())).isEmpty();
        }
    }

    @Test
    void aBusyQueryThatFallsSilentWhileTheInputFlowsRaisesOneSilenceUntilItsMentionsReturn()
            throws Exception {
        try (var harness = harness(false)) {
            long minute = steady(harness, 0, 3 * 60);
            quiet(harness, minute, minute + 30);

            List<Alert> opened = silences(harness.extractOutputValues());
            assertThat(opened).hasSize(1);
            Alert silence = opened.get(0);
            Instant since = T0.plus(MINUTE.multipliedBy(minute));
            assertThat(silence.getState()).isEqualTo(AlertState.opened);
            assertThat(silence.getAlertId()).isEqualTo("acme@silence@" + since.toEpochMilli());
            assertThat(silence.getQueryId()).isEqualTo("acme");
            assertThat(silence.getGroup()).isEqualTo("coffee");
            assertThat(silence.getWindowStart()).isEqualTo(since);
            assertThat(silence.getWindowEnd())
                    .as("news after ten quiet minutes")
                    .isEqualTo(since.plus(Duration.ofMinutes(10)));
            assertThat(silence.getExpected())
                    .as("about 20 a minute for ten minutes")
                    .isBetween(150.0, 250.0);
            assertThat(silence.getSummary())
                    .startsWith(
                            "acme (coffee): no mentions for 10 min since 03:00 UTC, expected about ")
                    .endsWith("; is its source still delivering?");
            assertThat(silence.getKibanaUrl()).contains("acme");

            send(harness, window(minute + 30, 20, 2));
            List<Alert> both = silences(harness.extractOutputValues());
            assertThat(both)
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.opened, AlertState.resolved);
            assertThat(both.get(1).getAlertId()).isEqualTo(silence.getAlertId());
            assertThat(both.get(1).getSummary())
                    .isEqualTo(
                            "acme: mentions again at 03:30 UTC after 30 min of silence since 03:00 UTC");
        }
    }

    @Test
    void aStallOfTheWholeInputCountsForNoQuerysSilenceWhenTheInputCatchesUp() throws Exception {
        try (var harness = harness(false)) {
            long minute = steady(harness, 0, 3 * 60);
            // the input stalls for 40 minutes: neither mentions nor the watermark move, only the
            // clock
            harness.setProcessingTime(T0.plus(MINUTE.multipliedBy(minute + 40)).toEpochMilli());
            // then it catches up at once: the quiet windows are judged 40 minutes late
            harness.processWatermark(T0.plus(MINUTE.multipliedBy(minute + 39)).toEpochMilli());
            assertThat(silences(harness.extractOutputValues()))
                    .as("the whole input's silence paged for this")
                    .isEmpty();

            // the input flows again, but not this query's mentions: its silence counts from the
            // catching up
            quiet(harness, minute + 39, minute + 60);
            List<Alert> silences = silences(harness.extractOutputValues());
            assertThat(silences).hasSize(1);
            assertThat(silences.get(0).getWindowStart())
                    .as("silent since the stall began")
                    .isEqualTo(T0.plus(MINUTE.multipliedBy(minute)));
            assertThat(silences.get(0).getWindowEnd())
                    .as("ten minutes judged in time after the stall")
                    .isAfter(T0.plus(MINUTE.multipliedBy(minute + 40)));
        }
    }

    @Test
    void aQueryWithLittleTrafficIsNeverSilent() throws Exception {
        try (var harness = harness(false)) {
            long minute = 0;
            for (int hour = 0; hour < 6; hour++) {
                send(harness, window(minute, 2, 0));
                quiet(harness, minute + 1, minute + 60);
                minute += 60;
            }
            assertThat(silences(harness.extractOutputValues())).isEmpty();
        }
    }

    @Test
    void replaysRaiseNoSilence() throws Exception {
        try (var harness = harness(true)) {
            long minute = steady(harness, 0, 3 * 60);
            quiet(harness, minute, minute + 30);
            assertThat(silences(harness.extractOutputValues())).isEmpty();
        }
    }
}
