// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.hark.embedded.CertificateAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Stands in for Elasticsearch's API key check, which the embedded distribution cannot do (API keys
 * live in the {@code .security} index, which needs an analysis module the distribution lacks). An
 * HTTPS endpoint with a certificate from the test CA that answers 401 unless the request carries
 * {@code Authorization: ApiKey <key>}, and otherwise forwards it to the real, secured Elasticsearch
 * as its user.
 */
final class ApiKeyGateway implements AutoCloseable {
    /** Hop-by-hop or recomputed headers, which are not copied. */
    private static final Set<String> NOT_COPIED =
            Set.of(
                    "content-length",
                    "transfer-encoding",
                    "connection",
                    "host",
                    "authorization",
                    "upgrade",
                    "expect");

    private final HttpsServer server;
    private final HttpClient elasticsearch;
    private final URI target;
    private final String expectedAuthorization;
    private final String targetAuthorization;

    private ApiKeyGateway(SecuredServers servers, String apiKey, String targetAuthorization)
            throws IOException {
        CertificateAuthority.Issued certificate = servers.authority.issue("api-key-gateway");
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(
                new HttpsConfigurator(
                        sslContext(certificate.keystore(), servers.authority.truststore())));
        server.createContext("/", this::handle);
        elasticsearch =
                HttpClient.newBuilder()
                        .sslContext(sslContext(null, servers.authority.truststore()))
                        .build();
        target = URI.create(servers.elasticsearch.httpUrl());
        expectedAuthorization = "ApiKey " + apiKey;
        this.targetAuthorization = targetAuthorization;
    }

    /** Starts a gateway that wants {@code apiKey} and forwards with {@code targetAuthorization}. */
    static ApiKeyGateway start(SecuredServers servers, String apiKey, String targetAuthorization)
            throws IOException {
        ApiKeyGateway gateway = new ApiKeyGateway(servers, apiKey, targetAuthorization);
        gateway.server.start();
        return gateway;
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!expectedAuthorization.equals(
                    exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder forward =
                    HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                            .method(
                                    exchange.getRequestMethod(),
                                    HttpRequest.BodyPublishers.ofByteArray(body))
                            .header("Authorization", targetAuthorization);
            exchange.getRequestHeaders()
                    .forEach(
                            (name, values) -> {
                                if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
                                    values.forEach(value -> forward.header(name, value));
                                }
                            });
            HttpResponse<InputStream> response =
                    elasticsearch.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers()
                    .map()
                    .forEach(
                            (name, values) -> {
                                if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))
                                        && !name.startsWith(":")) {
                                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                                }
                            });
            byte[] answer = response.body().readAllBytes();
            exchange.sendResponseHeaders(
                    response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to Elasticsearch", e);
        }
    }

    private static SSLContext sslContext(Path keystore, Path truststore) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManagerFactory keys = null;
            if (keystore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keystore), CertificateAuthority.STORE_PASSWORD.toCharArray());
            }
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(truststore));
            context.init(
                    keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS from " + keystore + " and " + truststore, e);
        }
    }

    private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, CertificateAuthority.STORE_PASSWORD.toCharArray());
        }
        return keyStore;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
