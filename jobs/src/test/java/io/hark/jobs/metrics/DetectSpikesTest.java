// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.analytics.detect.AlertRules;
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

  private final Random random = new Random(3);

  private static KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness(boolean replay)
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new DetectSpikes(MINUTE, replay, new KibanaLinks("http://kibana:5601", "hark-mentions"), AlertRules.defaults()),
        WindowMetrics::getKey, Types.STRING);
  }

  private WindowMetrics window(long minute, long volume, long negative) {
    Instant start = T0.plus(MINUTE.multipliedBy(minute));
    return WindowMetrics.newBuilder()
        .setScope(MetricScope.query).setKey("acme").setGroup("coffee")
        .setWindowStart(start).setWindowEnd(start.plus(MINUTE))
        .setVolume(volume).setUniqueAuthors(volume).setNegative(negative).setNeutral(volume - negative).setPositive(0)
        .setNetSentiment(volume == 0 ? 0 : -(double) negative / volume)
        .setReach(volume * 100).setNegativeReach(negative * 100).setEngagement(volume)
        .setTopTopics(List.of(new KeyCount("coffee", volume, 0L)))
        .setTopTerms(negative > 20 ? List.of(new KeyCount("burnt milk", negative, 0L), new KeyCount("coffee", negative, 0L))
            : List.of(new KeyCount("coffee", negative, 0L)))
        .setUpdatedAt(start.plus(MINUTE))
        .build();
  }

  /** A day and a half of ordinary minutes: about 20 mentions, a few negative. */
  private long steady(KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness, long from, long minutes)
      throws Exception {
    for (long minute = from; minute < from + minutes; minute++) {
      send(harness, window(minute, 15 + random.nextInt(11), random.nextInt(4)));
    }
    return from + minutes;
  }

  private static void send(KeyedOneInputStreamOperatorTestHarness<String, WindowMetrics, Alert> harness,
      WindowMetrics window) throws Exception {
    harness.processElement(window, window.getWindowEnd().toEpochMilli() - 1);
    harness.processWatermark(window.getWindowEnd().toEpochMilli());
  }

  @Test
  void aBurstOpensOneEpisodeWithItsEvidenceAndSilenceResolvesIt() throws Exception {
    try (var harness = harness(false)) {
      long minute = steady(harness, 0, 36 * 60);
      assertThat(harness.extractOutputValues()).as("no alerts on an ordinary day and a half").isEmpty();
      for (int i = 0; i < 5; i++) {
        send(harness, window(minute++, 100, 80));
      }
      List<Alert> alerts = harness.extractOutputValues();
      assertThat(alerts).hasSize(1);
      Alert opened = alerts.get(0);
      assertThat(opened.getState()).isEqualTo(AlertState.opened);
      assertThat(opened.getWindowStart()).isEqualTo(T0.plus(MINUTE.multipliedBy(36 * 60)));
      assertThat(opened.getSignal()).isIn("negative_volume", "negative_share", "negative_reach", "volume");
      assertThat(opened.getActual()).isGreaterThan(opened.getUpper());
      assertThat(opened.getOverRepresentedTerms()).extracting(t -> t.getTerm()).containsExactly("burnt milk");
      assertThat(opened.getAlertId()).isEqualTo("acme@" + opened.getWindowStart().toEpochMilli());
      assertThat(opened.getSummary()).startsWith("acme (coffee): ");
      assertThat(opened.getKibanaUrl()).startsWith("http://kibana:5601/app/discover#/?").contains("acme");

      // the query falls silent: no more metrics, only the watermark moves on
      harness.processWatermark(T0.plus(MINUTE.multipliedBy(minute + 90)).toEpochMilli());
      List<Alert> after = harness.extractOutputValues();
      assertThat(after.get(after.size() - 1).getState()).isEqualTo(AlertState.resolved);
      assertThat(after).extracting(Alert::getAlertId).containsOnly(opened.getAlertId());
      assertThat(harness.numEventTimeTimers()).as("zero windows stop after the silence horizon").isZero();
    }
  }

  @Test
  void aWindowReEmittedForALateMentionIsNotObservedTwice() throws Exception {
    try (var harness = harness(false)) {
      long minute = steady(harness, 0, 36 * 60);
      WindowMetrics late = window(minute - 5, 100, 80);
      harness.processElement(late, late.getWindowEnd().toEpochMilli() - 1);
      assertThat(harness.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void replayAlertsAreMarked() throws Exception {
    try (var harness = harness(true)) {
      long minute = steady(harness, 0, 36 * 60);
      send(harness, window(minute, 100, 80));
      assertThat(harness.extractOutputValues()).extracting(Alert::getReplay).containsExactly(true);
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

      List<Alert> alerts = harness.extractOutputValues();
      Alert resolved = alerts.get(alerts.size() - 1);
      assertThat(resolved.getState()).isEqualTo(AlertState.resolved);
      assertThat(resolved.getSummary()).startsWith("acme (coffee): ");
    }
  }
}
