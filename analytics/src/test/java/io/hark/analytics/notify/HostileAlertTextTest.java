// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.TermLift;
import io.hark.schema.TopAuthor;
import io.hark.schema.TopPost;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Posts, authors, terms and query names written to cause trouble, through the real notifiers to a
 * local server: whatever they hold, the JSON parses, nobody is pinged, no link or formatting gets
 * in, and the text still reads as written.
 */
class HostileAlertTextTest {
    private static final String WORD_JOINER = "\u2060";

    /** What would ping or link if a receiver read it as markup. */
    private static final List<String> PINGS_AND_LINKS =
            List.of("<!", "<@", "<#", "@here", "@channel", "@everyone", "](");

    /** What would format the text where it is read as Slack mrkdwn. */
    private static final List<String> FORMATTING =
            List.of("*bold*", "_italic_", "~struck~", "`code`", "*fake*", "_alert_");

    /**
     * Controls (a Slack line break is Hark's own '\n'), separators, bidi overrides, lone
     * surrogates.
     */
    private static final Pattern DISRUPTIVE =
            Pattern.compile(
                    "[\\x00-\\x09\\x0B-\\x1F\\x7F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]"
                            + "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    private static final Pattern SLACK_ANGLE_BRACKETS = Pattern.compile("<([^>]*)>");
    private static final String HOSTILE_POST =
            "<!channel> <!here|here> <@U123> <#C123> <!subteam^S1|oncall> @here @channel"
                    + " <http://evil.example|your refund> [click](http://evil.example) *bold* _italic_ ~struck~ `code`"
                    + " \"quotes\" \\back\\slash\n> quoted\u2028line\u2029para \u0000\u0007\u001B \u202Eevil\u202C \uD800 \uDC00 🔥&amp;";

    private final RecordingServer server;
    private final SlackNotifier slack;
    private final PagerDutyNotifier pagerDuty;
    private final WebhookNotifier webhook;

    HostileAlertTextTest() throws IOException {
        server = new RecordingServer();
        HttpDelivery once =
                new HttpDelivery(
                        new DeliverySettings(
                                Duration.ofSeconds(2), 1, Duration.ZERO, Duration.ZERO));
        slack = new SlackNotifier(Secret.of(server.uri("/slack").toString()), once);
        pagerDuty =
                new PagerDutyNotifier(
                        Secret.of("R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY01"), server.uri("/pd"), once);
        webhook = new WebhookNotifier(Secret.of(server.uri("/hook").toString()), once);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                HOSTILE_POST,
                "<!channel>",
                "@everyone look",
                "<@U0123ABC|boss>",
                "> *fake* _alert_",
                "[x](javascript:alert(1))",
                "\\\"}],\"text\":\"injected\"}",
                "\u2028\u2029",
                "&lt;!channel&gt;",
                "\uDBFF",
                "\u202E@here"
            })
    void slackMessagesCarryNoMarkupFromMentions(String hostile) {
        JsonNode message = sent(slack, everywhere(hostile, AlertState.opened));

        texts(message).forEach(HostileAlertTextTest::assertNoPingsOrLinks);
        List<JsonNode> mrkdwn =
                message.findParents("type").stream()
                        .filter(node -> node.get("type").asText().equals("mrkdwn"))
                        .toList();
        mrkdwn.forEach(
                node ->
                        assertThat(node.get("verbatim").asBoolean())
                                .as("verbatim %s", node)
                                .isTrue());
        Stream.concat(Stream.of(message.get("text")), mrkdwn.stream().map(node -> node.get("text")))
                .map(JsonNode::asText)
                .forEach(HostileAlertTextTest::assertNoSlackMarkup);
        assertThat(message.get("unfurl_links").asBoolean()).isFalse();
        assertThat(message.get("unfurl_media").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                HOSTILE_POST,
                "<!channel>",
                "@here",
                "[click](http://evil.example)",
                "\uD800\u2028"
            })
    void slackResolutionsCarryNoMarkupFromMentions(String hostile) {
        JsonNode message = sent(slack, everywhere(hostile, AlertState.resolved));

        texts(message).forEach(HostileAlertTextTest::assertNoPingsOrLinks);
        texts(message).forEach(HostileAlertTextTest::assertNoSlackMarkup);
    }

