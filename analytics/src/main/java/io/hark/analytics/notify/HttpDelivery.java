// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * POSTs JSON, retrying with exponential backoff and jitter where another try may succeed: network
 * errors, timeouts, 429 and 5xx. Any other response is final. One instance can serve every
 * notifier; it is thread-safe.
 */
public final class HttpDelivery {
    private static final int MAX_QUOTED_BODY = 200;

    /** Waits between attempts; tests record the waits instead. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final DeliverySettings settings;
    private final HttpClient client;
    private final Pause pause;

    public HttpDelivery(DeliverySettings settings) {
        this(settings, duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()));
    }

    HttpDelivery(DeliverySettings settings, Pause pause) {
        this.settings = settings;
        this.pause = pause;
        this.client =
                HttpClient.newBuilder()
                        // webhooks over plain http would otherwise be offered an h2c upgrade, which
                        // some servers mishandle
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(settings.timeout())
                        .build();
    }

    /**
     * Sends {@code json} to {@code endpoint} until it is accepted or no attempt is left. {@code
     * secret} is masked wherever the result quotes the server.
     */
    public DeliveryResult postJson(URI endpoint, String json, Secret secret) {
        HttpRequest request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(settings.timeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
        Attempt last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (last != null) {
                try {
                    pause.pause(waitAfter(last));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return DeliveryResult.failure(
                            last.number(), last.status(), "interrupted; last: " + last.error());
                }
            }
            last = send(request, attempt, secret);
            if (last.status() / 100 == 2) {
                return DeliveryResult.success(attempt, last.status());
            }
            if (!last.retryable()) {
                break;
            }
        }
        return DeliveryResult.failure(last.number(), last.status(), last.error());
    }

    private Attempt send(HttpRequest request, int number, Secret secret) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return Attempt.withoutResponse(
                    number, "timed out after " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            // exception messages may quote the URL, so only the kind of failure is kept
            return Attempt.withoutResponse(
                    number, "network error: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(number, 0, false, Optional.empty(), "interrupted");
        }
        int status = response.statusCode();
        boolean retryable = status == 429 || status / 100 == 5;
        Optional<Duration> retryAfter =
                status == 429
                        ? response.headers()
                                .firstValue("Retry-After")
                                .flatMap(HttpDelivery::retryAfter)
                        : Optional.empty();
        return new Attempt(
                number,
                status,
                retryable,
                retryAfter,
                "HTTP " + status + quoted(response.body(), secret));
    }

    private Duration waitAfter(Attempt failed) {
        return failed.retryAfter().map(this::capped).orElseGet(() -> backoff(failed.number()));
    }

    /**
     * Exponential from the initial backoff, with equal jitter so that retries of many alerts spread
     * out.
     */
    private Duration backoff(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration exponential = capped(settings.initialBackoff().multipliedBy(1L << doublings));
        long half = exponential.toNanos() / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private Duration capped(Duration wait) {
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    /** Retry-After as seconds or as an HTTP date; empty when it is neither. */
    static Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at =
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** The start of a response body, which often says what was wrong ("invalid_payload"). */
    private static String quoted(String body, Secret secret) {
        String text = secret.redact(body).strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + AlertText.truncate(text, MAX_QUOTED_BODY);
    }

    private record Attempt(
            int number,
            int status,
            boolean retryable,
            Optional<Duration> retryAfter,
            String error) {
        static Attempt withoutResponse(int number, String error) {
            return new Attempt(number, 0, true, Optional.empty(), error);
        }
    }
}
