// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.cli.ReportDocuments.Sentiment;
import io.hark.embedded.SharedServers;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.report.ElasticsearchJson;
import io.hark.report.ElasticsearchJson.Document;
import io.hark.schema.Platform;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hark report} against the real Elasticsearch, opened in a real browser: known window
 * metrics, mentions (hostile texts and a spam post among them) and an alert episode are indexed
 * under Hark's templates; the report is written by the command, opened in headless Chromium, and
 * must draw every chart with its series, log nothing to the console, show the figures the data
 * implies and run none of the hostile texts. The screenshot goes to {@code
 * target/report-itcase.png} (the report beside it) for a person to look at.
 */
class ReportCommandITCase {
    private static final Instant FROM = Instant.parse("2026-11-10T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-11T00:00:00Z");
    private static final Instant PREVIOUS = Instant.parse("2026-11-09T00:00:00Z");
    private static final String HOSTILE_POST =
            "</script><script>window.hacked=1</script><img src=x onerror=alert(1)> delays again";
    private static final String HOSTILE_AUTHOR = "<b onmouseover=alert(2)>mallory</b>";
    private static final String HOSTILE_TOPIC = "<svg onload=alert(3)>";

    private record Run(int exitCode, String stdout, String stderr) {}

    @Test
    void reportDrawsEveryChartInABrowserAndRunsNoHostileText(@TempDir Path dir) throws Exception {
        String prefix = "report-it-" + System.nanoTime();
        ElasticsearchConnection connection =
                ElasticsearchConnection.of(SharedServers.elasticsearch().httpUrl());
        IndexTemplates indices = new IndexTemplates(prefix);
        var client = connection.asyncClient();
        try {
            indices.ensure(client, connection);
        } finally {
            client._transport().close();
        }
        try (ElasticsearchJson elasticsearch = connection.json()) {
            elasticsearch.bulk(documents(new ReportDocuments(indices)));
            elasticsearch.refresh(prefix + "-*");
        }
        Path queries = dir.resolve("queries.yaml");
        Files.writeString(
                queries,
                """
                queries:
                  - id: bluejet
                    name: BlueJet
                    group: airlines
                    query: 'bluejet OR "blue pass"'
                  - id: skyline-air
                    name: Skyline <Air>
                    group: airlines
                    query: '"skyline air"'
                  - id: brewhaus
                    name: Brewhaus
                    group: coffee
                    query: brewhaus
                """);
        Path html = dir.resolve("report.html");

        Run run =
                run(
                        "report",
                        "--es",
                        SharedServers.elasticsearch().httpUrl(),
                        "--index-prefix",
                        prefix,
                        "--from",
                        "2026-11-10",
                        "--to",
                        "2026-11-11",
                        "--group",
                        "airlines",
                        "--query",
                        "brewhaus",
                        "--queries",
                        queries.toString(),
                        "--out",
                        html.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("3 queries")
                .contains("8,640 mentions")
                .contains("1 alert episode");
        String source = Files.readString(html);
        assertThat(source)
                .doesNotContain("<script>window.hacked")
                .doesNotContain("<b onmouseover")
                .doesNotContain("<svg onload")
                .doesNotContain("href=\"javascript:")
                .doesNotContain("spam spam buy now");

        HeadlessChromium chromium = HeadlessChromium.find(dir);
        HeadlessChromium.Page page = chromium.dumpDom(html);
        assertThat(page.log()).doesNotContain("CONSOLE").doesNotContain("Uncaught");
        JsonNode check = selfCheck(page.dom());
        assertThat(check.path("errors")).as(check.toString()).isEmpty();
        Map<String, Integer> seriesByChart = new HashMap<>();
        for (JsonNode chart : check.path("charts")) {
            seriesByChart.put(chart.path("id").asText(), chart.path("series").asInt());
            assertThat(chart.path("paths").asInt())
                    .as("SVG paths drawn for " + chart)
                    .isGreaterThan(3);
        }
        assertThat(seriesByChart)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "volume", 3,
                                "sentiment", 4,
                                "query-sentiment", 3,
                                "share-1", 2,
                                "share-2", 2,
                                "topics", 2,
                                "hashtags", 2));
        String dom = page.dom();
        assertThat(dom)
                .doesNotContain("<img src=\"x\"")
                .doesNotContain("<b onmouseover")
                .doesNotContain("<svg onload");
        // BlueJet: 3 of the airlines' 5 mentions a minute, against 2 of 4 the day before.
        assertThat(dom).contains("60.0%").contains("50.0%").contains("+10.0 pts");
        assertThat(dom)
                .contains("Skyline &lt;Air&gt;")
                .contains("&lt;/script&gt;&lt;script&gt;window.hacked");
        assertThat(dom).contains("bluejet (airlines): negative volume 212").contains("Discover");
        assertThat(dom).contains("bluejet OR \"blue pass\"");

