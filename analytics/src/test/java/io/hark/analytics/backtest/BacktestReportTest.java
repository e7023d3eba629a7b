// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestReportTest {
    private static final Score GOOD =
            new Score(
                    4,
                    2,
                    3,
                    1,
                    2,
                    0.75,
                    1.0,
                    Duration.ofSeconds(90),
                    Duration.ofMinutes(65),
                    List.of());
    private static final Score SILENT =
            new Score(0, 2, 0, 0, 0, 1.0, 0.0, null, null, List.of("brand a..b", "rival c..d"));
    private static final List<BacktestReport.Row> ROWS =
            List.of(
                    new BacktestReport.Row(
                            "default",
                            GOOD,
                            List.of(
                                    new Episode(
                                            "acme",
                                            Instant.parse("2026-11-01T10:04:00Z"),
                                            null,
                                            "high"))),
                    new BacktestReport.Row("strict, z>4", SILENT, List.of()));

    @Test
    void tableAlignsColumns() {
        assertThat(BacktestReport.table(ROWS))
                .isEqualTo(
                        """
            setting      episodes  TP  FP  precision  recall  median delay  max delay
            default             4   3   1      0.750   1.000         1m30s       1h5m
            strict, z>4         0   0   0      1.000   0.000             -          -
            """);
    }

    @Test
    void csvHasOneLinePerSettingWithWholeSeconds() {
        assertThat(BacktestReport.csv(ROWS))
                .isEqualTo(
                        """
            setting,episodes,true_positives,false_positives,precision,recall,median_delay_s,max_delay_s
            default,4,3,1,0.750,1.000,90,3900
            "strict, z>4",0,0,0,1.000,0.000,,
            """);
    }

    @Test
    void jsonIsAnArrayOfSettingObjects() throws Exception {
        JsonNode json = new ObjectMapper().readTree(BacktestReport.json(ROWS));

        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("setting").asText()).isEqualTo("default");
        assertThat(json.get(0).get("true_positives").asInt()).isEqualTo(3);
        assertThat(json.get(0).get("precision").asDouble()).isEqualTo(0.75);
        assertThat(json.get(0).get("median_delay_s").asLong()).isEqualTo(90);
        assertThat(json.get(0).get("max_delay_s").asLong()).isEqualTo(3900);
        assertThat(json.get(1).get("median_delay_s").isNull()).isTrue();
        assertThat(json.get(1).get("missed")).hasSize(2);
        assertThat(json.get(1).get("missed").get(0).asText()).isEqualTo("brand a..b");
        assertThat(json.get(0).at("/fired/0/query").asText()).isEqualTo("acme");
        assertThat(json.get(0).at("/fired/0/opened").asText()).isEqualTo("2026-11-01T10:04:00Z");
        assertThat(json.get(0).at("/fired/0/resolved").isNull()).isTrue();
        assertThat(json.get(1).get("fired")).isEmpty();
    }
}
