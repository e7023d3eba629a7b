// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.metrics.MetricsOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The local mode (both jobs in one Flink job, embedded Kafka and Elasticsearch) under the sample
 * stream at a steady rate for a while, sampling what should level off if nothing leaks and state
 * expires: this JVM's live heap (after a full collection), its threads and open files, the size of
 * the job's last checkpoint; and what shows whether the rate is sustainable: how far each job's
 * committed offsets lag behind its input (they move on checkpoints, every 10 s).
 */
final class Soak {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Soak() {}

    /** One sample of everything printed. */
    private record Sample(
            Duration at,
            long sent,
            long indexed,
            long inputLag,
            long enrichedLag,
            long liveHeapMb,
            int threads,
            long openFiles,
            long stateKb) {
        String line() {
            return String.format(
                    "%02d:%02d %9d %9d %9d %12d %10d %8d %10d %9d",
                    at.toMinutes(),
                    at.toSecondsPart(),
                    sent,
                    indexed,
                    inputLag,
                    enrichedLag,
                    liveHeapMb,
                    threads,
                    openFiles,
                    stateKb);
        }
    }

    /**
     * @param stateTtl how long the listen job remembers deliveries, originals' NLP and copy-paste
     *     texts, or null for its defaults
     */
    static void run(
            PrintStream out, double rate, Duration length, Duration every, Duration stateTtl)
            throws Exception {
        out.printf(
                "hark bench soak: the local mode at %.0f mentions/s for %d min, a sample every %d s, state kept %s%n",
                rate,
                length.toMinutes(),
                every.toSeconds(),
                stateTtl == null ? "as the jobs' defaults say" : "for " + stateTtl);
        Sample first;
        Sample last;
        try (LocalStack stack = LocalStack.start();
                LocalFlink flink = LocalFlink.withWebUi(8081, LocalJobs.PARALLELISM)) {
            LocalJobs jobs =
                    new LocalJobs(stack, CommandFiles.sampleQueries(), false, null, stateTtl);
            ListenOptions listen = jobs.listen(false);
            MetricsOptions metrics = jobs.metrics(false);
            JobClient job = jobs.startLive(flink);
            AtomicLong sent = new AtomicLong();
            Instant start = Instant.now();
            Thread feeder = SampleStream.startFeeding(listen, rate, 0, List.of(), sent::set);
            out.println(
                    "time       sent   indexed input-lag enriched-lag live-heap-MB threads open-files  state-KB");
            try (Admin admin = Admin.create(listen.kafka().properties())) {
                Instant next = start.plus(every);
                first = null;
                do {
                    Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
                    next = next.plus(every);
                    last =
                            new Sample(
                                    Duration.between(start, Instant.now()),
                                    sent.get(),
                                    IndexCounts.count(
                                            listen.elasticsearch(),
                                            listen.indices().mentionsAlias()),
                                    lag(admin, listen.groupId(), listen.inputTopic()),
                                    lag(admin, metrics.groupId(), metrics.enrichedTopic()),
                                    liveHeapMb(),
                                    ManagementFactory.getThreadMXBean().getThreadCount(),
                                    openFiles(),
                                    lastCheckpointBytes(flink, job) / 1024);
                    out.println(last.line());
                    first = first == null ? last : first;
                } while (Instant.now().isBefore(start.plus(length)));
            } finally {
                feeder.interrupt();
                job.cancel().get();
            }
        }
        out.printf(
                "from the first sample to the last: live heap %+d MB, threads %+d, open files %+d, checkpoint %+d KB,"
                        + " input lag %+d%n",
                last.liveHeapMb() - first.liveHeapMb(),
                last.threads() - first.threads(),
                last.openFiles() - first.openFiles(),
                last.stateKb() - first.stateKb(),
                last.inputLag() - first.inputLag());
        // the longest-lived state, the ids of recent deliveries, expires after
        // --remember-deliveries (48 h): until then the
        // checkpoint grows with the mentions seen, so its size per mention is what tells the size
        // it levels off at
        out.printf(
                "checkpoint: %.0f bytes per mention sent%n",
                last.sent() == 0 ? 0.0 : last.stateKb() * 1024.0 / last.sent());
    }

    /** Records in {@code topic} beyond the group's committed offsets. */
    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest =
                admin
                        .describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions()
                        .stream()
                        .collect(
                                Collectors.toMap(
                                        partition ->
                                                new TopicPartition(topic, partition.partition()),
                                        partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .mapToLong(
                        end ->
                                end.getValue().offset()
                                        - (committed.containsKey(end.getKey())
                                                ? committed.get(end.getKey()).offset()
                                                : 0))
                .sum();
    }

    /** Heap in use after a full collection: what is really held, which is what must level off. */
    private static long liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static long openFiles() {
        return ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount()
                : -1;
    }

    /**
     * The full size of the job's latest completed checkpoint, from Flink's REST API; 0 before the
     * first.
     */
    private static long lastCheckpointBytes(LocalFlink flink, JobClient job) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                flink.webUiUrl()
                                                        + "/jobs/"
                                                        + job.getJobID()
                                                        + "/checkpoints"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode completed = JSON.readTree(response.body()).path("latest").path("completed");
        return completed.path("state_size").asLong(0);
    }
}
