// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.analytics.notify.KibanaLinks;
import io.hark.jobs.StartingOffsets;
import io.hark.report.ReportSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsOptionsTest {
    @Test
    void sharedOptionsTakeTheMetricsJobsDefaults() {
        MetricsOptions options = MetricsOptions.parse(List.of(), Map.of());
        assertThat(options.groupId()).isEqualTo("hark-metrics");
        assertThat(options.outOfOrderness()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.idleness()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.startingOffsets()).isEqualTo(StartingOffsets.COMMITTED);
        assertThat(options.kibana().dataViewId()).isEqualTo("hark-mentions");
        assertThat(options.replay()).isFalse();
        assertThat(options.notifiersYaml()).isNull();
        assertThat(options.notifiersSource()).isNull();
    }

    @Test
    void readsItsOwnOptions() {
        MetricsOptions options =
                MetricsOptions.parse(
                        List.of(
                                "--window",
                                "5m",
                                "--top-k",
                                "3",
                                "--include-spam",
                                "--replay",
                                "--index-prefix",
                                "brand",
                                "--kibana-url",
                                "https://kibana:5601"),
                        Map.of());
        assertThat(options.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.topK()).isEqualTo(3);
        assertThat(options.includeSpam()).isTrue();
        assertThat(options.replay()).isTrue();
        assertThat(options.kibana())
                .isEqualTo(new KibanaLinks("https://kibana:5601", "brand-mentions"));
        assertThatThrownBy(() -> MetricsOptions.parse(List.of("--top-k", "0"), Map.of()))
                .hasMessageContaining("--top-k");
        assertThatThrownBy(() -> MetricsOptions.parse(List.of("--alert-rule", "x"), Map.of()))
                .hasMessage("--alert-rule needs --alert-rules FILE");
    }

    @Test
    void scheduledReportsNeedAPeriodAndADirectory() {
        MetricsOptions none = MetricsOptions.parse(List.of(), Map.of());
        assertThat(none.reportSchedule()).isNull();
        assertThat(none.reportGroups()).isEmpty();

        MetricsOptions daily =
                MetricsOptions.parse(
                        List.of(
                                "--report-every",
                                "24h",
                                "--report-dir",
                                "reports",
                                "--report-url-prefix",
                                "https://reports.example/hark",
                                "--report-groups",
                                "airlines, coffee"),
                        Map.of());
        assertThat(daily.reportSchedule()).isEqualTo(new ReportSchedule(Duration.ofDays(1)));
        assertThat(daily.reportDirectory()).isEqualTo(Path.of("reports"));
        assertThat(daily.reportUrlPrefix()).isEqualTo("https://reports.example/hark");
        assertThat(daily.reportGroups()).containsExactly("airlines", "coffee");
        assertThat(
                        MetricsOptions.parse(
                                        List.of("--report-every", "7d", "--report-dir", "r"),
                                        Map.of())
                                .reportSchedule()
                                .every())
                .isEqualTo(Duration.ofDays(7));

        assertThatThrownBy(
                        () ->
                                MetricsOptions.parse(
                                        List.of("--report-every", "5h", "--report-dir", "r"),
                                        Map.of()))
                .hasMessageStartingWith("--report-every: reports can be made every 1h");
        assertThatThrownBy(() -> MetricsOptions.parse(List.of("--report-every", "24h"), Map.of()))
                .hasMessageContaining("--report-every and --report-dir go together");
        assertThatThrownBy(() -> MetricsOptions.parse(List.of("--report-dir", "r"), Map.of()))
                .hasMessageContaining("--report-every and --report-dir go together");
        assertThatThrownBy(
                        () -> MetricsOptions.parse(List.of("--report-groups", "coffee"), Map.of()))
                .hasMessageContaining("need --report-every");
    }

    @Test
    void silencesPageInTheLiveJobOnly() {
        assertThat(MetricsOptions.parse(List.of(), Map.of()).watchesSilences()).isTrue();
        assertThat(MetricsOptions.parse(List.of("--bounded"), Map.of()).watchesSilences())
                .as("a bounded run's input ends by design")
                .isFalse();
        assertThat(MetricsOptions.parse(List.of("--replay"), Map.of()).watchesSilences()).isFalse();
    }

    @Test
    void usageListsEveryOption() {
        String usage = MetricsOptions.usage();
        MetricsOptions.OPTIONS.forEach(option -> assertThat(usage).contains("--" + option.name()));
    }
}
