// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Links into Kibana for alerts: Discover on the mentions data view (id {@code PREFIX-mentions}, as
 * Hark's saved objects define it), filtered to one query and a time range. Every value is quoted
 * for the language it lands in (KQL inside rison inside the URL), so no query id can widen the
 * filter, add a parameter or end the link.
 *
 * @param baseUrl Kibana's address as on-call staff reach it, e.g. {@code
 *     https://kibana.example.com}
 */
public record KibanaLinks(String baseUrl, String dataViewId) implements Serializable {
    /**
     * Rison's punctuation, kept readable; everything else but ASCII letters and digits is
     * percent-encoded.
     */
    private static final String KEPT = "()!:,'_-.*~/";

    /** Discover on the mentions of one query in a time range. */
    public String discover(String queryId, Instant from, Instant to) {
        return discoverWhere("matched_queries:" + kqlString(queryId), from, to);
    }

    /** Discover on every mention in a time range. */
    public String discoverAll(Instant from, Instant to) {
        return discoverWhere("", from, to);
    }

    private String discoverWhere(String kql, Instant from, Instant to) {
        String global =
                "(time:(from:"
                        + risonString(from.toString())
                        + ",to:"
                        + risonString(to.toString())
                        + "))";
        String app =
                "(dataSource:(dataViewId:"
                        + risonString(dataViewId)
                        + ",type:dataView),"
                        + "query:(language:kuery,query:"
                        + risonString(kql)
                        + "))";
        return stripSlash(baseUrl) + "/app/discover#/?_g=" + encode(global) + "&_a=" + encode(app);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A quoted KQL value: a backslash escapes quotes and backslashes. */
    private static String kqlString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A rison string: single-quoted, '!' escaping '!' and quotes. */
    private static String risonString(String value) {
        return "'" + value.replace("!", "!!").replace("'", "!'") + "'";
    }

    /**
     * Percent-encodes {@code rison}'s UTF-8 bytes, so none can start another parameter or fragment.
     */
    private static String encode(String rison) {
        StringBuilder out = new StringBuilder();
        for (byte b : rison.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean asciiLetterOrDigit =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (asciiLetterOrDigit || KEPT.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
