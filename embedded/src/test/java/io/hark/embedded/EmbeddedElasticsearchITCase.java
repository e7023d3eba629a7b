// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EmbeddedElasticsearchITCase {

    private final HttpClient http =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @Test
    void servesDocumentsAcrossARestartAndLeavesNoProcessBehind() throws Exception {
        EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start();
        List<ProcessHandle> processes;
        try {
            int port = elasticsearch.httpPort();
            assertThat(elasticsearch.httpUrl()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(send(elasticsearch, "GET", "/_cluster/health", null).body())
                    .contains("\"number_of_nodes\":1");
            assertListensOnLoopbackOnly(port);

            HttpResponse<String> indexed =
                    send(
                            elasticsearch,
                            "PUT",
                            "/test/_doc/1?refresh=true",
                            "{\"text\":\"hello hark\"}");
            assertThat(indexed.statusCode()).isEqualTo(201);
            assertThat(send(elasticsearch, "GET", "/test/_doc/1", null).body())
                    .contains("\"text\":\"hello hark\"");

            elasticsearch.stop();
            assertThat(elasticsearch.processHandle()).isEmpty();
            assertThatThrownBy(() -> send(elasticsearch, "GET", "/", null))
                    .isInstanceOf(IOException.class);

            elasticsearch.restart();
            assertThat(elasticsearch.httpPort()).isEqualTo(port);
            HttpResponse<String> afterRestart = send(elasticsearch, "GET", "/test/_doc/1", null);
            assertThat(afterRestart.statusCode()).isEqualTo(200);
            assertThat(afterRestart.body()).contains("\"text\":\"hello hark\"");

            ProcessHandle server = elasticsearch.processHandle().orElseThrow();
            processes = Stream.concat(Stream.of(server), server.descendants()).toList();
            assertThat(processes).as("launcher and server JVMs").hasSizeGreaterThanOrEqualTo(2);
        } finally {
            elasticsearch.close();
        }

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(processes.get(0).descendants()).isEmpty();
        assertThat(elasticsearch.processHandle()).isEmpty();
    }

    private void assertListensOnLoopbackOnly(int port) throws IOException {
        Optional<InetAddress> otherAddress = EmbeddedKafkaITCase.nonLoopbackAddress();
        if (otherAddress.isPresent()) {
            assertThatThrownBy(() -> EmbeddedKafkaITCase.connect(otherAddress.get(), port))
                    .isInstanceOf(IOException.class);
        }
    }

    private HttpResponse<String> send(
            EmbeddedElasticsearch elasticsearch, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(elasticsearch.httpUrl() + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
