// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/**
 * Everything {@code hark local} starts, Kafka, Elasticsearch (a child process) and Flink with the
 * live jobs running, listens on loopback only: nothing on the machine's other addresses can reach
 * it.
 */
class LocalModeListensOnLoopbackITCase {
    @Test
    void everyListenerOfTheLocalStackIsOnLoopback() throws Exception {
        try (LocalStack stack = LocalStack.start();
                ServerSocket wildcard = new ServerSocket(0);
                LocalFlink flink = LocalFlink.withWebUi(freePort(), LocalJobs.PARALLELISM)) {
            JobClient job =
                    new LocalJobs(stack, Path.of("../examples/queries.yaml"), false, null, null)
                            .startLive(flink);
            try {
                awaitRunning(job);
                List<InetSocketAddress> listening = ListeningSockets.ofThisProcessAndItsChildren();

                assertThat(listening)
                        .extracting(InetSocketAddress::getPort)
                        .as("the listeners found")
                        .contains(
                                flink.webUiPort(),
                                URI.create(stack.elasticsearchUrl()).getPort(),
                                Integer.parseInt(stack.bootstrapServers().replaceAll(".*:", "")));
                // this test's own socket on every address shows that a listener beyond loopback is
                // seen
                assertThat(listening)
                        .filteredOn(address -> !address.getAddress().isLoopbackAddress())
                        .as("listeners beyond loopback, of %s", listening)
                        .extracting(InetSocketAddress::getPort)
                        .containsExactly(wildcard.getLocalPort());
            } finally {
                job.cancel().get();
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitRunning(JobClient job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            assertThat(Instant.now()).as("the local jobs running").isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
