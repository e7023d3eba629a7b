// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalCommandTest {
    @Test
    void crisisAfterZeroStagesNoCrisis() {
        LocalCommand local = new LocalCommand();
        new CommandLine(local).parseArgs("--crisis-after", "0");
        assertThat(local.crisisAfter).isZero();
        new CommandLine(local).parseArgs();
        assertThat(local.crisisAfter).isEqualTo(Duration.ofMinutes(4));
    }
}
