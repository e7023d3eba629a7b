// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.util.function.Supplier;

/**
 * One Kafka cluster and one Elasticsearch server per JVM, started on first use, so that the
 * integration tests in a JVM share them instead of each paying the start-up time. They close
 * themselves when the JVM exits (each server registers a shutdown hook); callers must not close
 * them. Tests that share them should use their own topic and index names.
 */
public final class SharedServers {

    private static final Lazy<EmbeddedKafka> KAFKA = new Lazy<>(EmbeddedKafka::start);
    private static final Lazy<EmbeddedElasticsearch> ELASTICSEARCH =
            new Lazy<>(EmbeddedElasticsearch::start);

    private SharedServers() {}

    public static EmbeddedKafka kafka() {
        return KAFKA.get();
    }

    public static EmbeddedElasticsearch elasticsearch() {
        return ELASTICSEARCH.get();
    }

    /**
     * Separate locks, so that a caller of kafka() does not wait for Elasticsearch to start, and
     * vice versa.
     */
    private static final class Lazy<T> {
        private final Supplier<T> starter;
        private T value;

        Lazy(Supplier<T> starter) {
            this.starter = starter;
        }

        synchronized T get() {
            if (value == null) {
                value = starter.get();
            }
            return value;
        }
    }
}
