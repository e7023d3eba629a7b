// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetIndexTemplateResponse;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hark's index names and the composable index templates behind them. Mentions go to one index per
 * UTC day of {@code created_at}, {@code PREFIX-mentions-yyyy.MM.dd}, all behind the alias {@code
 * PREFIX-mentions}; window metrics to {@code PREFIX-metrics-yyyy.MM} by window start, alias {@code
 * PREFIX-metrics}; alerts to {@code PREFIX-alerts-yyyy.MM} by episode start, alias {@code
 * PREFIX-alerts}. The prefix ({@code hark} by default) keeps namespaces such as replays apart.
 *
 * <p>Templates are created at start when missing or older than this version of Hark. They need
 * nothing beyond core Elasticsearch (no ILM, ingest pipelines or scripts).
 */
public record IndexTemplates(String prefix) implements Serializable {
    /** Raise on any change to a template, so running clusters get the new one. */
    public static final int VERSION = 6;

    private static final List<String> KINDS = List.of("mentions", "metrics", "alerts");
    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    public IndexTemplates {
        if (prefix == null || !prefix.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException(
                    "index prefix must be lower-case letters, digits, '-' or '_' (Elasticsearch's rule): "
                            + prefix);
        }
    }

    public String mentionsAlias() {
        return prefix + "-mentions";
    }

    public String mentionsIndex(Instant createdAt) {
        return prefix + "-mentions-" + DAY.format(createdAt);
    }

    public String metricsAlias() {
        return prefix + "-metrics";
    }

    public String metricsIndex(Instant windowStart) {
        return prefix + "-metrics-" + MONTH.format(windowStart);
    }

    public String alertsAlias() {
        return prefix + "-alerts";
    }

    public String alertsIndex(Instant episodeStart) {
        return prefix + "-alerts-" + MONTH.format(episodeStart);
    }

    /**
     * The template body as sent to {@code PUT _index_template/PREFIX-KIND}: kind mentions, metrics
     * or alerts.
     */
    public String template(String kind) {
        return resource(kind + "-template.json")
                .replace("${prefix}", prefix)
                .replace("${version}", String.valueOf(VERSION));
    }

    /** Creates or upgrades the templates, with a client of its own. */
    public void ensure(ElasticsearchConnection connection) throws IOException {
        ElasticsearchAsyncClient client = connection.asyncClient();
        try {
            ensure(client, connection);
        } finally {
            client._transport().close();
        }
    }

    /** Creates or upgrades the templates. */
    public void ensure(ElasticsearchAsyncClient client, ElasticsearchConnection connection) {
        for (String kind : KINDS) {
            ensure(client, connection, kind);
        }
    }

    private void ensure(
            ElasticsearchAsyncClient client, ElasticsearchConnection connection, String kind) {
        String name = prefix + "-" + kind;
        try {
            Integer installed = installedVersion(client, name);
            if (installed != null && installed >= VERSION) {
                return;
            }
            client.indices()
                    .putIndexTemplate(
                            request ->
                                    request.withJson(new StringReader(template(kind))).name(name))
                    .get();
            LOG.info(
                    "index template {} {} (version {})",
                    name,
                    installed == null ? "created" : "upgraded",
                    VERSION);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot install index template "
                            + name
                            + " on "
                            + connection
                            + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while installing index template " + name, e);
        }
    }

    private static Integer installedVersion(ElasticsearchAsyncClient client, String name)
            throws ExecutionException, InterruptedException {
        try {
            GetIndexTemplateResponse response =
                    client.indices().getIndexTemplate(request -> request.name(name)).get();
            if (response.indexTemplates().isEmpty()) {
                return null;
            }
            Map<String, JsonData> meta = response.indexTemplates().get(0).indexTemplate().meta();
            JsonData version = meta == null ? null : meta.get("hark_template_version");
            return version == null ? 0 : version.to(Integer.class);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ElasticsearchException es && es.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static String resource(String name) {
        try (InputStream in = IndexTemplates.class.getResourceAsStream("/elasticsearch/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /elasticsearch/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
