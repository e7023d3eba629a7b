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
    assertThat(Secret.of("https://user:pw@hooks.slack.com/services/T0/B0/s3cret?x=1").maskedUrl())
        .isEqualTo("https://hooks.slack.com/***");
    assertThat(Secret.of("http://alerts.internal:8080/hark").maskedUrl()).isEqualTo("http://alerts.internal:8080/***");
  }

  @Test
  void rejectsWhatIsNotAnHttpUrlWithoutQuotingIt() {
    assertThatThrownBy(() -> Secret.of("https://hooks slack/s3cret").revealUrl())
        .hasMessage("not a valid URL").hasNoCause();
    assertThatThrownBy(() -> Secret.of("ftp://files.example/s3cret").revealUrl())
        .hasMessage("not an http(s) URL with a host");
    assertThatThrownBy(() -> Secret.of("s3cret").revealUrl())
        .hasMessage("not an http(s) URL with a host");
  }

  @Test
  void rejectsABlankSecret() {
    assertThatThrownBy(() -> Secret.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
