// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KibanaLinksTest {
    private static final KibanaLinks KIBANA =
            new KibanaLinks("https://kibana.example/", "hark-mentions");
    private static final Instant FROM = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant TO = Instant.parse("2026-03-01T11:00:00Z");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "acme",
                "x'&_g=(time:(from:now-100y))",
                "ends-with!",
                "!'!!'",
                "\" or *:* or \"",
                "back\\slash\\",
                "a b#c%20?d&e=f",
                "caf\u00e9 \ud83d\udd25",
                "\n\t\u0000",
                ")),_a=(query:(language:kuery,query:'*'))"
            })
    void aQueryIdStaysInsideItsFilter(String queryId) throws Exception {
        String link = KIBANA.discover(queryId, FROM, TO);

        URI uri = new URI(link);
        assertThat(uri.getRawFragment()).startsWith("/?_g=");
        String[] parameters = uri.getRawFragment().substring("/?".length()).split("&");
        assertThat(
                        Arrays.stream(parameters)
                                .map(parameter -> parameter.substring(0, parameter.indexOf('='))))
                .containsExactly("_g", "_a");
        assertThat(link)
                .matches(
                        "https://kibana\\.example/app/discover#/\\?_g=[A-Za-z0-9()!:,'_.*~/%-]+&_a=[A-Za-z0-9()!:,'_.*~/%-]+");
        String app =
                URLDecoder.decode(parameters[1].substring("_a=".length()), StandardCharsets.UTF_8);
        String kuery = risonStringAfter(app, "query:(language:kuery,query:");
        assertThat(kuery).startsWith("matched_queries:\"");
        assertThat(kqlStringAt(kuery, "matched_queries:".length())).isEqualTo(queryId);
        String global =
                URLDecoder.decode(parameters[0].substring("_g=".length()), StandardCharsets.UTF_8);
        assertThat(global)
                .isEqualTo("(time:(from:'2026-03-01T09:30:00Z',to:'2026-03-01T11:00:00Z'))");
    }

    /**
     * The rison string right after {@code prefix}, unescaped; it must close the operand it opened.
     */
    private static String risonStringAfter(String rison, String prefix) {
        assertThat(rison).contains(prefix + "'");
        StringBuilder value = new StringBuilder();
        int i = rison.indexOf(prefix) + prefix.length() + 1;
        for (; rison.charAt(i) != '\''; i++) {
            value.append(rison.charAt(i) == '!' ? rison.charAt(++i) : rison.charAt(i));
        }
        assertThat(rison.substring(i + 1)).isEqualTo("))");
        return value.toString();
    }

    /** The quoted KQL value at {@code start}, unescaped; nothing may follow it. */
    private static String kqlStringAt(String kql, int start) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        for (; kql.charAt(i) != '"'; i++) {
            value.append(kql.charAt(i) == '\\' ? kql.charAt(++i) : kql.charAt(i));
        }
        assertThat(kql.substring(i + 1)).as("after the query id in %s", kql).isEmpty();
        return value.toString();
    }
}
