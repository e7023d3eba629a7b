// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hark.cli.sample.SampleVocabulary;
import io.hark.jobs.listen.ListenOptions;
import io.hark.queries.QueryFile;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.core.execution.JobClient;

/**
 * How long after a window closes its alert reaches a notifier, end to end as the local mode runs:
 * the sample stream at its rate into embedded Kafka, the listen job (NLP), the enriched topic, the
 * metrics job (windows, detection), and a webhook on 127.0.0.1 that notes when each request
 * arrives. Crises are staged one brand after another; each is one measurement, the first alert of
 * the brand's own query after the crisis began (an airline's crisis also opens alerts of the
 * airline-disruption query, which are not counted), from the end of its window (the last mention of
 * a window comes at most one inter-arrival gap before it, tens of milliseconds for a brand in
 * crisis) to the webhook's request.
 */
final class AlertLatency {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertLatency() {}

    /** An alert that opened, as the webhook received it. */
    private record Opened(String queryId, Instant windowEnd, long arrivedMillis) {}

    /**
     * Below this many measurements a 99th percentile is just the maximum (nearest rank), and is
     * called that.
     */
    private static final int SAMPLES_FOR_P99 = 100;

    static void run(PrintStream out, int crises, Duration warmUp, Duration spacing, double rate)
            throws Exception {
        List<Opened> opened = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext(
                "/alerts",
                exchange -> {
                    long arrived = System.currentTimeMillis();
                    JsonNode alert = JSON.readTree(exchange.getRequestBody());
                    if (alert.path("state").asText().equals("opened")) {
                        opened.add(
                                new Opened(
                                        alert.path("query_id").asText(),
                                        Instant.parse(alert.path("window_end").asText()),
                                        arrived));
                    }
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        webhook.start();
        Path notifiers = Files.createTempFile("hark-bench-alert", ".yaml");
        Files.writeString(
                notifiers,
                """
        groups:
          "*":
            - type: webhook
              url: http://127.0.0.1:%d/alerts
        """
                        .formatted(webhook.getAddress().getPort()));
        out.printf(
                "hark bench alert: the local mode at %.0f mentions/s, %d staged crises %ds apart after %ds of warm-up%n",
                rate, crises, spacing.toSeconds(), warmUp.toSeconds());
        Map<String, String> queryOfBrand = new HashMap<>();
        QueryFile.load(CommandFiles.sampleQueries())
                .forEach(query -> queryOfBrand.put(query.name(), query.id()));
        List<SampleStream.Crisis> staged = new ArrayList<>();
        try (LocalStack stack = LocalStack.start();
                LocalFlink flink = LocalFlink.withWebUi(8081, LocalJobs.PARALLELISM)) {
            LocalJobs jobs =
                    new LocalJobs(stack, CommandFiles.sampleQueries(), false, notifiers, null);
            ListenOptions listen = jobs.listen(false);
            JobClient job = jobs.startLive(flink);
            Instant start = Instant.now();
            for (int i = 0; i < crises; i++) {
                String brand =
                        SampleVocabulary.BRANDS.get(i % SampleVocabulary.BRANDS.size()).name();
                staged.add(
                        new SampleStream.Crisis(
                                start.plus(warmUp).plus(spacing.multipliedBy(i)),
                                brand,
                                spacing.minusSeconds(20),
                                5));
            }
            Thread feeder = SampleStream.startFeeding(listen, rate, 0, staged, sent -> {});
            Instant deadline =
                    start.plus(warmUp)
                            .plus(spacing.multipliedBy(crises))
                            .plus(Duration.ofMinutes(2));
            try (Progress progress = Progress.start("alerts   ", crises)) {
                long caught = 0;
                while (caught < crises && Instant.now().isBefore(deadline)) {
                    Thread.sleep(1_000);
                    caught =
                            staged.stream()
                                    .filter(
                                            crisis ->
                                                    firstAlert(crisis, queryOfBrand, opened)
                                                            != null)
                                    .count();
                    progress.stepTo(caught);
                }
            } finally {
                feeder.interrupt();
                job.cancel().get();
                webhook.stop(0);
                Files.deleteIfExists(notifiers);
            }
        }
        List<Long> latencies = new ArrayList<>();
        List<Opened> counted = new ArrayList<>();
        for (SampleStream.Crisis crisis : staged) {
            Opened first = firstAlert(crisis, queryOfBrand, opened);
            if (first == null) {
                out.printf("  %s (from %s): no alert of its query%n", crisis.brand(), crisis.at());
                continue;
            }
            counted.add(first);
            long millis = first.arrivedMillis() - first.windowEnd().toEpochMilli();
            latencies.add(millis);
            out.printf(
                    "  %s (from %s): its query %s alerted %.1f s into the crisis, %d ms after the window closed%n",
                    crisis.brand(),
                    crisis.at(),
                    first.queryId(),
                    (first.arrivedMillis() - crisis.at().toEpochMilli()) / 1000.0,
                    millis);
        }
        long others = opened.stream().filter(alert -> !counted.contains(alert)).count();
        out.printf("other alerts opened meanwhile, not counted: %d%n", others);
        if (latencies.isEmpty()) {
            out.println(
                    "no staged crisis alerted: nothing to measure (see target/logs/hark-bench.log)");
            return;
        }
        latencies.sort(null);
        long max = latencies.get(latencies.size() - 1);
        String tail =
                latencies.size() >= SAMPLES_FOR_P99
                        ? String.format("p99 %d ms, max %d ms", percentile(latencies, 0.99), max)
                        : String.format(
                                "max %d ms (%d samples are too few for a p99)",
                                max, latencies.size());
        out.printf(
                "%d of %d staged crises alerted on their own query; latency from window end to the webhook request:"
                        + " p50 %d ms, %s (target: 5000 ms)%n",
                latencies.size(), crises, percentile(latencies, 0.50), tail);
    }

    /** The first alert of the crisis brand's own query whose window ends after the crisis began. */
    private static Opened firstAlert(
            SampleStream.Crisis crisis, Map<String, String> queryOfBrand, List<Opened> opened) {
        String query = queryOfBrand.get(crisis.brand());
        return opened.stream()
                .filter(
                        alert ->
                                alert.queryId().equals(query)
                                        && alert.windowEnd().isAfter(crisis.at()))
                .min(Comparator.comparingLong(Opened::arrivedMillis))
                .orElse(null);
    }

    /** The nearest-rank percentile. */
    private static long percentile(List<Long> sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
