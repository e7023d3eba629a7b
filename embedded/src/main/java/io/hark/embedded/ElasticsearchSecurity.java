// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Elasticsearch with security on, as in production: HTTPS with a certificate from {@code authority}
 * and one superuser in the file realm. The distribution has the security module but not the
 * analysis module its {@code .security} index needs, so users and API keys cannot be created
 * through the REST API; the file realm needs no index.
 */
record ElasticsearchSecurity(
        CertificateAuthority authority,
        CertificateAuthority.Issued certificate,
        String user,
        String password) {

    private static final String CERTIFICATE = "http.pem";
    private static final String PRIVATE_KEY = "http.key";
    private static final String AUTHORITY = "http-ca.pem";

    ElasticsearchSecurity {
        if (password.length() < 6) {
            throw new IllegalArgumentException(
                    "Elasticsearch rejects passwords shorter than 6 characters");
        }
    }

    List<String> settings() {
        return List.of(
                "xpack.security.enabled: true",
                // the settings below replace what the first-start auto-configuration would write
                "xpack.security.autoconfiguration.enabled: false",
                "xpack.security.enrollment.enabled: false",
                "xpack.security.http.ssl.enabled: true",
                "xpack.security.http.ssl.certificate: " + CERTIFICATE,
                "xpack.security.http.ssl.key: " + PRIVATE_KEY,
                "xpack.security.http.ssl.certificate_authorities: [ " + AUTHORITY + " ]",
                // a single node talks to nobody over the transport layer
                "xpack.security.transport.ssl.enabled: false");
    }

    /**
     * Puts the certificate files into {@code configDirectory} and adds the user with the
     * distribution's own tool, which hashes the password as the file realm expects.
     */
    void install(Path home, Path javaHome, Path configDirectory) {
        try {
            Files.copy(
                    certificate.certificate(),
                    configDirectory.resolve(CERTIFICATE),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    certificate.privateKey(),
                    configDirectory.resolve(PRIVATE_KEY),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    authority.certificate(),
                    configDirectory.resolve(AUTHORITY),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot copy the certificates into " + configDirectory, e);
        }
        ProcessBuilder users =
                new ProcessBuilder(
                                home.resolve("bin/elasticsearch-users").toString(),
                                "useradd",
                                user,
                                "-p",
                                password,
                                "-r",
                                "superuser")
                        .redirectErrorStream(true);
        users.environment()
                .putAll(
                        Map.of(
                                "ES_JAVA_HOME",
                                javaHome.toString(),
                                "ES_PATH_CONF",
                                configDirectory.toString()));
        users.environment().remove("JAVA_HOME");
        try {
            Process process = users.start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(
                        "elasticsearch-users could not add " + user + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run elasticsearch-users", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while adding the Elasticsearch user", e);
        }
    }

    /** Trusts the authority only, as a client given its certificate does. */
    SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(authority.certificate())) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust " + authority.certificate(), e);
        }
    }

    String authorizationHeader() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The password is a test secret, but tests check secrets never reach logs, so it stays out of
     * them.
     */
    @Override
    public String toString() {
        return "ElasticsearchSecurity[user " + user + "]";
    }
}
