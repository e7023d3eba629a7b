// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The multi-process cluster starts, each of its processes can be killed, and each cluster gets it
 * back: the servers themselves, without Hark's jobs ({@code ClusterChaosITCase} runs those).
 */
class LocalClusterITCase {
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static LocalCluster cluster;
    private final HttpClient http =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @BeforeAll
    static void start() {
        cluster = LocalCluster.start(FlinkSessionCluster.Settings.defaults());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void kafkaTopicsOutliveTheirLeader() throws Exception {
        cluster.kafka().createTopics(Map.of("chaos", 4));
        int leader = cluster.kafka().leaderOf("chaos");
        cluster.kafka().kill(leader);
        try (Admin admin = cluster.kafka().admin()) {
            await(
                    "every partition led by another broker",
                    () ->
                            admin
                                    .describeTopics(List.of("chaos"))
                                    .allTopicNames()
                                    .get(10, TimeUnit.SECONDS)
                                    .get("chaos")
                                    .partitions()
                                    .stream()
                                    .allMatch(
                                            p ->
                                                    p.leader() != null
                                                            && p.leader().id() != leader
                                                            && p.replicas().size() == 3));
        }
        cluster.kafka().restart(leader);
        try (Admin admin = cluster.kafka().admin()) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(3);
        }
    }

    @Test
    void elasticsearchKeepsItsIndicesWhenTheDataNodeDies() throws Exception {
        String es = cluster.elasticsearch().httpUrl();
        assertThat(get(es + "/_cluster/health?wait_for_nodes=2&timeout=60s"))
                .contains("\"number_of_nodes\":2");
        put(es + "/chaos", "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":1}}");
        assertThat(get(es + "/_cluster/health/chaos?wait_for_status=green&timeout=60s"))
                .contains("\"status\":\"green\"");

        cluster.elasticsearchDataNode().kill();
        put(es + "/chaos/_doc/1?refresh=true", "{\"text\":\"still indexing\"}");
        assertThat(get(es + "/chaos/_count")).contains("\"count\":1");

        cluster.elasticsearchDataNode().restart();
        assertThat(get(es + "/_cluster/health/chaos?wait_for_status=green&timeout=60s"))
                .contains("\"status\":\"green\"", "\"number_of_nodes\":2");
    }

    @Test
    void flinkGetsANewTaskManager() {
        FlinkSessionCluster flink = cluster.flink();
        assertThat(flink.registeredTaskManagers()).isEqualTo(2);
        long killed = flink.killTaskManager();
        assertThat(ProcessHandle.of(killed)).isEmpty();
        flink.startTaskManager();
        await("a third TaskManager registered", () -> flink.registeredTaskManagers() >= 2);
    }

    private String get(String url) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private void put(String url, String json) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Condition condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception notYet) {
                // the cluster is still changing: ask again
            }
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
