// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hark.cli.sample.SampleVocabulary;
import io.hark.jobs.listen.ListenOptions;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.core.execution.JobClient;

/**
 * How long after a window closes its alert reaches a notifier, end to end as the local mode runs:
 * the sample stream at its rate into embedded Kafka, the listen job (NLP), the enriched topic, the
 * metrics job (windows, detection), and a webhook on 127.0.0.1 that notes when each request
 * arrives. Crises are staged one brand after another; each opened alert is one measurement, from
 * the end of its window (the last mention of a window comes at most one inter-arrival gap before
 * it, tens of milliseconds for a brand in crisis) to the webhook's request.
 */
final class AlertLatency {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertLatency() {}

  static void run(PrintStream out, int crises, Duration warmUp, Duration spacing, double rate) throws Exception {
    Map<String, Long> openedArrivals = new ConcurrentHashMap<>();
    Map<String, Instant> openedWindowEnds = new ConcurrentHashMap<>();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/alerts", exchange -> {
      long arrived = System.currentTimeMillis();
      JsonNode alert = JSON.readTree(exchange.getRequestBody());
      if (alert.path("state").asText().equals("opened")) {
        openedArrivals.put(alert.path("alert_id").asText(), arrived);
        openedWindowEnds.put(alert.path("alert_id").asText(), Instant.parse(alert.path("window_end").asText()));
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    webhook.start();
    Path notifiers = Files.createTempFile("hark-bench-alert", ".yaml");
    Files.writeString(notifiers, """
        groups:
          "*":
            - type: webhook
              url: http://127.0.0.1:%d/alerts
        """.formatted(webhook.getAddress().getPort()));
    out.printf("hark bench alert: the local mode at %.0f mentions/s, %d staged crises %ds apart after %ds of warm-up%n",
        rate, crises, spacing.toSeconds(), warmUp.toSeconds());
    try (LocalStack stack = LocalStack.start()) {
      LocalJobs jobs = new LocalJobs(stack, CommandFiles.sampleQueries(), false, notifiers, null);
      ListenOptions listen = jobs.listen(false);
      JobClient job = jobs.startLive(LocalFlink.withWebUi(8081, LocalJobs.PARALLELISM));
      Instant start = Instant.now();
      List<SampleStream.Crisis> staged = new ArrayList<>();
      for (int i = 0; i < crises; i++) {
        String brand = SampleVocabulary.BRANDS.get(i % SampleVocabulary.BRANDS.size()).name();
        staged.add(new SampleStream.Crisis(start.plus(warmUp).plus(spacing.multipliedBy(i)), brand,
            spacing.minusSeconds(20), 5));
      }
      Thread feeder = SampleStream.startFeeding(listen, rate, staged, sent -> { });
      Instant deadline = start.plus(warmUp).plus(spacing.multipliedBy(crises)).plus(Duration.ofMinutes(2));
      try (Progress progress = Progress.start("alerts   ", crises)) {
        while (openedArrivals.size() < crises && Instant.now().isBefore(deadline)) {
          Thread.sleep(1_000);
          progress.stepTo(openedArrivals.size());
        }
      } finally {
        feeder.interrupt();
        job.cancel().get();
        webhook.stop(0);
        Files.deleteIfExists(notifiers);
      }
    }
    List<Long> latencies = new ArrayList<>();
    openedArrivals.forEach((id, arrived) -> {
      long millis = arrived - openedWindowEnds.get(id).toEpochMilli();
      latencies.add(millis);
      out.printf("  %s: opened %d ms after its window closed%n", id, millis);
    });
    if (latencies.isEmpty()) {
      out.println("no alert opened: nothing to measure (see target/logs/hark-bench.log)");
      return;
    }
    latencies.sort(null);
    out.printf("%d of %d staged crises alerted; latency from window end to the webhook request: p50 %d ms, p99 %d ms,"
            + " max %d ms (target: 5000 ms)%n", latencies.size(), crises, percentile(latencies, 0.50),
        percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
  }

  /** The nearest-rank percentile. */
  private static long percentile(List<Long> sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
