// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kafka;

import java.io.Serializable;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How to reach a Kafka cluster: the bootstrap servers plus any client properties (security settings
 * and the like), shared by every Kafka source, sink and producer of a job.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties)
        implements Serializable {
    public KafkaConnection {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(
                    "Kafka bootstrap servers are required (HOST:PORT[,HOST:PORT...])");
        }
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaConnection of(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** Client properties including {@code bootstrap.servers}, for plain Kafka clients. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.setProperty("bootstrap.servers", bootstrapServers);
        return properties;
    }

    /** Property values may be passwords: only the keys are shown. */
    @Override
    public String toString() {
        return "KafkaConnection["
                + bootstrapServers
                + ", properties="
                + new TreeMap<>(clientProperties).keySet()
                + "]";
    }
}
