// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchBenchmarkTest {
    @Test
    void theGeneratedQueriesMatchAndBothMatchersAgree() {
        // run() itself fails if the two matchers count different matches on the sample; speed is
        // for `scripts/hark bench match` to print, not for a test to assert.
        MatchBenchmark.Result result = MatchBenchmark.run(300, 20_000, 7);
        assertThat(result.mentions()).isEqualTo(20_000);
        assertThat(result.matches()).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameData() {
        assertThat(MatchBenchmark.run(50, 2_000, 3).matches())
                .isEqualTo(MatchBenchmark.run(50, 2_000, 3).matches());
    }
}
