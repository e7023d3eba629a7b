// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.elasticsearch.ElasticsearchSink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsJobTest {
    /**
     * A window's metrics and an alert are documents updated in place: sent concurrently, an earlier
     * update could land last (see {@code ElasticsearchSinkITCase}). Replays build the same sinks.
     */
    @Test
    void windowAndAlertDocumentsGoOneBulkRequestAtATimeWhateverTheOptionSays() {
        MetricsOptions options =
                MetricsOptions.parse(
                        List.of(
                                "--bootstrap",
                                "127.0.0.1:9",
                                "--es",
                                "http://127.0.0.1:9",
                                "--es-max-in-flight",
                                "4"),
                        Map.of());
        MetricsSinks sinks = MetricsJob.sinks(options);

        assertThat(options.sink().maxInFlightRequests()).isEqualTo(4);
        for (Object sink : List.of(sinks.metricsIndex(), sinks.alertIndex())) {
            assertThat(((ElasticsearchSink<?>) sink).options().maxInFlightRequests()).isEqualTo(1);
        }
    }
}
