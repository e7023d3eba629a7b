// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.embedded.EmbeddedKafka;
import io.hark.embedded.SharedServers;
import io.hark.jobs.TestMentions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A listen-job test's own namespace on the servers: its input, enriched, dead-letter, query and
 * query-status topics, its consumer group and its index prefix are named after the run, so tests
 * running against the same servers never read each other's records.
 */
public final class ListenTestRun {
    private ListenTestRun() {}

    /**
     * Creates the run's input (4 partitions), enriched (2) and dead-letter topics on the broker.
     */
    public static void createTopics(EmbeddedKafka kafka, String run) {
        kafka.createTopics(
                Map.of(run + ".mentions", 4, run + ".enriched", 2, run + ".dead-letters", 1));
    }

    /** {@link #createTopics(EmbeddedKafka, String)} on the shared broker. */
    public static void createTopics(String run) {
        createTopics(SharedServers.kafka(), run);
    }

    /**
     * The listen job's arguments for the run on the shared servers, reading its topics from the
     * start, then {@code more} (an option given again there wins).
     */
    public static List<String> arguments(String run, String... more) {
        return arguments(SharedServers.kafka(), run, more);
    }

    /** {@link #arguments(String, String...)} with the run's topics on {@code kafka}. */
    public static List<String> arguments(EmbeddedKafka kafka, String run, String... more) {
        List<String> arguments =
                new ArrayList<>(
                        List.of(
                                "--bootstrap",
                                kafka.bootstrapServers(),
                                "--es",
                                SharedServers.elasticsearch().httpUrl(),
                                "--input-topic",
                                run + ".mentions",
                                "--enriched-topic",
                                run + ".enriched",
                                "--dead-letter-topic",
                                run + ".dead-letters",
                                "--query-topic",
                                run + ".queries",
                                "--query-status-topic",
                                run + ".status",
                                "--group-id",
                                run,
                                "--index-prefix",
                                run,
                                "--starting-offsets",
                                "earliest"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** {@link TestMentions#QUERIES} in a file in {@code dir}, for {@code --queries}. */
    public static String queriesFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("queries.yaml"), TestMentions.QUERIES).toString();
    }
}
