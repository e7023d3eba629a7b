// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.security;

import static io.hark.jobs.security.SecuredServers.ES_PASSWORD;
import static io.hark.jobs.security.SecuredServers.ES_USER;
import static io.hark.jobs.security.SecuredServers.KAFKA_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.embedded.CertificateAuthority;
import io.hark.embedded.EmbeddedKafka;
import io.hark.jobs.TestMentions;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hark's Kafka and Elasticsearch clients, configured through the jobs' options, against the
 * embedded servers with security on: Kafka SCRAM-SHA-512 over TLS and mutual TLS, Elasticsearch
 * over HTTPS with a user, and an API key checked by {@link ApiKeyGateway}. The right credentials
 * work; wrong ones, a missing client certificate or a server certificate from another authority
 * fail with an error that says so and does not quote the secret.
 */
class SecureConnectionsITCase {
    private static final int MENTIONS = 20;

    private static SecuredServers servers;

    @BeforeAll
    static void startSecuredServers() {
        servers = SecuredServers.get();
    }

    @Test
    void aScramUserOverTlsProducesAndReadsMentions() {
        KafkaConnection kafka =
                kafka(EmbeddedKafka.SASL_SSL_LISTENER, servers.kafkaScramConfig(KAFKA_PASSWORD));
        String topic = newTopic();
        produceMentions(kafka, topic);
        assertThat(TopicReader.size(kafka, topic)).isEqualTo(MENTIONS);
    }

    @Test
    void aWrongScramPasswordIsAnAuthenticationError() {
        String wrong = "not-" + KAFKA_PASSWORD;
        KafkaConnection kafka =
                kafka(EmbeddedKafka.SASL_SSL_LISTENER, servers.kafkaScramConfig(wrong));
        String topic = newTopic();
        assertThatThrownBy(() -> produceMentions(kafka, topic))
                .hasMessageContaining("did not accept this client's credentials")
                .hasMessageContaining("invalid credentials with SASL mechanism SCRAM-SHA-512")
                .satisfies(error -> assertThat(stackTrace(error)).doesNotContain(wrong));
    }

    @Test
    void theListenJobWithAWrongPasswordStopsBeforeItStartsAndSaysWhy() {
        String wrong = "not-" + KAFKA_PASSWORD;
        String run = newTopic();
        ListenOptions options =
                ListenOptions.parse(
                        List.of(
                                "--bootstrap",
                                servers.kafka.bootstrapServers(EmbeddedKafka.SASL_SSL_LISTENER),
                                "--kafka-config",
                                servers.kafkaScramConfig(wrong).toString(),
                                "--query-topic",
                                run + ".queries",
                                "--query-status-topic",
                                run + ".status"),
                        Map.of());
        assertThatThrownBy(() -> ListenJob.sources(options))
                .hasMessageContaining("invalid credentials with SASL mechanism SCRAM-SHA-512")
                .satisfies(error -> assertThat(stackTrace(error)).doesNotContain(wrong));
    }

    @Test
    void mutualTlsWorksWithAClientCertificateOnly() {
        String topic = newTopic();
        KafkaConnection withCertificate =
                kafka(EmbeddedKafka.MUTUAL_TLS_LISTENER, servers.kafkaMutualTlsConfig(true));
        produceMentions(withCertificate, topic);
        assertThat(TopicReader.size(withCertificate, topic)).isEqualTo(MENTIONS);

        KafkaConnection withoutCertificate =
                kafka(EmbeddedKafka.MUTUAL_TLS_LISTENER, servers.kafkaMutualTlsConfig(false));
        assertThatThrownBy(() -> produceMentions(withoutCertificate, topic))
                .hasMessageContaining("did not accept this client's credentials")
                .hasMessageContaining("bad_certificate");
    }

    @Test
    void elasticsearchOverHttpsTrustsTheGivenCaAndSendsTheUser() throws Exception {
        ElasticsearchConnection elasticsearch =
                elasticsearch(servers.authority.certificate(), ES_PASSWORD);
        assertThat(IndexCounts.count(elasticsearch, "secure-it-nothing-yet")).isZero();
    }

