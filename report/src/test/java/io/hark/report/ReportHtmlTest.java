// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.report.BrandReport.AlertEpisode;
import io.hark.report.BrandReport.Freshness;
import io.hark.report.BrandReport.GroupVolume;
import io.hark.report.BrandReport.QueryRow;
import io.hark.report.BrandReport.SentimentSeries;
import io.hark.report.BrandReport.TermRow;
import io.hark.report.BrandReport.TopAuthor;
import io.hark.report.BrandReport.TopPost;
import io.hark.report.BrandReport.Totals;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's HTML from a model: hostile text stays text, in the page and in the charts' data. */
class ReportHtmlTest {
    private static final Instant FROM = Instant.parse("2026-11-10T00:00:00Z");
    private static final String LIBRARY = "/* chart library */";
    private static final String SCRIPT_BREAKER = "</script><script>alert(1)</script>";
    private static final String HOSTILE_NAME = "Blue<img src=x onerror=alert(2)>Jet";

    @Test
    void hostileTextIsEscapedInThePageAndInTheChartsData() {
        String html =
                ReportHtml.render(
                        report(List.of(new TermRow(SCRIPT_BREAKER, 5, 1))), "group <x>", LIBRARY);

        // Three script elements: the charts' data, the library, the drawing code; no text adds one.
        assertThat(
                        Pattern.compile("</script", Pattern.CASE_INSENSITIVE)
                                .matcher(html)
                                .results()
                                .count())
                .isEqualTo(3);
        assertThat(html).doesNotContain("<img src=x").doesNotContain("<b>mallory");
        assertThat(html)
                .contains("Blue&lt;img src=x onerror=alert(2)&gt;Jet")
                .contains("&lt;b&gt;mallory&lt;/b&gt;")
                .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<title>Hark brand report: group &lt;x&gt;</title>");
        // In the charts' JSON, < and > are \\u escapes: the same strings to JSON.parse.
        assertThat(html).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
        assertThat(html).contains("Blue\\u003cimg src=x onerror=alert(2)\\u003eJet");
    }

    @Test
    void onlyWebUrlsBecomeLinks() {
        String html = ReportHtml.render(report(List.of()), "all queries", LIBRARY);
        assertThat(html).doesNotContain("javascript:");
        assertThat(html).contains("click me");
        assertThat(html)
                .contains(
                        "<a href=\"https://kibana.example/app/discover#/?_a=(query:&#39;bluejet&#39;)&amp;x=1\"");
        assertThat(html).contains("<a href=\"https://x.example/1\"");
    }

    @Test
    void chartsHaveTheirSeriesAndEmptyListsSaySo() {
        String html = ReportHtml.render(report(List.of()), "all queries", LIBRARY);
        assertThat(html)
                .contains("id=\"volume\"")
                .contains("id=\"sentiment\"")
                .contains("id=\"query-sentiment\"")
                .contains("id=\"share-1\"")
                .doesNotContain("id=\"topics\"")
                .doesNotContain("id=\"hashtags\"")
                .contains("none in this period");
        // The alert episode is shaded on its query's line, from its first to its last window.
        assertThat(html)
                .contains("\"markArea\"")
                .contains(
                        "{\"name\":\"high\",\"xAxis\":\"11-10 10:30\"},{\"xAxis\":\"11-10 10:50\"}");
        // BlueJet: 30 of the group's 40 mentions against 10 of 40: +50 points.
        assertThat(html).contains("75.0%").contains("25.0%").contains("+50.0 pts");
        assertThat(html).contains("+200%").contains("new");
    }

    @Test
    void aLibraryThatWouldEndItsScriptIsRefused() {
        assertThatThrownBy(() -> ReportHtml.render(report(List.of()), "x", "var a = '</SCRIPT>';"))
                .hasMessageContaining("cannot be embedded");
    }

    private static BrandReport report(List<TermRow> topics) {
        ReportPeriod period = new ReportPeriod(FROM, FROM.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        List<Instant> buckets =
                List.of(
                        FROM,
                        FROM.plus(Duration.ofHours(10).plusMinutes(30)),
                        FROM.plus(Duration.ofHours(10).plusMinutes(50)),
                        FROM.plus(Duration.ofHours(12)));
        return new BrandReport(
                period,
                "hark",
                buckets,
                List.of(
                        new QueryRow(
                                "bluejet",
                                HOSTILE_NAME,
                                "airlines",
                                "bluejet OR \"blue pass\"",
                                new Totals(30, 10, 10, 10, 3000, 300),
                                new Totals(10, 0, 5, 5, 1000, 100),
                                List.of(5L, 10L, 10L, 5L)),
                        new QueryRow(
                                "skyline-air",
                                "Skyline Air",
                                "airlines",
                                null,
                                new Totals(10, 0, 5, 5, 1000, 100),
                                Totals.NONE,
                                List.of(1L, 2L, 3L, 4L))),
                List.of(new GroupVolume("airlines", 40, 40)),
                new SentimentSeries(
                        List.of(1L, 4L, 4L, 1L), List.of(2L, 4L, 4L, 5L), List.of(3L, 4L, 4L, 4L)),
                List.of(
                        new AlertEpisode(
                                "bluejet@1",
                                "bluejet",
                                "airlines",
                                "negative_volume",
                                "high",
                                "resolved",
                                FROM.plus(Duration.ofMinutes(631)),
                                FROM.plus(Duration.ofMinutes(660)),
                                "bluejet (airlines): negative volume 212 <script>alert(4)</script>",
                                "https://kibana.example/app/discover#/?_a=(query:'bluejet')&x=1")),
                topics,
                List.of(),
                topics,
                List.of(),
                List.of(
                        new TopPost(
                                "1",
                                "x",
                                "<b>mallory</b>",
                                "so late " + SCRIPT_BREAKER,
                                "https://x.example/1",
                                90,
                                "negative",
                                FROM.plusSeconds(60)),
                        new TopPost(
                                "2",
                                "x",
                                "eve",
                                "click me",
                                "javascript:alert(3)",
                                80,
                                null,
                                FROM.plusSeconds(120))),
                List.of(new TopAuthor("<b>mallory</b>", "x", 1_000_000, 2)),
                new Freshness(FROM.plus(Duration.ofHours(23)), FROM.plus(Duration.ofDays(1))),
                FROM.plus(Duration.ofDays(2)));
    }
}
