// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.TermLift;
import io.hark.schema.TopAuthor;
import io.hark.schema.TopPost;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An alert as a Slack incoming-webhook message: a fallback {@code text} for notifications and Block
 * Kit {@code blocks} for the channel. Resolutions get a short message of their own.
 */
final class SlackMessage {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // Slack rejects the whole message when a block's text is over its limit
    private static final int MAX_HEADER = 150;
    private static final int MAX_SECTION = 3000;
    private static final int MAX_POSTS = 3;
    private static final int MAX_POST_TEXT = 280;
    private static final DateTimeFormatter MINUTE = utc("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = utc("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = utc("HH:mm");

    private SlackMessage() {}

    static ObjectNode of(Alert alert) {
        return alert.getState() == AlertState.resolved ? resolved(alert) : active(alert);
    }

    private static ObjectNode resolved(Alert alert) {
        ObjectNode message = NODES.objectNode();
        message.put(
                "text",
                "Resolved: "
                        + escape(AlertText.queryName(alert))
                        + ": "
                        + escape(alert.getSummary()));
        message.putArray("blocks")
                .add(
                        section(
                                ":white_check_mark: *Resolved* · "
                                        + escape(AlertText.queryName(alert))
                                        + "\n"
                                        + escape(alert.getSummary())));
        withoutPreviews(message);
        return message;
    }

    private static ObjectNode active(Alert alert) {
        String severity = alert.getSeverity().name().toUpperCase(Locale.ROOT);
        ObjectNode message = NODES.objectNode();
        message.put(
                "text",
                "["
                        + severity
                        + "] "
                        + escape(AlertText.queryName(alert))
                        + ": "
                        + escape(alert.getSummary()));
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject()
                .put("type", "header")
                .set(
                        "text",
                        NODES.objectNode()
                                .put("type", "plain_text")
                                .put(
                                        "text",
                                        AlertText.truncate(
                                                severity
                                                        + " · "
                                                        + UntrustedText.plain(
                                                                AlertText.queryName(alert)),
                                                MAX_HEADER)));
        blocks.add(section(escape(alert.getSummary())));
        blocks.add(facts(alert));
        List<TopPost> posts = alert.getTopNegativePosts();
        if (!posts.isEmpty()) {
            blocks.add(section("*Top negative posts*"));
            posts.stream().limit(MAX_POSTS).forEach(post -> blocks.add(section(post(post))));
        }
        String terms = terms(alert);
        if (!terms.isEmpty()) {
            blocks.add(section(terms));
        }
        if (!alert.getTopAuthors().isEmpty()) {
            blocks.add(
                    section(
                            "*Top authors:* "
                                    + joined(alert.getTopAuthors(), SlackMessage::author)));
        }
        if (alert.getKibanaUrl() != null) {
            blocks.addObject()
                    .put("type", "actions")
                    .putArray("elements")
                    .addObject()
                    .put("type", "button")
                    .put("url", alert.getKibanaUrl())
                    .set(
                            "text",
                            NODES.objectNode()
                                    .put("type", "plain_text")
                                    .put("text", "Open in Kibana"));
        }
        withoutPreviews(message);
        return message;
    }

    private static ObjectNode facts(Alert alert) {
        ObjectNode block = NODES.objectNode().put("type", "section");
        ArrayNode fields = block.putArray("fields");
        field(fields, "Signal", alert.getSignal()); // Hark's own name, underscores and all
        field(fields, "Window", window(alert.getWindowStart(), alert.getWindowEnd()));
        field(
                fields,
                "Actual vs expected",
                AlertText.number(alert.getActual())
                        + " vs "
                        + AlertText.number(alert.getExpected())
                        + " (normal "
                        + AlertText.number(alert.getLower())
                        + "–"
                        + AlertText.number(alert.getUpper())
                        + ")");
        field(fields, "Severity", alert.getSeverity().name());
        field(fields, "State", alert.getState().name());
        return block;
    }

    private static void field(ArrayNode fields, String label, String value) {
        fields.add(mrkdwn("*" + label + "*\n" + value));
    }

    private static String window(Instant start, Instant end) {
        boolean sameDay = DAY.format(start).equals(DAY.format(end));
        return MINUTE.format(start) + "–" + (sameDay ? TIME : MINUTE).format(end) + " UTC";
    }

    private static String post(TopPost post) {
        String text = AlertText.truncate(post.getText(), MAX_POST_TEXT);
        String link =
                UntrustedText.slackLink(post.getUrl(), "Open post")
                        .map(slackLink -> "\n" + slackLink)
                        .orElse("");
        return "*"
                + escape(post.getAuthor())
                + "* · reach "
                + AlertText.number(post.getReach())
                + "\n>"
                + escape(text)
                + link;
    }

    private static String terms(Alert alert) {
        StringBuilder text = new StringBuilder();
        if (!alert.getOverRepresentedTerms().isEmpty()) {
            text.append("*Over-represented terms:* ")
                    .append(joined(alert.getOverRepresentedTerms(), SlackMessage::lift));
        }
        if (!alert.getOverRepresentedHashtags().isEmpty()) {
            text.append(text.length() == 0 ? "" : "\n")
                    .append("*Over-represented hashtags:* ")
                    .append(joined(alert.getOverRepresentedHashtags(), SlackMessage::lift));
        }
        return text.toString();
    }

    private static String lift(TermLift term) {
        return escape(term.getTerm()) + " ×" + AlertText.number(term.getLift());
    }

    private static String author(TopAuthor author) {
        return escape(author.getUsername())
                + " ("
                + escape(author.getPlatform())
                + ", "
                + AlertText.number(author.getFollowers())
                + " followers, "
                + AlertText.number(author.getPosts())
                + " posts)";
    }

    private static <T> String joined(List<T> items, Function<T, String> format) {
        return items.stream().map(format).collect(Collectors.joining(" · "));
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode block = NODES.objectNode().put("type", "section");
        block.set("text", mrkdwn(AlertText.truncate(mrkdwn, MAX_SECTION)));
        return block;
    }

    /** Verbatim: Slack leaves what the text says alone, no auto-linked names, channels or URLs. */
    private static ObjectNode mrkdwn(String text) {
        return NODES.objectNode().put("type", "mrkdwn").put("text", text).put("verbatim", true);
    }

    /** A post's links must not unfold into previews of whatever page its author chose. */
    private static void withoutPreviews(ObjectNode message) {
        message.put("unfurl_links", false).put("unfurl_media", false);
    }

    private static DateTimeFormatter utc(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    /** Names, posts, terms and summaries are {@link UntrustedText}. */
    private static String escape(String text) {
        return UntrustedText.slackMrkdwn(text);
    }
}
