// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalCommandTest {
    @Test
    void crisisAfterZeroStagesNoCrisis() {
        LocalCommand local = new LocalCommand();
        new CommandLine(local).parseArgs("--crisis-after", "0");
        assertThat(local.sample.crises()).isEmpty();

        new CommandLine(local).parseArgs();
        Instant now = Instant.now();
        assertThat(local.sample.crises())
                .singleElement()
                .satisfies(
                        crisis -> {
                            assertThat(crisis.brand()).isEqualTo("BlueJet");
                            assertThat(crisis.at())
                                    .isBetween(
                                            now.plus(Duration.ofMinutes(4)).minusSeconds(5),
                                            now.plus(Duration.ofMinutes(4)).plusSeconds(5));
                        });
    }

    @Test
    void clusterTakesTheSameSampleStreamOptions() {
        ClusterCommand cluster = new ClusterCommand();
        new CommandLine(cluster).parseArgs("--rate", "20", "--crisis-brand", "Forkly");
        assertThat(cluster.sample.rate).isEqualTo(20);
        assertThat(cluster.sample.crises())
                .singleElement()
                .extracting(c -> c.brand())
                .isEqualTo("Forkly");
    }
}
