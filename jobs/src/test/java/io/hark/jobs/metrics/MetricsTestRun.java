// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.embedded.SharedServers;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.queries.QueryCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A metrics-job test's own namespace on the shared servers: its enriched, alert, dead-letter and
 * query topics and its consumer group are named after the run, so tests running against the same
 * servers never read each other's records.
 */
public final class MetricsTestRun {
    private MetricsTestRun() {}

    /** Creates the run's topics and publishes the {@link BrandStream}'s queries on them. */
    public static KafkaConnection createTopics(String run) {
        KafkaConnection kafka = KafkaConnection.of(SharedServers.kafka().bootstrapServers());
        SharedServers.kafka()
                .createTopics(
                        Map.of(run + ".enriched", 2, run + ".alerts", 1, run + ".dead-letters", 1));
        QueryCatalog.ensureTopics(kafka, run + ".queries", run + ".status");
        QueryCatalog.sync(kafka, run + ".queries", BrandStream.queries());
        return kafka;
    }

    /**
     * The metrics job's arguments for the run, reading its topics from the start and indexing under
     * {@code indexPrefix}, then {@code more}.
     */
    public static List<String> arguments(String run, String indexPrefix, String... more) {
        List<String> arguments =
                new ArrayList<>(
                        List.of(
                                "--bootstrap",
                                SharedServers.kafka().bootstrapServers(),
                                "--es",
                                SharedServers.elasticsearch().httpUrl(),
                                "--index-prefix",
                                indexPrefix,
                                "--enriched-topic",
                                run + ".enriched",
                                "--alert-topic",
                                run + ".alerts",
                                "--dead-letter-topic",
                                run + ".dead-letters",
                                "--query-topic",
                                run + ".queries",
                                "--group-id",
                                run,
                                "--starting-offsets",
                                "earliest"));
        arguments.addAll(List.of(more));
        return arguments;
    }
}
