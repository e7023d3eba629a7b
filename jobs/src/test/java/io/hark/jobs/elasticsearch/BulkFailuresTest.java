// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import io.hark.jobs.elasticsearch.BulkFailures.Outcome;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulkFailuresTest {
    @ParameterizedTest
    @CsvSource({
        "429, RETRY",
        "500, RETRY",
        "503, RETRY",
        "504, RETRY",
        "400, REJECT",
        "404, REJECT",
        "409, REJECT"
    })
    void itemsAreRetriedOnlyWhenTheFailureIsTransient(int status, Outcome outcome) {
        assertThat(BulkFailures.ofItem(status)).isEqualTo(outcome);
    }

    @ParameterizedTest
    @CsvSource({
        "401, FAIL",
        "403, FAIL",
        "400, FAIL",
        "413, FAIL",
        "408, RETRY",
        "429, RETRY",
        "502, RETRY",
        "503, RETRY"
    })
    void wholeRequestsFailOnlyWhenRetryingCannotHelp(int status, Outcome outcome) {
        assertThat(BulkFailures.ofRequest(new CompletionException(error(status))))
                .isEqualTo(outcome);
    }

    @Test
    void networkFailuresAreRetried() {
        assertThat(
                        BulkFailures.ofRequest(
                                new CompletionException(
                                        new ConnectException("Connection refused"))))
                .isEqualTo(Outcome.RETRY);
    }

    @Test
    void programmingErrorsFail() {
        assertThat(BulkFailures.ofRequest(new IllegalStateException("bug")))
                .isEqualTo(Outcome.FAIL);
    }

    private static ElasticsearchException error(int status) {
        return new ElasticsearchException(
                "bulk",
                ErrorResponse.of(
                        e ->
                                e.status(status)
                                        .error(
                                                cause ->
                                                        cause.type("test_exception")
                                                                .reason("status " + status))));
    }
}