        Files.copy(
                html, Path.of("target", "report-itcase.html"), StandardCopyOption.REPLACE_EXISTING);
        Path screenshot = Path.of("target", "report-itcase.png");
        chromium.screenshot(html, screenshot, 1280, 4000);
        assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    }

    @Test
    void anEmptyPeriodOrAnUnreachableElasticsearchSaysWhatToCheck(@TempDir Path dir) {
        Run empty =
                run(
                        "report",
                        "--es",
                        SharedServers.elasticsearch().httpUrl(),
                        "--index-prefix",
                        "report-it-none-" + System.nanoTime(),
                        "--from",
                        "2026-11-10",
                        "--to",
                        "2026-11-11",
                        "--out",
                        dir.resolve("empty.html").toString());
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.stderr())
                .contains("no window metrics for all queries")
                .contains("holds none at all");
        assertThat(dir.resolve("empty.html")).doesNotExist();

        Run unreachable =
                run(
                        "report",
                        "--es",
                        "http://127.0.0.1:1",
                        "--out",
                        dir.resolve("x.html").toString());
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.stderr())
                .contains("cannot reach Elasticsearch at [http://127.0.0.1:1]");

        Run badTime =
                run("report", "--from", "last tuesday", "--out", dir.resolve("x.html").toString());
        assertThat(badTime.exitCode()).isEqualTo(1);
        assertThat(badTime.stderr()).contains("bad time 'last tuesday'");
    }

    /**
     * A day of 1-minute windows and the day before it: BlueJet 3 mentions a minute (2 before),
     * Skyline Air 2 (2), Brewhaus 1 (1); mentions with topics, hashtags, hostile texts and a spam
     * post; one BlueJet alert episode at 10:30.
     */
    private static List<Document> documents(ReportDocuments documents) {
        List<Document> all = new ArrayList<>();
        for (Instant minute = PREVIOUS;
                minute.isBefore(TO);
                minute = minute.plus(Duration.ofMinutes(1))) {
            boolean current = !minute.isBefore(FROM);
            Sentiment bluejet = current ? new Sentiment(1, 1, 1) : new Sentiment(0, 1, 1);
            all.add(documents.window("bluejet", "airlines", minute, bluejet, 300, 30));
            all.add(
                    documents.window(
                            "skyline-air", "airlines", minute, new Sentiment(0, 1, 1), 200, 20));
            all.add(
                    documents.window(
                            "brewhaus", "coffee", minute, new Sentiment(0, 0, 1), 100, 10));
            all.add(
                    documents.window(
                            "airlines",
                            null,
                            minute,
                            current ? new Sentiment(1, 2, 2) : new Sentiment(0, 2, 2),
                            500,
                            50));
            all.add(documents.window("coffee", null, minute, new Sentiment(0, 0, 1), 100, 10));
        }
        for (int i = 0; i < 12; i++) {
            Instant at = FROM.plus(Duration.ofMinutes(60 * i + 7));
            all.add(
                    documents.mention(
                            Platform.x,
                            "d" + i,
                            at,
                            "traveller" + i,
                            100 + i,
                            "bluejet delay number " + i,
                            "https://x.example/d" + i,
                            10 + i,
                            "negative",
                            List.of("bluejet"),
                            List.of("delay", "gate"),
                            List.of("bluejet"),
                            List.of()));
        }
        for (int i = 0; i < 3; i++) {
            Instant at = PREVIOUS.plus(Duration.ofMinutes(60 * i + 7));
            all.add(
                    documents.mention(
                            Platform.x,
                            "p" + i,
                            at,
                            "traveller" + i,
                            100,
                            "bluejet was fine " + i,
                            "https://x.example/p" + i,
                            5,
                            "positive",
                            List.of("bluejet"),
                            List.of("gate"),
                            List.of("bluejet"),
                            List.of()));
        }
        all.add(
                documents.mention(
                        Platform.reddit,
                        "h1",
                        FROM.plus(Duration.ofHours(9)),
                        HOSTILE_AUTHOR,
                        1_000_000,
                        HOSTILE_POST,
                        "javascript:alert(4)",
                        900,
                        "negative",
                        List.of("bluejet", "skyline-air"),
                        List.of(HOSTILE_TOPIC, "delay"),
                        List.of("fail"),
                        List.of()));
        all.add(
                documents.mention(
                        Platform.x,
                        "s1",
                        FROM.plus(Duration.ofHours(3)),
                        "spambot",
                        5_000_000,
                        "spam spam buy now",
                        "https://spam.example/",
                        1_000_000,
                        "neutral",
                        List.of("bluejet"),
                        List.of("crypto"),
                        List.of("free"),
                        List.of("spam")));
        all.add(
                documents.mention(
                        Platform.x,
                        "c1",
                        FROM.plus(Duration.ofHours(2)),
                        "latte_lover",
                        50,
                        "brewhaus maple oat latte",
                        "https://x.example/c1",
                        3,
                        "positive",
                        List.of("brewhaus"),
                        List.of("latte"),
                        List.of("coffee"),
                        List.of()));
        all.add(
                documents.alert(
                        "bluejet",
                        "airlines",
                        "negative_volume",
                        "high",
                        "resolved",
                        FROM.plus(Duration.ofMinutes(630)),
                        FROM.plus(Duration.ofMinutes(660)),
                        "bluejet (airlines): negative volume 212 in 10:31-10:32 UTC, expected 4 (normal up to 11); high <i>x</i>",
                        "https://kibana.example/app/discover#/?_a=(query:'bluejet')"));
        return all;
    }

    private static JsonNode selfCheck(String dom) throws Exception {
        Matcher matcher =
                Pattern.compile(
                                "<pre id=\"hark-self-check\" hidden=\"\">(.*?)</pre>",
                                Pattern.DOTALL)
                        .matcher(dom);
        assertThat(matcher.find()).as("the self-check in the DOM").isTrue();
        String json =
                matcher.group(1)
                        .replace("&quot;", "\"")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(stdout);
            CommandLine commandLine = Hark.commandLine();
            commandLine.setErr(new PrintWriter(stderr, true));
            int exitCode = commandLine.execute(args);
            return new Run(
                    exitCode,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
        }
    }
}