    @Test
    void elasticsearchRefusesAWrongPasswordWithoutQuotingIt() {
        String wrong = "not-" + ES_PASSWORD;
        ElasticsearchConnection elasticsearch =
                elasticsearch(servers.authority.certificate(), wrong);
        assertThatThrownBy(() -> IndexCounts.count(elasticsearch, "secure-it-nothing-yet"))
                .hasStackTraceContaining("security_exception")
                .hasStackTraceContaining("unable to authenticate user [" + ES_USER + "]")
                .satisfies(
                        error ->
                                assertThat(stackTrace(error))
                                        .doesNotContain(wrong)
                                        .doesNotContain(ES_PASSWORD));
    }

    @Test
    void aServerCertificateFromAnotherAuthorityIsRefused(@TempDir Path dir) {
        CertificateAuthority stranger = CertificateAuthority.create(dir, "Some other CA");
        ElasticsearchConnection elasticsearch = elasticsearch(stranger.certificate(), ES_PASSWORD);
        assertThatThrownBy(() -> IndexCounts.count(elasticsearch, "secure-it-nothing-yet"))
                .hasStackTraceContaining("PKIX path");
    }

    @Test
    void anApiKeyFromAFileIsSentInTheApiKeyHeader() throws Exception {
        String apiKey = "api-key-" + UUID.randomUUID();
        String basic =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (ES_USER + ":" + ES_PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8));
        try (ApiKeyGateway gateway = ApiKeyGateway.start(servers, apiKey, basic)) {
            assertThat(
                            IndexCounts.count(
                                    elasticsearchWithApiKey(gateway.url(), apiKey),
                                    "secure-it-nothing-yet"))
                    .isZero();

            String wrong = "not-" + apiKey;
            assertThatThrownBy(
                            () ->
                                    IndexCounts.count(
                                            elasticsearchWithApiKey(gateway.url(), wrong),
                                            "secure-it-nothing-yet"))
                    .hasStackTraceContaining("401")
                    .satisfies(error -> assertThat(stackTrace(error)).doesNotContain(wrong));
        }
    }

    private static KafkaConnection kafka(String listener, Path kafkaConfig) {
        return ListenOptions.parse(
                        List.of(
                                "--bootstrap",
                                servers.kafka.bootstrapServers(listener),
                                "--kafka-config",
                                kafkaConfig.toString()),
                        Map.of())
                .kafka();
    }

    private static ElasticsearchConnection elasticsearch(Path caCertificate, String password) {
        return ListenOptions.parse(
                        List.of(
                                "--es",
                                servers.elasticsearch.httpUrl(),
                                "--es-ca-cert",
                                caCertificate.toString(),
                                "--es-user",
                                ES_USER,
                                "--es-password-file",
                                servers.secretFile(password).toString()),
                        Map.of())
                .elasticsearch();
    }

    private static ElasticsearchConnection elasticsearchWithApiKey(String url, String apiKey) {
        return ListenOptions.parse(
                        List.of(
                                "--es",
                                url,
                                "--es-ca-cert",
                                servers.authority.certificate().toString(),
                                "--es-api-key-file",
                                servers.secretFile(apiKey).toString()),
                        Map.of())
                .elasticsearch();
    }

    private static String newTopic() {
        String topic = "secure-it-" + System.nanoTime();
        servers.kafka.createTopics(Map.of(topic, 2, topic + ".dead-letters", 1));
        return topic;
    }

    private static void produceMentions(KafkaConnection kafka, String topic) {
        try (MentionProducer producer =
                new MentionProducer(kafka, topic, topic + ".dead-letters")) {
            for (int i = 0; i < MENTIONS; i++) {
                producer.send(TestMentions.mention(i, Instant.now()));
            }
        }
    }

    private static String stackTrace(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.add(cause.toString());
        }
        return String.join("\n", messages);
    }
}
