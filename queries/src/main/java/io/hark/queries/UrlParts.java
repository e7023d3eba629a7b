// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.Locale;

/**
 * The lower-cased host and the path of a URL, read leniently: the scheme is optional, so the same
 * reading serves mentions' URLs and the values of {@code url:} filters.
 */
record UrlParts(String host, String path) {
    /** The parts of {@code url}, or null when it has no host. */
    static UrlParts of(String url) {
        String rest = url.strip();
        int scheme = rest.indexOf("://");
        if (scheme >= 0 && scheme < firstOf(rest, "/?#", 0)) {
            rest = rest.substring(scheme + 3);
        } else if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int authorityEnd = firstOf(rest, "/?#", 0);
        int userInfoEnd = rest.lastIndexOf('@', authorityEnd - 1) + 1;
        String authority = rest.substring(userInfoEnd, authorityEnd);
        int port = authority.lastIndexOf(':');
        String host =
                (port >= 0 && !authority.endsWith("]") ? authority.substring(0, port) : authority)
                        .toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return null;
        }
        boolean hasPath = authorityEnd < rest.length() && rest.charAt(authorityEnd) == '/';
        String path =
                hasPath ? rest.substring(authorityEnd, firstOf(rest, "?#", authorityEnd)) : "";
        return new UrlParts(host, path);
    }

    private static int firstOf(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
