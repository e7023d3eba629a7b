// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.report.ReportPeriod;
import io.hark.report.ReportSchedule;
import io.hark.schema.DeadLetter;
import io.hark.schema.MetricScope;
import io.hark.schema.WindowMetrics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class WriteBrandReportsTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration LATENESS = Duration.ofMinutes(10);
    private static final Duration RETRY = Duration.ofMinutes(5);
    private static final Instant DAY1 = Instant.parse("2026-12-05T00:00:00Z");
    private static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
    private static final Instant DAY3 = DAY2.plus(Duration.ofDays(1));
    private static final Instant DAY4 = DAY3.plus(Duration.ofDays(1));

    /** What each test's publisher was asked, by test: harnesses may copy the function. */
    private static final Map<String, List<String>> PUBLISHED = new ConcurrentHashMap<>();

    /** Records each period it is asked for; fails while {@link #FAILING} holds its name. */
    private record RecordingPublisher(String name) implements ReportPublisher {
        @Override
        public List<DeadLetter> publish(ReportPeriod period, Instant latestWindowEnd)
                throws IOException {
            if (FAILING.contains(name)) {
                throw new IOException("Elasticsearch is down");
            }
            PUBLISHED
                    .computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>()))
                    .add(period.from() + "/" + period.to() + " last window " + latestWindowEnd);
            return List.of(
                    DeadLetter.newBuilder()
                            .setPayloadText("announcement of " + period.from())
                            .setStage("report")
                            .setReason("not_announced")
                            .setDetail("test")
                            .setFailedAt(Instant.EPOCH)
                            .build());
        }
    }

    private static final List<String> FAILING = Collections.synchronizedList(new ArrayList<>());

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, DeadLetter>
            harness(String name, List<String> groups, OperatorSubtaskState restored)
                    throws Exception {
        return harness(name, Duration.ofDays(1), groups, restored);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, DeadLetter>
            harness(String name, Duration every, List<String> groups, OperatorSubtaskState restored)
                    throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new WriteBrandReports(
                                        new ReportSchedule(every),
                                        groups,
                                        LATENESS,
                                        RETRY,
                                        new RecordingPublisher(name))),
                        WriteBrandReports.ONE_KEY,
                        Types.STRING);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, DeadLetter>
            harness(String name) throws Exception {
        return harness(name, List.of(), null);
    }

    private static List<String> published(String name) {
        return List.copyOf(PUBLISHED.getOrDefault(name, List.of()));
    }

    private static WindowMetrics window(
            MetricScope scope, String key, String group, Instant start) {
        return WindowMetrics.newBuilder()
                .setScope(scope)
                .setKey(key)
                .setGroup(group)
                .setWindowStart(start)
                .setWindowEnd(start.plus(MINUTE))
                .setVolume(3)
                .setUniqueAuthors(3)
                .setNegative(1)
                .setNeutral(1)
                .setPositive(1)
                .setNetSentiment(0)
                .setReach(3)
                .setNegativeReach(1)
                .setEngagement(3)
                .setUpdatedAt(start.plus(MINUTE))
                .build();
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, DeadLetter> harness,
            Instant start)
            throws Exception {
        harness.processElement(
                window(MetricScope.query, "acme", "coffee", start),
                start.plus(MINUTE).toEpochMilli() - 1);
    }

    private static void watermark(
            KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, DeadLetter> harness,
            Instant at)
            throws Exception {
        harness.processWatermark(at.toEpochMilli());
    }

    private static String day1(Instant lastWindowEnd) {
        return DAY1 + "/" + DAY2 + " last window " + lastWindowEnd;
    }

    @Test
    void noReportBeforeEventTimePassesThePeriodsEndPlusTheLateness() throws Exception {
        String name = "before-end";
        try (var harness = harness(name)) {
            send(harness, DAY1.plus(Duration.ofHours(9)));
            send(harness, DAY2.minus(MINUTE));
            watermark(harness, DAY2);
            watermark(harness, DAY2.plus(LATENESS).minusMillis(1));
            assertThat(published(name)).isEmpty();

            watermark(harness, DAY2.plus(LATENESS));
            assertThat(published(name)).containsExactly(day1(DAY2));
            assertThat(harness.extractOutputValues())
                    .extracting(DeadLetter::getPayloadText)
                    .containsExactly("announcement of " + DAY1);
        }
    }

    @Test
    void exactlyOneReportPerPeriodWhateverTheWindowsAndWatermarks() throws Exception {
        String name = "once";
        try (var harness = harness(name)) {
            for (int hour = 0; hour < 24; hour++) {
                send(harness, DAY1.plus(Duration.ofHours(hour)));
                watermark(harness, DAY1.plus(Duration.ofHours(hour)).plus(MINUTE));
            }
            for (int hour = 0; hour < 24; hour++) {
                send(harness, DAY2.plus(Duration.ofHours(hour)));
                watermark(harness, DAY2.plus(Duration.ofHours(hour)).plus(MINUTE));
            }
            watermark(harness, DAY3.plus(Duration.ofHours(1)));
            watermark(harness, DAY3.plus(Duration.ofHours(2)));

            assertThat(published(name))
                    .containsExactly(
                            day1(DAY1.plus(Duration.ofHours(23)).plus(MINUTE)),
                            DAY2
                                    + "/"
                                    + DAY3
                                    + " last window "
                                    + DAY2.plus(Duration.ofHours(23)).plus(MINUTE));
        }
    }

    @Test
    void periodsWithoutWindowsGetNoReportAndAJumpReportsTheOthersInOrder() throws Exception {
        String name = "gaps";
        try (var harness = harness(name)) {
            send(harness, DAY3.plus(Duration.ofHours(5)));
            send(harness, DAY1.plus(Duration.ofHours(5)));
            // day 2 has no window; the watermark then jumps over all three days at once
            watermark(harness, DAY4.plus(Duration.ofHours(1)));

            assertThat(published(name))
                    .containsExactly(
                            day1(DAY1.plus(Duration.ofHours(5)).plus(MINUTE)),
                            DAY3
                                    + "/"
                                    + DAY4
                                    + " last window "
                                    + DAY3.plus(Duration.ofHours(5)).plus(MINUTE));
        }
    }

    @Test
    void onlyTheReportedGroupsQueryWindowsCount() throws Exception {
        String name = "groups";
        try (var harness = harness(name, List.of("airlines"), null)) {
            send(harness, DAY1.plus(Duration.ofHours(5)));
            harness.processElement(
                    window(MetricScope.group, "airlines", null, DAY2.plus(Duration.ofHours(5))), 0);
            harness.processElement(
                    window(
                            MetricScope.query,
                            "bluejet",
                            "airlines",
                            DAY3.plus(Duration.ofHours(7))),
                    0);
            watermark(harness, DAY4.plus(Duration.ofHours(1)));

            assertThat(published(name))
                    .containsExactly(
                            DAY3
                                    + "/"
                                    + DAY4
                                    + " last window "
                                    + DAY3.plus(Duration.ofHours(7)).plus(MINUTE));
        }
    }

    @Test
    void aRestoredSnapshotDoesNotWriteAReportAgainButWritesThePendingOne() throws Exception {
        String name = "restore";
        OperatorSubtaskState snapshot;
        try (var harness = harness(name)) {
            send(harness, DAY1.plus(Duration.ofHours(5)));
            send(harness, DAY2.plus(Duration.ofHours(5)));
            watermark(harness, DAY2.plus(Duration.ofHours(1)));
            assertThat(published(name)).hasSize(1);
            snapshot = harness.snapshot(1, 1);
        }
        try (var restored = harness(name, List.of(), snapshot)) {
            watermark(restored, DAY3.plus(Duration.ofHours(1)));
            assertThat(published(name))
                    .containsExactly(
                            day1(DAY1.plus(Duration.ofHours(5)).plus(MINUTE)),
                            DAY2
                                    + "/"
                                    + DAY3
                                    + " last window "
                                    + DAY2.plus(Duration.ofHours(5)).plus(MINUTE));
        }
    }

    @Test
    void restoredWithAnotherScheduleTheOldPeriodsAreNotMisread() throws Exception {
        String name = "rescheduled";
        OperatorSubtaskState snapshot;
        try (var harness = harness(name)) {
            send(harness, DAY1.plus(Duration.ofHours(5)));
            snapshot = harness.snapshot(1, 1);
        }
        try (var restored = harness(name, Duration.ofHours(12), List.of(), snapshot)) {
            send(restored, DAY2.plus(Duration.ofHours(13)));
            watermark(restored, DAY3.plus(Duration.ofHours(1)));
            assertThat(published(name))
                    .containsExactly(
                            DAY2.plus(Duration.ofHours(12))
                                    + "/"
                                    + DAY3
                                    + " last window "
                                    + DAY2.plus(Duration.ofHours(13)).plus(MINUTE));
        }
    }

    @Test
    void aFailedReportIsTriedAgainLaterAndTheJobGoesOn() throws Exception {
        String name = "failing";
        FAILING.add(name);
        try (var harness = harness(name)) {
            harness.setProcessingTime(0);
            send(harness, DAY1.plus(Duration.ofHours(5)));
            watermark(harness, DAY2.plus(Duration.ofHours(1)));
            assertThat(published(name)).isEmpty();

            FAILING.remove(name);
            harness.setProcessingTime(RETRY.toMillis() - 1);
            assertThat(published(name)).isEmpty();
            harness.setProcessingTime(RETRY.toMillis());
            assertThat(published(name))
                    .containsExactly(day1(DAY1.plus(Duration.ofHours(5)).plus(MINUTE)));
            harness.setProcessingTime(3 * RETRY.toMillis());
            assertThat(published(name)).hasSize(1);
        } finally {
            FAILING.remove(name);
        }
    }

    @Test
    void aFailedReportIsTriedAgainWhenTheNextIsDue() throws Exception {
        String name = "next";
        FAILING.add(name);
        try (var harness = harness(name)) {
            send(harness, DAY1.plus(Duration.ofHours(5)));
            send(harness, DAY2.plus(Duration.ofHours(5)));
            watermark(harness, DAY2.plus(Duration.ofHours(1)));
            FAILING.remove(name);
            watermark(harness, DAY3.plus(Duration.ofHours(1)));

            assertThat(published(name)).hasSize(2);
            assertThat(published(name).get(0)).startsWith(DAY1 + "/" + DAY2);
        } finally {
            FAILING.remove(name);
        }
    }

    @Test
    void theEndOfABoundedInputReportsOnlyThePeriodsItWentPast() throws Exception {
        String name = "bounded";
        try (var harness = harness(name)) {
            send(harness, DAY1.plus(Duration.ofHours(5)));
            send(harness, DAY2.plus(Duration.ofHours(5)));
            send(harness, DAY3.plus(Duration.ofHours(2)));
            harness.processWatermark(Long.MAX_VALUE);

            assertThat(published(name))
                    .containsExactly(
                            day1(DAY1.plus(Duration.ofHours(5)).plus(MINUTE)),
                            DAY2
                                    + "/"
                                    + DAY3
                                    + " last window "
                                    + DAY2.plus(Duration.ofHours(5)).plus(MINUTE));
        }
    }
}
