// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DetectBenchmarkTest {
  /** Recorded in the README when the defaults were chosen. */
  static final double RECORDED_NAB_SCORE = 92.3;

  /** The shared data and tools live beside the project ({@code ../shared}); tests run in the module directory. */
  static final Path SPIKES = Path.of("../../shared/data/spikes");
  static final Path NABSCORE = Path.of("../../shared/tools/nabscore.py");

  @Test
  void reproducesTheRecordedNabScore() throws Exception {
    assertThat(SPIKES.resolve("windows.json")).as("NAB data beside the project (../shared)").exists();

    DetectBenchmark.Result result = DetectBenchmark.run(SPIKES, NABSCORE);

    assertThat(result.nabScore()).isCloseTo(RECORDED_NAB_SCORE, within(0.05));
    assertThat(result.seriesScores()).hasSize(5).allSatisfy((series, score) -> assertThat(score).isGreaterThan(80));
    assertThat(result.points()).isEqualTo(79_321);
    assertThat(result.nanosPerPoint()).isPositive();
    assertThat(result.stateBytes()).isBetween(100.0, 1_000.0);
    assertThat(result.results().resolve("Twitter_volume_FB.csv")).content().startsWith("timestamp,alert\n");
  }
}
