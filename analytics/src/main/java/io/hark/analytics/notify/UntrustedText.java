// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text that people outside the team wrote (posts, author names, terms, hashtags) or that arrives
 * from the query topic (query names and groups), made inert before it goes into a message on-call
 * staff receive. It still reads the same, but it cannot ping anyone ({@code <!channel>},
 * {@code @here}, {@code <@U123>}), disguise a link ({@code <http://evil|click>}, {@code
 * [x](http://evil)}), format the message ({@code *bold*}, quotes, code) or rearrange it (line
 * breaks, right-to-left overrides). JSON quoting itself is Jackson's job; lone surrogates, which
 * cannot be encoded, become U+FFFD.
 */
final class UntrustedText {
    /**
     * Invisible, and keeps a receiver from reading the characters on both sides of it as one token.
     */
    private static final char WORD_JOINER = '\u2060';

    private static final char REPLACEMENT = '\uFFFD';

    /**
     * Whitespace, controls, line and paragraph separators, bidi embeddings, overrides and isolates.
     */
    private static final Pattern LAYOUT =
            Pattern.compile(
                    "[\\s\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]+",
                    Pattern.UNICODE_CHARACTER_CLASS);

    private UntrustedText() {}

    /**
     * For plain-text fields (PagerDuty, Slack's {@code plain_text}): one line, no mention or link
     * syntax.
     */
    static String plain(String text) {
        return inert(text, false);
    }

    /**
     * For Slack's {@code mrkdwn}: {@link #plain} with Slack's control characters {@code & < >}
     * escaped and the formatting marks, which mrkdwn cannot escape, swapped for look-alikes.
     */
    static String slackMrkdwn(String text) {
        return inert(text, true);
    }

    /** A Slack link to {@code url} reading {@code label}, if {@code url} is a {@link #webLink}. */
    static Optional<String> slackLink(String url, String label) {
        // a parsed URI holds no '<', '>', '|' or space, so only '&' needs Slack's escape
        return webLink(url)
                .map(link -> "<" + link.replace("&", "&amp;") + "|" + slackMrkdwn(label) + ">");
    }

    /**
     * {@code url} if it is an absolute http(s) URL, so a post's link cannot be a script or a Slack
     * token.
     */
    static Optional<String> webLink(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web =
                    (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            return web ? Optional.of(uri.toASCIIString()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String inert(String text, boolean mrkdwn) {
        String line = LAYOUT.matcher(text).replaceAll(" ").strip();
        StringBuilder out = new StringBuilder(line.length() + 16);
        if (mrkdwn && line.startsWith(">")) {
            out.append(WORD_JOINER); // mrkdwn quotes a line that starts with '>'
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < line.length()
                    && Character.isLowSurrogate(line.charAt(i + 1))) {
                out.append(c).append(line.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                if (mrkdwn) {
                    appendMrkdwn(c, out);
                } else {
                    out.append(c);
                }
                // "<!channel>", "<@U123>", "@here" and "[x](url)" stay visible but are no longer
                // syntax
                boolean markdownLink =
                        c == ']' && i + 1 < line.length() && line.charAt(i + 1) == '(';
                if ((c == '<' && !mrkdwn) || c == '@' || markdownLink) {
                    out.append(WORD_JOINER);
                }
            }
        }
        return out.toString();
    }

    private static void appendMrkdwn(char c, StringBuilder out) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '*' -> out.append('\u2217'); // ∗ asterisk operator
            case '_' -> out.append('\u02CD'); // ˍ modifier letter low macron
            case '~' -> out.append('\u223C'); // ∼ tilde operator
            case '`' -> out.append('\u02CB'); // ˋ modifier letter grave accent
            default -> out.append(c);
        }
    }
}
