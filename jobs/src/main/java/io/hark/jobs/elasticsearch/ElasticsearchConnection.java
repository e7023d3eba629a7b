// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.transport.ElasticsearchTransportConfig;
import co.elastic.clients.transport.TransportUtils;
import io.hark.report.ElasticsearchJson;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How to reach Elasticsearch: one or more URLs, optionally basic-auth credentials or an API key,
 * and optionally the certificate (PEM) of the authority that signed the servers' certificates, for
 * https URLs that Java's default trust store does not vouch for. Secrets never appear in {@link
 * #toString()}, so they stay out of logs and exceptions.
 */
public record ElasticsearchConnection(
        List<URI> hosts, String username, String password, String apiKey, String caCertificatePem)
        implements Serializable {
    public ElasticsearchConnection {
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException(
                    "at least one Elasticsearch URL is required, e.g. http://localhost:9200");
        }
        for (URI host : hosts) {
            if (host.getScheme() == null
                    || !host.getScheme().matches("https?")
                    || host.getHost() == null) {
                throw new IllegalArgumentException(
                        "not an Elasticsearch URL (http[s]://HOST:PORT): " + host);
            }
        }
        hosts = List.copyOf(hosts);
        if (username != null && password == null) {
            throw new IllegalArgumentException(
                    "an Elasticsearch user needs a password (--es-password-file or HARK_ES_PASSWORD)");
        }
    }

    /** From a comma-separated list of URLs, without credentials. */
    public static ElasticsearchConnection of(String urls) {
        return new ElasticsearchConnection(
                Arrays.stream(urls.split(",")).map(String::trim).map(URI::create).toList(),
                null,
                null,
                null,
                null);
    }

    public ElasticsearchConnection withBasicAuth(String username, String password) {
        return new ElasticsearchConnection(hosts, username, password, apiKey, caCertificatePem);
    }

    public ElasticsearchConnection withApiKey(String apiKey) {
        return new ElasticsearchConnection(hosts, username, password, apiKey, caCertificatePem);
    }

    /**
     * Trusts only the authority of {@code pem} (one or more certificates) instead of Java's default
     * trust store.
     */
    public ElasticsearchConnection withCaCertificate(String pem) {
        return new ElasticsearchConnection(hosts, username, password, apiKey, pem);
    }

    public ElasticsearchAsyncClient asyncClient() {
        return new ElasticsearchAsyncClient(config());
    }

    /** A client for searches as JSON trees (brand reports); the caller closes it. */
    public ElasticsearchJson json() {
        return new ElasticsearchJson(asyncClient(), hosts);
    }

    private ElasticsearchTransportConfig config() {
        ElasticsearchTransportConfig.Builder builder =
                new ElasticsearchTransportConfig.Builder().hosts(hosts);
        if (caCertificatePem != null) {
            builder.sslContext(
                    TransportUtils.sslContextFromHttpCaCrt(
                            new ByteArrayInputStream(
                                    caCertificatePem.getBytes(StandardCharsets.US_ASCII))));
        }
        if (apiKey != null) {
            builder.apiKey(apiKey);
        } else if (username != null) {
            builder.usernameAndPassword(username, password);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        String auth =
                apiKey != null ? "api key" : username != null ? "user " + username : "no auth";
        return "ElasticsearchConnection["
                + hosts
                + ", "
                + auth
                + (caCertificatePem == null ? "" : ", own CA")
                + "]";
    }
}
