// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static io.hark.analytics.notify.RecordingServer.Reply.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpDeliveryTest {
    private static final Secret SECRET = Secret.of("s3cret-token");
    private static final String JSON = "{\"hello\":\"world\"}";

    private final RecordingServer server;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    HttpDeliveryTest() throws IOException {
        server = new RecordingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Records the waits instead of sleeping through them. */
    private HttpDelivery delivery(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new HttpDelivery(
                new DeliverySettings(
                        Duration.ofSeconds(2), maxAttempts, initialBackoff, maxBackoff),
                pauses::add);
    }

    private DeliveryResult post(HttpDelivery delivery) {
        return delivery.postJson(server.uri("/hook"), JSON, SECRET);
    }

    @Test
    void postsJsonOnce() {
        DeliveryResult result = post(delivery(4, Duration.ofMillis(10), Duration.ofSeconds(1)));

        assertThat(result).isEqualTo(new DeliveryResult(true, 1, 200, null));
        assertThat(server.requests())
                .singleElement()
                .satisfies(
                        request -> {
                            assertThat(request.method()).isEqualTo("POST");
                            assertThat(request.contentType()).isEqualTo("application/json");
                            assertThat(request.body()).isEqualTo(JSON);
                        });
        assertThat(pauses).isEmpty();
    }

    @Test
    void retriesServerErrorsWithGrowingJitteredBackoff() {
        server.replies(status(500), status(500), status(200));

        DeliveryResult result = post(delivery(4, Duration.ofMillis(10), Duration.ofSeconds(1)));

        assertThat(result).isEqualTo(new DeliveryResult(true, 3, 200, null));
        assertThat(server.requests()).hasSize(3);
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
        assertThat(pauses.get(1)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheReason() {
        server.replies(
                status(503).body("busy"),
                status(503).body("busy"),
                status(503).body("busy"),
                status(503).body("busy"),
                status(503).body("busy"));

        DeliveryResult result = post(delivery(5, Duration.ofMillis(10), Duration.ofMillis(25)));

        assertThat(result).isEqualTo(new DeliveryResult(false, 5, 503, "HTTP 503: busy"));
        assertThat(result.failed()).isTrue();
        assertThat(server.requests()).hasSize(5);
        assertThat(pauses)
                .hasSize(4)
                .allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(Duration.ofMillis(25)));
        assertThat(pauses.get(3)).isGreaterThanOrEqualTo(Duration.ofNanos(12_500_000));
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() {
        server.replies(status(429).header("Retry-After", "3"), status(200));

        DeliveryResult result = post(delivery(4, Duration.ofMillis(10), Duration.ofSeconds(10)));

        assertThat(result).isEqualTo(new DeliveryResult(true, 2, 200, null));
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void waitsNoLongerThanMaxBackoffWhateverRetryAfterSays() {
        server.replies(status(429).header("Retry-After", "120"), status(200));

        DeliveryResult result = post(delivery(4, Duration.ofMillis(10), Duration.ofSeconds(10)));

        assertThat(result.delivered()).isTrue();
        assertThat(pauses).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void tooManyRequestsWithoutRetryAfterBacksOff() {
        server.replies(status(429), status(200));

        DeliveryResult result = post(delivery(4, Duration.ofMillis(10), Duration.ofSeconds(10)));

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(pauses)
                .singleElement()
                .satisfies(
                        pause ->
                                assertThat(pause)
                                        .isBetween(Duration.ofMillis(5), Duration.ofMillis(10)));
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        String inAMinute =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));

        assertThat(HttpDelivery.retryAfter(" 7 ")).contains(Duration.ofSeconds(7));
        assertThat(HttpDelivery.retryAfter(inAMinute))
                .hasValueSatisfying(
                        wait ->
                                assertThat(wait)
                                        .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60)));
        assertThat(HttpDelivery.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .contains(Duration.ZERO);
        assertThat(HttpDelivery.retryAfter("soon")).isEmpty();
    }

    @Test
    void doesNotRetryOtherClientErrors() {
        server.replies(status(400).body("invalid_payload\n"));

        DeliveryResult result = post(delivery(4, Duration.ofMillis(10), Duration.ofSeconds(1)));

        assertThat(result)
                .isEqualTo(new DeliveryResult(false, 1, 400, "HTTP 400: invalid_payload"));
        assertThat(server.requests()).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void retriesATimedOutRequest() {
        server.replies(status(200).after(Duration.ofSeconds(2)), status(200));
        HttpDelivery delivery =
                new HttpDelivery(
                        new DeliverySettings(
                                Duration.ofMillis(200),
                                3,
                                Duration.ofMillis(1),
                                Duration.ofMillis(5)));

        DeliveryResult result = post(delivery);

        assertThat(result).isEqualTo(new DeliveryResult(true, 2, 200, null));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aTimeoutOnTheLastAttemptIsTheReason() {
        server.replies(
                status(200).after(Duration.ofSeconds(2)), status(200).after(Duration.ofSeconds(2)));
        HttpDelivery delivery =
                new HttpDelivery(
                        new DeliverySettings(
                                Duration.ofMillis(200),
                                2,
                                Duration.ofMillis(1),
                                Duration.ofMillis(5)));

        DeliveryResult result = post(delivery);

        assertThat(result).isEqualTo(new DeliveryResult(false, 2, 0, "timed out after 200 ms"));
    }

    @Test
    void retriesNetworkErrors() {
        URI closed = server.uri("/hook");
        server.close();

        DeliveryResult result =
                delivery(3, Duration.ofMillis(1), Duration.ofMillis(5))
                        .postJson(closed, JSON, SECRET);

        assertThat(result)
                .isEqualTo(new DeliveryResult(false, 3, 0, "network error: ConnectException"));
        assertThat(pauses).hasSize(2);
    }

    @Test
    void masksTheSecretWhereAResponseQuotesIt() {
        server.replies(status(403).body("token s3cret-token is revoked"));

        DeliveryResult result = post(delivery(4, Duration.ofMillis(10), Duration.ofSeconds(1)));

        assertThat(result.error()).isEqualTo("HTTP 403: token *** is revoked");
    }

    @Test
    void quotesOnlyTheStartOfALongResponse() {
        server.replies(status(400).body("x".repeat(5000)));

        DeliveryResult result = post(delivery(4, Duration.ofMillis(10), Duration.ofSeconds(1)));

        assertThat(result.error()).hasSize("HTTP 400: ".length() + 200).endsWith("…");
    }
}
