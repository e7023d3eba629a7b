// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.embedded.EmbeddedElasticsearch;
import io.hark.embedded.EmbeddedKafka;
import io.hark.jobs.Topics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Embedded Kafka and Elasticsearch for the local mode, started side by side, topics created. */
final class LocalStack implements LocalJobs.Servers, AutoCloseable {
    private final EmbeddedKafka kafka;
    private final EmbeddedElasticsearch elasticsearch;

    private LocalStack(EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    static LocalStack start() {
        CompletableFuture<EmbeddedElasticsearch> elasticsearch =
                CompletableFuture.supplyAsync(EmbeddedElasticsearch::start);
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start();
            kafka.createTopics(Topics.DEFAULT_PARTITIONS);
        } catch (RuntimeException e) {
            elasticsearch.thenAccept(EmbeddedElasticsearch::close);
            throw e;
        }
        try {
            return new LocalStack(kafka, elasticsearch.join());
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String elasticsearchUrl() {
        return elasticsearch.httpUrl();
    }

    /** Idempotent, as the servers' own {@code close()}. */
    @Override
    public void close() {
        try {
            elasticsearch.close();
        } finally {
            kafka.close();
        }
    }
}
