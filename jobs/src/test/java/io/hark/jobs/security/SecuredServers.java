// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.security;

import io.hark.embedded.CertificateAuthority;
import io.hark.embedded.EmbeddedElasticsearch;
import io.hark.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Kafka and Elasticsearch with security on, started once per JVM on first use (each server closes
 * itself when the JVM exits): Kafka with a SCRAM-SHA-512 user over TLS and a mutual TLS listener,
 * Elasticsearch over HTTPS with a user. The passwords are random, so a test that finds one in a log
 * knows where it came from.
 */
final class SecuredServers {
    static final String KAFKA_USER = "hark-kafka";
    static final String KAFKA_PASSWORD = "kafka-pw-" + UUID.randomUUID();
    static final String ES_USER = "hark-es";
    static final String ES_PASSWORD = "es-pw-" + UUID.randomUUID();

    private static SecuredServers started;

    final Path directory;
    final CertificateAuthority authority;
    final CertificateAuthority.Issued client;
    final EmbeddedKafka kafka;
    final EmbeddedElasticsearch elasticsearch;

    private SecuredServers() {
        authority = CertificateAuthority.createTemporary("Hark test CA");
        directory = authority.directory();
        client = authority.issue("hark-client");
        kafka = EmbeddedKafka.startSecured(authority.issue("kafka"), authority.truststore());
        kafka.createScramUser(KAFKA_USER, KAFKA_PASSWORD);
        elasticsearch =
                EmbeddedElasticsearch.builder().secured(authority, ES_USER, ES_PASSWORD).start();
    }

    static synchronized SecuredServers get() {
        if (started == null) {
            started = new SecuredServers();
        }
        return started;
    }

    /**
     * A {@code --kafka-config} file for the SCRAM user, with {@code password}, trusting the test
     * CA.
     */
    Path kafkaScramConfig(String password) {
        return write(
                "scram",
                """
        security.protocol=SASL_SSL
        sasl.mechanism=SCRAM-SHA-512
        sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";
        %s"""
                        .formatted(KAFKA_USER, password, trustTestCa()));
    }

    /** A {@code --kafka-config} file for mutual TLS, with or without the client's certificate. */
    Path kafkaMutualTlsConfig(boolean withClientCertificate) {
        String keystore =
                """
        ssl.keystore.type=PKCS12
        ssl.keystore.location=%s
        ssl.keystore.password=%s
        """
                        .formatted(client.keystore(), CertificateAuthority.STORE_PASSWORD);
        return write(
                "mtls",
                "security.protocol=SSL\n"
                        + trustTestCa()
                        + (withClientCertificate ? keystore : ""));
    }

    /** A file holding {@code secret}, as a mounted Docker or Kubernetes secret would. */
    Path secretFile(String secret) {
        return write("secret", secret + "\n");
    }

    private String trustTestCa() {
        return """
        ssl.truststore.type=PKCS12
        ssl.truststore.location=%s
        ssl.truststore.password=%s
        """
                .formatted(authority.truststore(), CertificateAuthority.STORE_PASSWORD);
    }

    private Path write(String prefix, String content) {
        try {
            return Files.writeString(
                    Files.createTempFile(directory, prefix, ".properties"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
