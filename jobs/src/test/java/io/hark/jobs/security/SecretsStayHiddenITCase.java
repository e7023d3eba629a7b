// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.security;

import static io.hark.jobs.security.SecuredServers.ES_PASSWORD;
import static io.hark.jobs.security.SecuredServers.ES_USER;
import static io.hark.jobs.security.SecuredServers.KAFKA_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.hark.embedded.CertificateAuthority;
import io.hark.embedded.EmbeddedKafka;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.JobArguments;
import io.hark.jobs.TestMentions;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.metrics.BrandStream;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listen and metrics jobs, as one Flink job on a MiniCluster, against the secured Kafka and
 * Elasticsearch, with every kind of secret configured: the Kafka SCRAM password and the trust store
 * password (in the {@code --kafka-config} file), the Elasticsearch password (from a file for one
 * job, from {@code HARK_ES_PASSWORD} for the other), a webhook URL with a token and a PagerDuty
 * routing key (from files named in the notifiers file). The webhook refuses every alert, quoting
 * its own URL, so failed deliveries are logged and dead-lettered. None of the secrets may appear in
 * the log of the run (every logger, INFO and above), in what Flink's REST API (the web UI) shows of
 * the job, in the indexed documents or in the dead letters.
 */
class SecretsStayHiddenITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    private static final String WEBHOOK_TOKEN = "hook-token-" + UUID.randomUUID();
    private static final String ROUTING_KEY =
            "routing-key-" + UUID.randomUUID().toString().replace("-", "");
    private static final int LISTENED = 30;

    /** What the web UI reads about a job. */
    private static final List<String> JOB_VIEWS =
            List.of("", "/config", "/plan", "/jobmanager/config", "/exceptions");

    @Test
    void noSecretReachesTheLogTheWebUiTheIndicesOrTheDeadLetters(
            @InjectClusterClient ClusterClient<?> flink, @TempDir Path dir) throws Exception {
        SecuredServers servers = SecuredServers.get();
        String run = "secrets-it-" + System.nanoTime();
        servers.kafka.createTopics(
                Map.of(
                        run + ".mentions",
                        2,
                        run + ".enriched",
                        2,
                        run + ".burst",
                        2,
                        run + ".alerts",
                        1,
                        run + ".dead-letters",
                        1));
        String bootstrap = servers.kafka.bootstrapServers(EmbeddedKafka.SASL_SSL_LISTENER);
        Path kafkaConfig = servers.kafkaScramConfig(KAFKA_PASSWORD);
        KafkaConnection kafka = JobArguments.kafka(bootstrap, kafkaConfig);
        produceInput(kafka, run);

        AtomicInteger refused = new AtomicInteger();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext(
                "/",
                exchange -> {
                    refused.incrementAndGet();
                    byte[] body =
                            ("no such hook: " + exchange.getRequestURI())
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(403, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        webhook.start();
        Path notifiers =
                Files.writeString(
                        dir.resolve("notifiers.yaml"),
                        """
        groups:
          %s:
            - type: webhook
              url_file: %s
          nobody-listens:
            - type: pagerduty
              routing_key_file: %s
        """
                                .formatted(
                                        BrandStream.GROUP,
                                        servers.secretFile(
                                                "http://127.0.0.1:"
                                                        + webhook.getAddress().getPort()
                                                        + "/hook/"
                                                        + WEBHOOK_TOKEN),
                                        servers.secretFile(ROUTING_KEY)));

        List<String> connections =
                List.of(
                        "--bootstrap",
                        bootstrap,
                        "--kafka-config",
                        kafkaConfig.toString(),
                        "--es",
                        servers.elasticsearch.httpUrl(),
                        "--es-ca-cert",
                        servers.authority.certificate().toString(),
                        "--es-user",
                        ES_USER,
                        "--index-prefix",
                        run,
                        "--query-topic",
                        run + ".queries",
                        "--dead-letter-topic",
                        run + ".dead-letters",
                        "--starting-offsets",
                        "earliest",
                        "--bounded",
                        "--checkpoint-interval",
                        "2s");
        ListenOptions listen =
                ListenOptions.parse(
                        with(
                                connections,
                                "--group-id",
                                run + "-listen",
                                "--es-password-file",
                                servers.secretFile(ES_PASSWORD).toString(),
                                "--queries",
                                queries(dir).toString(),
                                "--query-status-topic",
                                run + ".status",
                                "--input-topic",
                                run + ".mentions",
                                "--enriched-topic",
                                run + ".enriched"),
                        Map.of());
        MetricsOptions metrics =
                MetricsOptions.parse(
                        with(
                                connections,
                                "--group-id",
                                run + "-metrics",
                                "--enriched-topic",
                                run + ".burst",
                                "--alert-topic",
                                run + ".alerts",
                                "--notifiers",
                                notifiers.toString()),
                        Map.of("HARK_ES_PASSWORD", ES_PASSWORD));

        Map<String, String> seen = new LinkedHashMap<>();
        try (LogCapture log = LogCapture.open()) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            ListenJob.define(env, listen);
            MetricsJob.define(env, metrics);
            HarkMiniCluster.limitRestarts(env);
            JobClient job = env.executeAsync(run);
            job.getJobExecutionResult().get();
            for (String view : JOB_VIEWS) {
                seen.put("web UI /jobs/<id>" + view, rest(flink, job.getJobID(), view));
            }
            seen.put("log", log.text());
        } finally {
            webhook.stop(0);
        }
        // metrics documents hold numbers and names only; mentions and alerts hold text
        seen.put(
                "indexed documents",
                documents(
                        listen.elasticsearch(),
                        listen.indices().mentionsAlias() + "," + metrics.indices().alertsAlias()));
        seen.put("dead letters", deadLetters(kafka, run + ".dead-letters"));

        // the secrets were in use: the jobs reached both servers and tried the webhook
        assertThat(IndexCounts.count(listen.elasticsearch(), listen.indices().mentionsAlias()))
                .isEqualTo(LISTENED);
        assertThat(refused).hasPositiveValue();
        // the log holds the Kafka clients' settings, where Kafka itself hides the JAAS line
        assertThat(seen.get("log"))
                .contains("not delivered to webhook")
                .contains("HTTP 403")
                .contains("sasl.jaas.config = [hidden]");
        assertThat(seen.get("web UI /jobs/<id>/config")).contains("execution-config");
        assertThat(seen.get("dead letters")).contains("not_delivered");
        assertThat(seen.get("indexed documents")).contains("alert_id");

        Map<String, String> secrets =
                Map.of(
                        "Kafka password",
                        KAFKA_PASSWORD,
                        "Elasticsearch password",
                        ES_PASSWORD,
                        "webhook token",
                        WEBHOOK_TOKEN,
                        "PagerDuty routing key",
                        ROUTING_KEY,
                        "key store password",
                        CertificateAuthority.STORE_PASSWORD);
        seen.forEach(
                (where, text) ->
                        secrets.forEach(
                                (secret, value) ->
                                        assertThat(text)
                                                .as("%s in the %s", secret, where)
                                                .doesNotContain(value)));
    }

    /** Queries for the mentions of {@link TestMentions} and for the brands of the burst. */
    private static Path queries(Path dir) throws IOException {
        StringBuilder yaml =
                new StringBuilder(
                        """
        queries:
          - id: airlines
            query: '"skyline air" OR bluejet OR flight*'
          - id: products
            query: 'brewhaus OR novaphone OR dashbite'
        """);
        for (String brand : BrandStream.BRANDS) {
            yaml.append("  - id: ")
                    .append(brand)
                    .append("\n    group: ")
                    .append(BrandStream.GROUP)
                    .append("\n    query: ")
                    .append(brand)
                    .append('\n');
        }
        return Files.writeString(dir.resolve("queries.yaml"), yaml);
    }

    private static void produceInput(KafkaConnection kafka, String run) {
        try (MentionProducer producer =
                new MentionProducer(kafka, run + ".mentions", run + ".dead-letters")) {
            for (int i = 0; i < LISTENED; i++) {
                producer.send(TestMentions.mention(i, Instant.now().minusSeconds(600 + i)));
            }
        }
        new BrandStream().sendUntil(kafka, run + ".burst", BrandStream.HISTORY);
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of(more));
        return args;
    }

    private static String rest(ClusterClient<?> flink, JobID job, String view) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(flink.getWebInterfaceURL() + "/jobs/" + job + view))
                        .build();
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET /jobs/<id>%s: %s", view, response.body())
                .isEqualTo(200);
        return response.body();
    }

    private static String documents(ElasticsearchConnection elasticsearch, String indices)
            throws Exception {
        ElasticsearchAsyncClient client = elasticsearch.asyncClient();
        try {
            client.indices().refresh(request -> request.index(indices)).get();
            return client
                    .search(search -> search.index(indices).size(10_000), JsonNode.class)
                    .get()
                    .hits()
                    .hits()
                    .stream()
                    .map(hit -> String.valueOf(hit.source()))
                    .reduce("", String::concat);
        } finally {
            client._transport().close();
        }
    }

    private static String deadLetters(KafkaConnection kafka, String topic) {
        StringBuilder text = new StringBuilder();
        TopicReader.readAll(
                kafka,
                topic,
                record -> text.append(new String(record.value(), StandardCharsets.UTF_8)));
        return text.toString();
    }
}
