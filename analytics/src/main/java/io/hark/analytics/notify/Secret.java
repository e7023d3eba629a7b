// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A webhook URL or routing key: whoever has it can post alerts, so it is never printed. Only {@link
 * #reveal} and {@link #revealUrl} give it out, for the request itself.
 */
public final class Secret {
    private static final String MASK = "***";

    /**
     * Shorter path segments ("hooks", "v2") are names, not tokens; masking them would only hide
     * what failed.
     */
    private static final int MIN_TOKEN_LENGTH = 8;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be blank");
        }
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    /** The secret as an http(s) URL; the exception, if any, does not quote it. */
    public URI revealUrl() {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            // the parser's message quotes the input, so it is not passed on
            throw new IllegalArgumentException("not a valid URL");
        }
        boolean http =
                "http".equalsIgnoreCase(uri.getScheme())
                        || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL with a host");
        }
        return uri;
    }

    /**
     * The URL's scheme, host and port: enough to tell targets apart, while the path and query,
     * where webhook tokens live, stay hidden.
     */
    public String maskedUrl() {
        URI uri = revealUrl();
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + "/" + MASK;
    }

    /**
     * {@code text} with every occurrence of the secret masked, for messages quoting a server. A
     * server rarely quotes a webhook's whole URL but often its path ("no such hook:
     * /hooks/T0/..."), where the token is, so for a URL the path, the query and their longer parts
     * are masked too.
     */
    String redact(String text) {
        String redacted = text.replace(value, MASK);
        for (String part : urlParts()) {
            redacted = redacted.replace(part, MASK);
        }
        return redacted;
    }

    /**
     * The path and query of a URL secret and their parts long enough to be tokens, longest first;
     * none otherwise.
     */
    private List<String> urlParts() {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException notUrl) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String whole :
                new String[] {uri.getRawPath(), uri.getRawQuery(), uri.getPath(), uri.getQuery()}) {
            if (whole != null && whole.length() > 1) {
                parts.add(whole);
                Arrays.stream(whole.split("[/&=]"))
                        .filter(part -> part.length() >= MIN_TOKEN_LENGTH)
                        .forEach(parts::add);
            }
        }
        parts.sort(Comparator.comparingInt(String::length).reversed());
        return parts;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
