// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void isNeverPrinted() {
        assertThat(Secret.of("s3cret")).hasToString("***");
        assertThat(Secret.of("s3cret").reveal()).isEqualTo("s3cret");
    }

    @Test
    void maskedUrlKeepsOnlySchemeHostAndPort() {
        assertThat(
                        Secret.of("https://user:pw@hooks.slack.com/services/T0/B0/s3cret?x=1")
                                .maskedUrl())
                .isEqualTo("https://hooks.slack.com/***");
        assertThat(Secret.of("http://alerts.internal:8080/hark").maskedUrl())
                .isEqualTo("http://alerts.internal:8080/***");
    }

    @Test
    void rejectsWhatIsNotAnHttpUrlWithoutQuotingIt() {
        assertThatThrownBy(() -> Secret.of("https://hooks slack/s3cret").revealUrl())
                .hasMessage("not a valid URL")
                .hasNoCause();
        assertThatThrownBy(() -> Secret.of("ftp://files.example/s3cret").revealUrl())
                .hasMessage("not an http(s) URL with a host");
        assertThatThrownBy(() -> Secret.of("s3cret").revealUrl())
                .hasMessage("not an http(s) URL with a host");
    }

    @Test
    void redactsAUrlsPathAndTokensWhereAServerQuotesThemWithoutTheWholeUrl() {
        Secret url =
                Secret.of("https://hooks.example/hooks/T0123/s3cret-token-value?sig=abcdef123456");
        assertThat(url.redact("no such hook: /hooks/T0123/s3cret-token-value"))
                .isEqualTo("no such hook: ***")
                .doesNotContain("s3cret");
        assertThat(url.redact("token s3cret-token-value revoked; signature abcdef123456 expired"))
                .isEqualTo("token *** revoked; signature *** expired");
        assertThat(url.redact("hooks are down")).isEqualTo("hooks are down");
        assertThat(Secret.of("routing-key-value").redact("bad key routing-key-value"))
                .isEqualTo("bad key ***");
    }

    @Test
    void rejectsABlankSecret() {
        assertThatThrownBy(() -> Secret.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
