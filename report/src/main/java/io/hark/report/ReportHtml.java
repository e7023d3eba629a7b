// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.report.BrandReport.AlertEpisode;
import io.hark.report.BrandReport.GroupVolume;
import io.hark.report.BrandReport.QueryRow;
import io.hark.report.BrandReport.TermRow;
import io.hark.report.BrandReport.TopAuthor;
import io.hark.report.BrandReport.TopPost;
import io.hark.report.BrandReport.Totals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link BrandReport} as one self-contained HTML file: tables in HTML, charts drawn by ECharts
 * (its code embedded, SVG renderer) from options written here as JSON. Every text that comes from
 * the data (posts, authors, topics, query names, alert summaries) is escaped, and only http(s) URLs
 * become links. Once the charts are drawn, the page writes a self-check into {@code
 * #hark-self-check}: for each chart the series ECharts holds and the SVG paths it drew, and any
 * script error, so a headless browser can tell a drawn report from a blank one.
 */
public final class ReportHtml {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String NEGATIVE_COLOR = "#d64545";
    private static final String NEUTRAL_COLOR = "#a9b1bb";
    private static final String POSITIVE_COLOR = "#3a9d5d";
    private static final int POST_CHARS = 280;

    private static final String STYLE =
            """
            body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Liberation Sans',sans-serif;color:#1d2330;
              margin:0;background:#f4f6f9}
            main{max-width:1200px;margin:0 auto;padding:24px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px}h3{font-size:15px;margin:16px 0 6px}
            .sub{color:#5b6474}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
            .card{background:#fff;border-radius:8px;padding:12px 16px;min-width:160px;box-shadow:0 1px 2px #0002}
            .card b{display:block;font-size:24px}.card span{color:#5b6474;font-size:12px}
            .chart{background:#fff;border-radius:8px;height:340px;box-shadow:0 1px 2px #0002;margin:8px 0}
            .row{display:flex;gap:12px;flex-wrap:wrap}.row>div{flex:1 1 480px;min-width:0}
            table{border-collapse:collapse;width:100%;background:#fff;border-radius:8px;overflow:hidden;
              box-shadow:0 1px 2px #0002;font-size:13px}
            th,td{padding:6px 8px;text-align:left;border-bottom:1px solid #e6e9ee;vertical-align:top}
            th{background:#eef1f5;font-weight:600}td.n{text-align:right;white-space:nowrap}
            .up{color:#b3261e}.down{color:#1b7f3b}.sev{font-weight:600;text-transform:uppercase;font-size:11px}
            .empty{color:#5b6474;font-style:italic}footer{margin-top:40px;color:#5b6474;font-size:12px}
            footer code{white-space:pre-wrap;word-break:break-word}
            """;

    /** Draws the charts, then writes the self-check; runs after the library. */
    private static final String DRAW =
            """
            (function () {
              var errors = [];
              window.addEventListener('error', function (e) { errors.push(String(e.message)); });
              var checks = [];
              try {
                JSON.parse(document.getElementById('hark-charts').textContent).forEach(function (spec) {
                  var element = document.getElementById(spec.id);
                  var chart = echarts.init(element, null, {renderer: 'svg'});
                  chart.setOption(spec.option);
                  checks.push({id: spec.id, series: chart.getOption().series.length,
                    paths: element.querySelectorAll('svg path').length});
                });
              } catch (e) {
                errors.push(String(e && e.stack || e));
              }
              document.getElementById('hark-self-check').textContent =
                JSON.stringify({charts: checks, errors: errors});
            })();
            """;

    private final BrandReport report;
    private final ReportPeriod period;
    private final List<ObjectNode> charts = new ArrayList<>();
    private final StringBuilder html = new StringBuilder();

    private ReportHtml(BrandReport report) {
        this.report = report;
        this.period = report.period();
    }

    /**
     * @param chartLibrary the charting library's code, embedded as is
     */
    public static String render(BrandReport report, String selection, String chartLibrary) {
        if (chartLibrary.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalArgumentException(
                    "the chart library cannot be embedded: it holds </script");
        }
        return new ReportHtml(report).page(selection, chartLibrary);
    }

    private String page(String selection, String chartLibrary) {
        String title = "Hark brand report: " + selection;
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(escape(title))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><main>\n");
        html.append("<h1>")
                .append(escape(title))
                .append("</h1>\n<p class=\"sub\">")
                .append(escape(periodText(period)))
                .append(", compared with the previous ")
                .append(escape(lengthText()))
                .append(" (")
                .append(escape(periodText(period.previous())))
                .append(")</p>\n");
        cards();
        volume();
        alerts();
        sentiment();
        shareOfVoice();
        terms();
        posts();
        authors();
        footer();
        html.append("<pre id=\"hark-self-check\" hidden></pre>\n");
        html.append("<script type=\"application/json\" id=\"hark-charts\">")
                .append(scriptSafeJson(charts))
                .append("</script>\n<script>")
                .append(chartLibrary)
                .append("</script>\n<script>")
                .append(DRAW)
                .append("</script>\n</main></body></html>\n");
        return html.toString();
    }

    private void cards() {
        Totals all = total(q -> q.current());
        html.append("<div class=\"cards\">");
        card(
                number(report.volume()),
                "mentions, per query (" + change(report.volume(), report.previousVolume()) + ")");
        card(
                net(all.netSentiment()),
                "net sentiment (previous " + net(total(q -> q.previous()).netSentiment()) + ")");
        card(percent(all.negative(), all.volume()), "negative mentions");
        card(number(report.alerts().size()), "alert episodes");
        card(number(report.queries().size()), "queries");
        html.append("</div>\n");
    }

    private void card(String value, String label) {
        html.append("<div class=\"card\"><b>")
                .append(escape(value))
                .append("</b><span>")
                .append(escape(label))
                .append("</span></div>");
    }

    private Totals total(Function<QueryRow, Totals> which) {
        long volume = 0, negative = 0, neutral = 0, positive = 0, reach = 0, engagement = 0;
        for (QueryRow row : report.queries()) {
            Totals totals = which.apply(row);
            volume += totals.volume();
            negative += totals.negative();
            neutral += totals.neutral();
            positive += totals.positive();
            reach += totals.reach();
            engagement += totals.engagement();
        }
        return new Totals(volume, negative, neutral, positive, reach, engagement);
    }

    private void volume() {
        html.append("<h2>Mentions over time</h2>\n<p class=\"sub\">Per query, per ")
                .append(escape(bucketText()))
                .append("; alert episodes shaded.</p>\n");
        ObjectNode option = timelineOption();
        ArrayNode series = option.putArray("series");
        for (QueryRow row : report.queries()) {
            ObjectNode line =
                    series.addObject()
                            .put("name", row.name())
                            .put("type", "line")
                            .put("showSymbol", false);
            addAll(line.putArray("data"), row.volumeOverTime());
            ArrayNode areas = JSON.arrayNode();
            for (AlertEpisode episode : report.alerts()) {
                if (episode.queryId().equals(row.id())) {
                    ArrayNode area = areas.addArray();
                    area.addObject()
                            .put("name", episode.severity())
                            .put("xAxis", bucketLabelOf(episode.start()));
                    area.addObject()
                            .put("xAxis", bucketLabelOf(episode.lastWindowEnd().minusMillis(1)));
                }
            }
            if (!areas.isEmpty()) {
                ObjectNode markArea = line.putObject("markArea").put("silent", true);
                markArea.putObject("itemStyle").put("color", "rgba(214,69,69,0.15)");
                markArea.set("data", areas);
            }
        }
        chart("volume", option, 360);
        html.append(
                table(
                        List.of(
                                "query",
                                "group",
                                "mentions",
                                "change",
                                "negative",
                                "net sentiment",
                                "reach",
                                "engagement"),
                        report.queries().stream()
                                .map(
                                        row ->
                                                List.of(
                                                        cell(row.name()),
                                                        cell(
                                                                row.group() == null
                                                                        ? ""
                                                                        : row.group()),
                                                        numberCell(number(row.current().volume())),
                                                        changeCell(
                                                                row.current().volume(),
                                                                row.previous().volume()),
                                                        numberCell(
                                                                percent(
                                                                        row.current().negative(),
                                                                        row.current().volume())),
                                                        numberCell(
                                                                net(row.current().netSentiment())),
                                                        numberCell(number(row.current().reach())),
                                                        numberCell(
                                                                number(
                                                                        row.current()
                                                                                .engagement()))))
                                .toList(),
                        "no queries"));
    }

    private void alerts() {
        html.append("<h2>Alert episodes</h2>\n");
        html.append(
                table(
                        List.of(
                                "from",
                                "to",
                                "query",
                                "signal",
                                "severity",
                                "state",
                                "explanation",
                                "mentions"),
                        report.alerts().stream()
                                .map(
                                        episode ->
                                                List.of(
                                                        cell(period.format(episode.start())),
                                                        cell(
                                                                period.format(
                                                                        episode.lastWindowEnd())),
                                                        cell(episode.queryId()),
                                                        cell(episode.signal().replace('_', ' ')),
                                                        "<td class=\"sev\">"
                                                                + escape(episode.severity())
                                                                + "</td>",
                                                        cell(episode.state()),
                                                        cell(episode.summary()),
                                                        "<td>"
                                                                + link(
                                                                        episode.kibanaUrl(),
                                                                        "Discover")
                                                                + "</td>"))
                                .toList(),
                        "no alert episodes in this period"));
    }

    private void sentiment() {
        html.append("<h2>Sentiment</h2>\n<div class=\"row\"><div><h3>Over time</h3>");
        ObjectNode overTime = timelineOption();
        overTime.putArray("yAxis")
                .add(valueAxis("mentions"))
                .add(valueAxis("net").put("min", -1).put("max", 1));
        ArrayNode series = overTime.putArray("series");
        stackedBars(
                series,
                "time",
                report.sentimentOverTime().negative(),
                report.sentimentOverTime().neutral(),
                report.sentimentOverTime().positive());
        ObjectNode net =
                series.addObject()
                        .put("name", "net sentiment")
                        .put("type", "line")
                        .put("yAxisIndex", 1)
                        .put("showSymbol", false)
                        .put("connectNulls", false);
        net.putObject("itemStyle").put("color", "#2f4b7c");
        ArrayNode netData = net.putArray("data");
        for (int i = 0; i < report.buckets().size(); i++) {
            long negative = report.sentimentOverTime().negative().get(i);
            long scored =
                    negative
                            + report.sentimentOverTime().neutral().get(i)
                            + report.sentimentOverTime().positive().get(i);
            if (scored == 0) {
                netData.addNull();
            } else {
                netData.add(
                        round2(
                                (report.sentimentOverTime().positive().get(i) - negative)
                                        / (double) scored));
            }
        }
        chart("sentiment", overTime, 320);
        html.append("</div><div><h3>Per query</h3>");
        ObjectNode perQuery = baseOption();
        perQuery.putObject("xAxis").put("type", "value");
        ObjectNode yAxis = perQuery.putObject("yAxis").put("type", "category").put("inverse", true);
        ArrayNode names = yAxis.putArray("data");
        report.queries().forEach(row -> names.add(row.name()));
        stackedBars(
                perQuery.putArray("series"),
                "query",
                report.queries().stream().map(row -> row.current().negative()).toList(),
                report.queries().stream().map(row -> row.current().neutral()).toList(),
                report.queries().stream().map(row -> row.current().positive()).toList());
        chart("query-sentiment", perQuery, Math.max(320, 60 + 28 * report.queries().size()));
        html.append("</div></div>\n");
    }

    private static void stackedBars(
            ArrayNode series,
            String stack,
            List<Long> negative,
            List<Long> neutral,
            List<Long> positive) {
        bar(series, "negative", stack, NEGATIVE_COLOR, negative);
        bar(series, "neutral", stack, NEUTRAL_COLOR, neutral);
        bar(series, "positive", stack, POSITIVE_COLOR, positive);
    }

    private static void bar(
            ArrayNode series, String name, String stack, String color, List<Long> values) {
        ObjectNode bar =
                series.addObject().put("name", name).put("type", "bar").put("stack", stack);
        bar.putObject("itemStyle").put("color", color);
        addAll(bar.putArray("data"), values);
    }

    private void shareOfVoice() {
        html.append(
                "<h2>Share of voice</h2>\n<p class=\"sub\">Each query's mentions over its group's "
                        + "(a mention matching two queries of a group counts once for the group), this period "
                        + "against the previous one.</p>\n<div class=\"row\">");
        Map<String, GroupVolume> volumes =
                report.groupVolumes().stream()
                        .collect(Collectors.toMap(GroupVolume::group, v -> v));
        int index = 0;
        for (String group : report.groups()) {
            GroupVolume volume = volumes.getOrDefault(group, new GroupVolume(group, 0, 0));
            List<QueryRow> rows =
                    report.queries().stream().filter(q -> group.equals(q.group())).toList();
            html.append("<div><h3>").append(escape(group)).append("</h3>");
            ObjectNode option = baseOption();
            ArrayNode categories =
                    option.putObject("xAxis").put("type", "category").putArray("data");
            rows.forEach(row -> categories.add(row.name()));
            option.putObject("yAxis")
                    .put("type", "value")
                    .put("name", "% of group")
                    .put("max", 100);
            ArrayNode series = option.putArray("series");
            ArrayNode now =
                    series.addObject()
                            .put("name", "this period")
                            .put("type", "bar")
                            .putArray("data");
            ArrayNode before =
                    series.addObject()
                            .put("name", "previous period")
                            .put("type", "bar")
                            .putArray("data");
            List<List<String>> cells = new ArrayList<>();
            for (QueryRow row : rows) {
                Double share = share(row.current().volume(), volume.current());
                Double previous = share(row.previous().volume(), volume.previous());
                now.add(share == null ? null : round2(100 * share));
                before.add(previous == null ? null : round2(100 * previous));
                cells.add(
                        List.of(
                                cell(row.name()),
                                numberCell(
                                        share == null
                                                ? "n/a"
                                                : String.format(
                                                        Locale.ROOT, "%.1f%%", 100 * share)),
                                numberCell(
                                        previous == null
                                                ? "n/a"
                                                : String.format(
                                                        Locale.ROOT, "%.1f%%", 100 * previous)),
                                numberCell(
                                        share == null || previous == null
                                                ? "n/a"
                                                : String.format(
                                                        Locale.ROOT,
                                                        "%+.1f pts",
                                                        100 * (share - previous)))));
            }
            chart("share-" + ++index, option, 280);
            html.append(
                    table(List.of("query", "share", "previous", "change"), cells, "no queries"));
            html.append("</div>");
        }
        html.append("</div>\n");
    }

    private static Double share(long volume, long groupVolume) {
        return groupVolume == 0 ? null : Math.min(1.0, volume / (double) groupVolume);
    }

    private void terms() {
        html.append(
                "<h2>Topics and hashtags</h2>\n<p class=\"sub\">Spam left out, as on the dashboards; "
                        + "rising: most added mentions against the previous period.</p>\n<div class=\"row\">");
        termsColumn("topics", "Top topics", report.topTopics(), report.risingTopics());
        termsColumn("hashtags", "Top hashtags", report.topHashtags(), report.risingHashtags());
        html.append("</div>\n");
    }

    private void termsColumn(String id, String title, List<TermRow> top, List<TermRow> rising) {
        html.append("<div><h3>").append(escape(title)).append("</h3>");
        if (top.isEmpty()) {
            html.append("<p class=\"empty\">none in this period</p>");
        } else {
            ObjectNode option = baseOption();
            option.putObject("xAxis").put("type", "value");
            ArrayNode categories =
                    option.putObject("yAxis")
                            .put("type", "category")
                            .put("inverse", true)
                            .putArray("data");
            top.forEach(row -> categories.add(row.term()));
            ArrayNode series = option.putArray("series");
            addAll(
                    series.addObject()
                            .put("name", "this period")
                            .put("type", "bar")
                            .putArray("data"),
                    top.stream().map(TermRow::count).toList());
            addAll(
                    series.addObject()
                            .put("name", "previous period")
                            .put("type", "bar")
                            .putArray("data"),
                    top.stream().map(TermRow::previousCount).toList());
            chart(id, option, Math.max(280, 60 + 30 * top.size()));
        }
        html.append("<h3>Rising</h3>");
        html.append(
                table(
                        List.of("term", "mentions", "previous", "change"),
                        rising.stream()
                                .map(
                                        row ->
                                                List.of(
                                                        cell(row.term()),
                                                        numberCell(number(row.count())),
                                                        numberCell(number(row.previousCount())),
                                                        changeCell(
                                                                row.count(), row.previousCount())))
                                .toList(),
                        "nothing rose against the previous period"));
        html.append("</div>");
    }

    private void posts() {
        html.append("<h2>Top posts by engagement</h2>\n");
        html.append(
                table(
                        List.of("posted", "platform", "author", "post", "engagement", "sentiment"),
                        report.topPosts().stream().map(this::postCells).toList(),
                        "no mentions in this period"));
    }

    private List<String> postCells(TopPost post) {
        String text =
                post.text().length() > POST_CHARS
                        ? post.text()
                                        .substring(
                                                0,
                                                post.text()
                                                        .offsetByCodePoints(
                                                                0,
                                                                Math.min(
                                                                        POST_CHARS,
                                                                        post.text()
                                                                                .codePointCount(
                                                                                        0,
                                                                                        post.text()
                                                                                                .length()))))
                                + "…"
                        : post.text();
        return List.of(
                cell(period.format(post.createdAt())),
                cell(post.platform()),
                cell(post.author()),
                "<td>"
                        + escape(text)
                        + (isWebUrl(post.url()) ? " " + link(post.url(), "open") : "")
                        + "</td>",
                numberCell(number(post.engagement())),
                cell(post.sentiment() == null ? "" : post.sentiment()));
    }

    private void authors() {
        html.append("<h2>Top authors by reach</h2>\n");
        html.append(
                table(
                        List.of("author", "platform", "followers", "mentions"),
                        report.topAuthors().stream()
                                .map(
                                        (TopAuthor author) ->
                                                List.of(
                                                        cell(author.username()),
                                                        cell(author.platform()),
                                                        numberCell(number(author.followers())),
                                                        numberCell(number(author.mentions()))))
                                .toList(),
                        "no mentions in this period"));
    }

    private void footer() {
        html.append("<footer><h2>About this report</h2><p>Period ")
                .append(escape(periodText(period)))
                .append("; previous period ")
                .append(escape(periodText(period.previous())))
                .append("; timeline buckets of ")
                .append(escape(bucketText()))
                .append(". Data freshness: latest mention ")
                .append(escape(momentText(report.freshness().latestMention())))
                .append(", latest window metrics up to ")
                .append(escape(momentText(report.freshness().latestWindowEnd())))
                .append(". Indices ")
                .append(escape(report.indexPrefix()))
                .append("-metrics, -mentions and -alerts")
                .append("; generated ")
                .append(escape(momentText(report.generatedAt())))
                .append(" by Hark; charts by Apache ECharts.</p>\n<h3>Queries</h3>\n");
        html.append(
                table(
                        List.of("id", "name", "group", "definition"),
                        report.queries().stream()
                                .map(
                                        row ->
                                                List.of(
                                                        cell(row.id()),
                                                        cell(row.name()),
                                                        cell(
                                                                row.group() == null
                                                                        ? ""
                                                                        : row.group()),
                                                        row.definition() == null
                                                                ? "<td class=\"empty\">not known: pass --queries FILE</td>"
                                                                : "<td><code>"
                                                                        + escape(row.definition())
                                                                        + "</code></td>"))
                                .toList(),
                        "no queries"));
        html.append("</footer>\n");
    }

    private ObjectNode baseOption() {
        ObjectNode option = JSON.objectNode().put("animation", false);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("type", "scroll").put("top", 4);
        option.putObject("grid")
                .put("left", 12)
                .put("right", 24)
                .put("top", 40)
                .put("bottom", 12)
                .put("containLabel", true);
        return option;
    }

    private ObjectNode timelineOption() {
        ObjectNode option = baseOption();
        ArrayNode labels =
                option.putObject("xAxis")
                        .put("type", "category")
                        .put("boundaryGap", false)
                        .putArray("data");
        report.buckets().forEach(start -> labels.add(period.bucketLabel(start)));
        option.putObject("yAxis").put("type", "value");
        return option;
    }

    private static ObjectNode valueAxis(String name) {
        return JSON.objectNode().put("type", "value").put("name", name);
    }

    /** The label of the timeline bucket that holds {@code moment}, clamped to the timeline. */
    private String bucketLabelOf(Instant moment) {
        List<Instant> buckets = report.buckets();
        int index = 0;
        for (int i = 0; i < buckets.size(); i++) {
            if (!buckets.get(i).isAfter(moment)) {
                index = i;
            }
        }
        return buckets.isEmpty() ? "" : period.bucketLabel(buckets.get(index));
    }

    private void chart(String id, ObjectNode option, int height) {
        charts.add(JSON.objectNode().put("id", id).set("option", option));
        html.append("<div class=\"chart\" id=\"")
                .append(escape(id))
                .append("\" style=\"height:")
                .append(height)
                .append("px\"></div>\n");
    }

    private static String table(List<String> headers, List<List<String>> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            return "<p class=\"empty\">" + escape(whenEmpty) + "</p>\n";
        }
        StringBuilder table = new StringBuilder("<table><thead><tr>");
        headers.forEach(h -> table.append("<th>").append(escape(h)).append("</th>"));
        table.append("</tr></thead><tbody>");
        rows.forEach(cells -> table.append("<tr>").append(String.join("", cells)).append("</tr>"));
        return table.append("</tbody></table>\n").toString();
    }

    private static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static String numberCell(String text) {
        return "<td class=\"n\">" + escape(text) + "</td>";
    }

    private static String changeCell(long now, long before) {
        String css = now > before ? "up" : now < before ? "down" : "";
        return "<td class=\"n " + css + "\">" + escape(change(now, before)) + "</td>";
    }

    /** A link for http(s) URLs only: a {@code javascript:} URL in the data stays text. */
    private static String link(String url, String text) {
        if (!isWebUrl(url)) {
            return url == null ? "" : escape(url);
        }
        return "<a href=\""
                + escape(url)
                + "\" rel=\"noopener noreferrer\" target=\"_blank\">"
                + escape(text)
                + "</a>";
    }

    private static boolean isWebUrl(String url) {
        return url != null && url.matches("(?i)https?://[^\\s\"<>]+");
    }

    /** Text for HTML content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * JSON that cannot end its script element or open a comment there: {@code <}, {@code >} and
     * {@code &} only occur inside JSON strings, where their \\u escapes mean the same.
     */
    static String scriptSafeJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the charts' options", e);
        }
    }

    private static void addAll(ArrayNode array, List<Long> values) {
        values.forEach(array::add);
    }

    private String periodText(ReportPeriod p) {
        return p.format(p.from()) + " to " + p.format(p.to()) + " " + p.zoneName();
    }

    private String momentText(Instant moment) {
        return moment == null ? "none" : period.format(moment) + " " + period.zoneName();
    }

    private String lengthText() {
        long minutes = period.length().toMinutes();
        if (minutes % (24 * 60) == 0) {
            long days = minutes / (24 * 60);
            return days == 1 ? "day" : days + " days";
        }
        if (minutes % 60 == 0) {
            return minutes / 60 == 1 ? "hour" : minutes / 60 + " hours";
        }
        return minutes + " minutes";
    }

    private String bucketText() {
        ReportPeriod.Bucket bucket = period.bucket();
        return bucket.intervalKind().equals("calendar_interval")
                ? bucket.interval()
                : bucket.interval().replace("m", " min").replace("h", " h");
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String net(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%+.2f", value);
    }

    private static String change(long now, long before) {
        if (before == 0) {
            return now == 0 ? "no change" : "new";
        }
        return String.format(Locale.ROOT, "%+.0f%%", 100.0 * (now - before) / before);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