    @Test
    void slackShowsPostsAndNamesAsWritten() {
        JsonNode message = sent(slack, everywhere(HOSTILE_POST, AlertState.opened));

        assertThat(seenInSlack(message.get("blocks").get(0).get("text").get("text").asText()))
                .startsWith(
                        "HIGH · <!channel> <!here|here> <@U123> <#C123> <!subteam^S1|oncall> @here");
        String post =
                texts(message).stream()
                        .filter(text -> text.contains("· reach 120,000"))
                        .findFirst()
                        .orElseThrow();
        assertThat(seenInSlack(post))
                .startsWith("*<!channel> <!here|here> <@U123>")
                .contains(
                        "\n><!channel> <!here|here> <@U123> <#C123> <!subteam^S1|oncall> @here @channel",
                        "<http://evil.example|your refund> [click](http://evil.example)",
                        "\"quotes\" \\back\\slash > quoted line");
        assertThat(post)
                .contains("∗bold∗ ˍitalicˍ ∼struck∼ ˋcodeˋ")
                .endsWith(" evil \uFFFD \uFFFD 🔥&amp;amp;\n<https://x.example/1|Open post>");
    }

    @Test
    void slackLinksOnlyToWebAddresses() {
        Alert alert =
                TestAlerts.builder(AlertState.opened)
                        .setTopNegativePosts(
                                List.of(
                                        post("javascript:alert(document.cookie)", "script"),
                                        post("https://x.example/a?b=1&c=<!channel>", "bracketed"),
                                        post("https://x.example/a?b=1&c=2", "ampersand")))
                        .build();

        List<String> texts = texts(sent(slack, alert));

        assertThat(texts)
                .anyMatch(text -> text.startsWith("*script*") && !text.contains("Open post"));
        assertThat(texts)
                .anyMatch(text -> text.startsWith("*bracketed*") && !text.contains("Open post"));
        assertThat(texts)
                .anyMatch(
                        text ->
                                text.startsWith("*ampersand*")
                                        && text.endsWith(
                                                "<https://x.example/a?b=1&amp;c=2|Open post>"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                HOSTILE_POST,
                "<!channel>",
                "@here",
                "[click](http://evil.example)",
                "\uD800\u2028",
                "\"}\\"
            })
    void pagerDutyEventsCarryNoMarkupFromMentions(String hostile) {
        JsonNode event = sent(pagerDuty, everywhere(hostile, AlertState.opened));

        for (String text : texts(event.get("payload"))) {
            assertNoPingsOrLinks(text);
            assertThat(text).as("a '<' is only ever text").doesNotContainPattern("<(?!\u2060)");
        }
        assertThat(event.get("payload").get("summary").asText()).isNotBlank();
    }

    @Test
    void pagerDutyShowsPostsAsWrittenOnOneLine() {
        JsonNode details =
                sent(pagerDuty, everywhere(HOSTILE_POST, AlertState.opened))
                        .get("payload")
                        .get("custom_details");
        JsonNode post = details.get("top_negative_posts").get(0);

        assertThat(seenInPagerDuty(post.get("text")))
                .isEqualTo(
                        "<!channel> <!here|here> <@U123> <#C123> <!subteam^S1|oncall> @here @channel"
                                + " <http://evil.example|your refund> [click](http://evil.example) *bold* _italic_ ~struck~ `code`"
                                + " \"quotes\" \\back\\slash > quoted line para evil \uFFFD \uFFFD 🔥&amp;");
        assertThat(seenInPagerDuty(post.get("author"))).startsWith("<!channel> <!here|here>");
        assertThat(post.get("url").asText()).isEqualTo("https://x.example/1");
        assertThat(seenInPagerDuty(details.get("top_authors").get(0).get("username")))
                .startsWith("<!channel>");
    }

    @Test
    void pagerDutyLeavesOutLinksThatAreNotWebAddresses() {
        Alert alert =
                TestAlerts.builder(AlertState.opened)
                        .setTopNegativePosts(List.of(post("javascript:alert(1)", "script")))
                        .build();

        JsonNode post =
                sent(pagerDuty, alert)
                        .get("payload")
                        .get("custom_details")
                        .get("top_negative_posts")
                        .get(0);

        assertThat(post.has("url")).isFalse();
        assertThat(post.get("author").asText()).isEqualTo("script");
    }

    @Test
    void webhooksGetTheAlertAsItIsInValidJson() {
        String text = "\"}],\"injected\":true,\\ \u0000\u001F\u2028\u2029 <!channel> 🔥";

        JsonNode alert =
                sent(webhook, TestAlerts.builder(AlertState.opened).setSummary(text).build());

        assertThat(alert.get("summary").asText()).isEqualTo(text);
        assertThat(alert.has("injected")).isFalse();
    }

    /** {@code hostile} in every field of an alert that mentions or query definitions fill. */
    private static Alert everywhere(String hostile, AlertState state) {
        return TestAlerts.builder(state)
                .setQueryId(hostile)
                .setQueryName(hostile)
                .setGroup(hostile)
                .setSummary("412 negative mentions of " + hostile)
                .setTopNegativePosts(
                        List.of(
                                new TopPost(
                                        "x:1",
                                        hostile,
                                        "https://x.example/1",
                                        hostile,
                                        120_000L,
                                        10L,
                                        "negative")))
                .setOverRepresentedTerms(List.of(new TermLift(hostile, 37L, 4.2)))
                .setOverRepresentedHashtags(List.of(new TermLift("#" + hostile, 15L, 5.0)))
                .setTopAuthors(List.of(new TopAuthor(hostile, hostile, 120_000L, 3L)))
                .build();
    }

    private static TopPost post(String url, String author) {
        return new TopPost("x:" + author, "text of " + author, url, author, 10L, 1L, "negative");
    }

    private JsonNode sent(Notifier notifier, Alert alert) {
        assertThat(notifier.deliver(alert).delivered()).isTrue();
        List<RecordingServer.Request> requests = server.requests();
        return requests.get(requests.size() - 1).json();
    }

    /** Slack mrkdwn: no formatting, no quote, no {@code <...>} token but Hark's own post link. */
    private static void assertNoSlackMarkup(String text) {
        assertThat(text).doesNotContain(FORMATTING);
        assertThat(text.lines())
                .as("no quote a mention started")
                .noneMatch(line -> line.startsWith("&gt;") || line.startsWith(">>"));
        Matcher brackets = SLACK_ANGLE_BRACKETS.matcher(text);
        while (brackets.find()) {
            assertThat(brackets.group(1))
                    .as("the only Slack token is Hark's post link")
                    .matches("https://x\\.example/1\\|Open post");
        }
    }

    private static void assertNoPingsOrLinks(String text) {
        assertThat(text).as("markup in %s", text).doesNotContain(PINGS_AND_LINKS);
        assertThat(DISRUPTIVE.matcher(text).find())
                .as("disruptive character in %s", text)
                .isFalse();
    }

    /** Every string value in {@code node}, however deeply nested. */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> texts.addAll(texts(child)));
        return texts;
    }

    /** What a person sees in PagerDuty: word joiners are invisible. */
    private static String seenInPagerDuty(JsonNode text) {
        return text.asText().replace(WORD_JOINER, "");
    }

    /** What a person sees in Slack, which also decodes its three entities. */
    private static String seenInSlack(String text) {
        return text.replace(WORD_JOINER, "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
