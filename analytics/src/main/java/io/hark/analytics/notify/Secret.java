// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A webhook URL or routing key: whoever has it can post alerts, so it is never printed. Only
 * {@link #reveal} and {@link #revealUrl} give it out, for the request itself.
 */
public final class Secret {
  private static final String MASK = "***";

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
    boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
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

  /** {@code text} with every occurrence of the secret masked, for messages quoting a server. */
  String redact(String text) {
    return text.replace(value, MASK);
  }

  @Override
  public String toString() {
    return MASK;
  }
}
