// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The job jar on a real multi-process cluster, as a team runs it, while a TaskManager, the Kafka
 * broker leading the input and an Elasticsearch node are killed with {@code kill -9} under a
 * flowing stream with a crisis: nothing lost or indexed twice, exact window counts, the crisis
 * alert opened once, dead letters for the bad records only, both jobs still running. A short run of
 * {@code hark bench chaos}, which prints the recovery times; this test bounds them only by its
 * patience.
 */
class ClusterChaosITCase {
    private static final Path JOBS_JAR = Path.of("../jobs/target/hark-jobs.jar");

    @Test
    void nothingIsLostOrCountedTwiceWhenProcessesOfEveryClusterAreKilled() throws Exception {
        assertThat(JOBS_JAR).as("built by mvn package before the ITCases").exists();
        ClusterChaos.Result result =
                ClusterChaos.run(
                        JOBS_JAR,
                        Path.of("../examples/queries.yaml").toAbsolutePath().normalize(),
                        new ClusterChaos.Settings(
                                20,
                                Duration.ofMinutes(4),
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(45),
                                Duration.ofMinutes(2),
                                100),
                        System.out);
        System.out.println(result.json());

        assertThat(result.lost()).as("valid mentions sent but not indexed").isZero();
        assertThat(result.duplicated()).as("documents beyond one per valid mention").isZero();
        assertThat(result.indexed()).isEqualTo(result.valid()).isGreaterThan(1_000);
        assertThat(result.windowCountsExact()).as("every window's count").isTrue();
        assertThat(result.crisisOpenings())
                .as("the crisis alert opened once; %s", result.crisisAccount())
                .isEqualTo(1);
        assertThat(result.deadLetters())
                .as("a dead letter for each bad record, and for nothing else")
                .isEqualTo(result.expectedDeadLetters())
                .isPositive();
        assertThat(result.jobStates()).containsOnly("RUNNING");
    }
}
