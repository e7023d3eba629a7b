// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hark's three clusters on this machine, each of several processes, as a team runs them on several
 * machines: three KRaft Kafka brokers, two Elasticsearch nodes (one master and data, one data only,
 * so the data node can die without costing the cluster its master) and a Flink session cluster (a
 * JobManager, two TaskManagers). {@link #close()} kills every process.
 */
public final class LocalCluster implements AutoCloseable {
    public static final int KAFKA_BROKERS = 3;

    /**
     * Elasticsearch starts while Kafka's and Flink's JVMs start too, which on 2 cores takes it past
     * its usual 2 minutes.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private final KafkaCluster kafka;
    private final EmbeddedElasticsearch elasticsearch;
    private final EmbeddedElasticsearch elasticsearchDataNode;
    private final FlinkSessionCluster flink;

    private LocalCluster(
            KafkaCluster kafka,
            EmbeddedElasticsearch elasticsearch,
            EmbeddedElasticsearch elasticsearchDataNode,
            FlinkSessionCluster flink) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.elasticsearchDataNode = elasticsearchDataNode;
        this.flink = flink;
    }

    /**
     * Starts Elasticsearch in the background while Kafka and then Flink start, and returns once all
     * are ready.
     */
    public static LocalCluster start(FlinkSessionCluster.Settings flinkSettings) {
        CompletableFuture<EmbeddedElasticsearch[]> elasticsearch =
                CompletableFuture.supplyAsync(LocalCluster::startElasticsearch);
        KafkaCluster kafka = null;
        FlinkSessionCluster flink = null;
        try {
            kafka = KafkaCluster.start(KAFKA_BROKERS);
            flink = FlinkSessionCluster.start(flinkSettings);
            EmbeddedElasticsearch[] nodes = elasticsearch.join();
            return new LocalCluster(kafka, nodes[0], nodes[1], flink);
        } catch (RuntimeException e) {
            elasticsearch.thenAccept(
                    nodes -> {
                        nodes[1].close();
                        nodes[0].close();
                    });
            if (flink != null) {
                flink.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause
                    ? cause
                    : e;
        }
    }

    private static EmbeddedElasticsearch[] startElasticsearch() {
        EmbeddedElasticsearch manager =
                EmbeddedElasticsearch.builder()
                        .startupTimeout(STARTUP_TIMEOUT)
                        .formingCluster()
                        .start();
        try {
            return new EmbeddedElasticsearch[] {
                manager,
                EmbeddedElasticsearch.builder()
                        .startupTimeout(STARTUP_TIMEOUT)
                        .joining(manager)
                        .start()
            };
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    /** The master (and data) node, which clients talk to. */
    public EmbeddedElasticsearch elasticsearch() {
        return elasticsearch;
    }

    /** The data-only node, the one to kill: the cluster keeps its master without it. */
    public EmbeddedElasticsearch elasticsearchDataNode() {
        return elasticsearchDataNode;
    }

    public FlinkSessionCluster flink() {
        return flink;
    }

    @Override
    public void close() {
        try {
            flink.close();
        } finally {
            try {
                elasticsearchDataNode.close();
                elasticsearch.close();
            } finally {
                kafka.close();
            }
        }
    }
}
