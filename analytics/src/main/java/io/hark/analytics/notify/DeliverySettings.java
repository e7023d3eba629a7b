// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to try delivering one alert.
 *
 * @param timeout for connecting, and again for the whole request
 * @param maxAttempts requests at most, the first included
 * @param initialBackoff the wait before the first retry; it doubles for each further retry
 * @param maxBackoff the longest wait between attempts, also for a server's Retry-After
 */
public record DeliverySettings(
        Duration timeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public DeliverySettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= initialBackoff <= maxBackoff: "
                            + initialBackoff
                            + ", "
                            + maxBackoff);
        }
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(
                Duration.ofSeconds(5), 4, Duration.ofMillis(500), Duration.ofSeconds(10));
    }
}
