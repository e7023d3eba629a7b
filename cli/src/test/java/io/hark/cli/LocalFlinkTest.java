// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/** The in-process Flink runs job after job on one cluster, and stops when closed. */
class LocalFlinkTest {
    private static final String COUNTED = "counted";

    @Test
    void runsJobAfterJobOnOneClusterWithOneWebUi() throws Exception {
        try (LocalFlink flink = LocalFlink.withWebUi(freePort(), 2)) {
            assertThat(countTo(flink, 1_000)).isEqualTo(1_000);
            assertThat(countTo(flink, 250)).isEqualTo(250);

            JsonNode jobs = get(flink.webUiUrl() + "/jobs/overview").path("jobs");
            assertThat(jobs).hasSize(2);
            assertThat(jobs).allMatch(job -> job.path("state").asText().equals("FINISHED"));
        }
    }

    @Test
    void closingStopsTheClusterAndItsWebUi() throws Exception {
        LocalFlink flink = LocalFlink.withWebUi(freePort(), 1);
        String overview = flink.webUiUrl() + "/overview";
        awaitTaskManager(overview);

        flink.close();

        assertThatThrownBy(() -> get(overview)).isInstanceOf(ConnectException.class);
    }

    /** The REST endpoint answers 503 until the cluster's leaders are elected. */
    private static void awaitTaskManager(String overview) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (status(overview) != 200 || get(overview).path("taskmanagers").asInt() != 1) {
            assertThat(Instant.now()).as("the cluster up with its task manager").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static long countTo(LocalFlink flink, long count) throws Exception {
        flink.environment().fromSequence(1, count).map(new Count()).sinkTo(new DiscardingSink<>());
        JobExecutionResult result =
                flink.environment().executeAsync("count").getJobExecutionResult().get();
        return LocalFlink.counted(result, COUNTED);
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url)).build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static final class Count extends RichMapFunction<Long, Long> {
        private final LongCounter counted = new LongCounter();

        @Override
        public void open(OpenContext context) {
            getRuntimeContext().addAccumulator(COUNTED, counted);
        }

        @Override
        public Long map(Long value) {
            counted.add(1);
            return value;
        }
    }
}
