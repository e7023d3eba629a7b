// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A throwaway certificate authority for servers and clients that run with TLS in tests. The JDK's
 * own {@code keytool} makes the keys and signs the certificates (the JDK has no public API for
 * signing), so no crypto library is needed. Every file is written in the forms servers and clients
 * take: PKCS12 stores for Kafka and Java clients, PEM certificates and keys for Elasticsearch.
 */
public final class CertificateAuthority {

    /** Protects the throwaway PKCS12 stores; they hold test keys only. */
    public static final String STORE_PASSWORD = "hark-test-store";

    private static final String VALIDITY_DAYS = "2";
    private static final String CA_ALIAS = "ca";

    private final Path directory;

    private CertificateAuthority(Path directory) {
        this.directory = directory;
    }

    /**
     * One issued key pair.
     *
     * @param keystore PKCS12 holding the private key and the certificate chain up to the authority
     * @param certificate the certificate, PEM
     * @param privateKey the unencrypted PKCS#8 private key, PEM
     */
    public record Issued(Path keystore, Path certificate, Path privateKey) {}

    /**
     * Creates a new authority (named {@code name} in its certificate) with its files in {@code
     * directory}.
     */
    public static CertificateAuthority create(Path directory, String name) {
        CertificateAuthority authority = new CertificateAuthority(directory);
        authority.keytool(
                "-genkeypair",
                "-alias",
                CA_ALIAS,
                "-dname",
                "CN=" + name,
                "-ext",
                "bc:c",
                "-keystore",
                authority.caKeystore().toString(),
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                VALIDITY_DAYS);
        authority.keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                CA_ALIAS,
                "-keystore",
                authority.caKeystore().toString(),
                "-file",
                authority.certificate().toString());
        authority.keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                CA_ALIAS,
                "-file",
                authority.certificate().toString(),
                "-keystore",
                authority.truststore().toString());
        return authority;
    }

    /**
     * Creates a new authority in a temporary directory that is deleted, keys and all, when the JVM
     * exits.
     */
    public static CertificateAuthority createTemporary(String name) {
        Path directory;
        try {
            directory = Files.createTempDirectory("hark-ca-");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create a directory for the certificate authority", e);
        }
        ShutdownHook.register("hark-ca-cleanup", () -> Directories.deleteRecursively(directory));
        return create(directory, name);
    }

    /** Where the authority keeps its files; others may put theirs beside them. */
    public Path directory() {
        return directory;
    }

    /** The authority's own certificate, PEM: what a client is told to trust. */
    public Path certificate() {
        return directory.resolve("ca.pem");
    }

    /** A PKCS12 trust store holding only the authority's certificate. */
    public Path truststore() {
        return directory.resolve("ca-truststore.p12");
    }

    /**
     * Issues a certificate for {@code name}, valid for servers and clients on 127.0.0.1 and
     * localhost (the names clients check a server's certificate against).
     */
    public Issued issue(String name) {
        Path keystore = directory.resolve(name + ".p12");
        Path request = directory.resolve(name + ".csr");
        Path certificate = directory.resolve(name + ".pem");
        Path chain = directory.resolve(name + "-chain.pem");
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-dname",
                "CN=" + name,
                "-keystore",
                keystore.toString(),
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                VALIDITY_DAYS);
        keytool(
                "-certreq",
                "-alias",
                name,
                "-keystore",
                keystore.toString(),
                "-file",
                request.toString());
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                CA_ALIAS,
                "-keystore",
                caKeystore().toString(),
                "-infile",
                request.toString(),
                "-outfile",
                certificate.toString(),
                "-ext",
                "san=ip:127.0.0.1,dns:localhost",
                "-ext",
                "eku=serverAuth,clientAuth",
                "-validity",
                VALIDITY_DAYS);
        try {
            Files.writeString(
                    chain, Files.readString(certificate) + Files.readString(certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + chain, e);
        }
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                name,
                "-file",
                chain.toString(),
                "-keystore",
                keystore.toString());
        Path privateKey = directory.resolve(name + ".key");
        writePrivateKeyPem(keystore, name, privateKey);
        return new Issued(keystore, certificate, privateKey);
    }

    private Path caKeystore() {
        return directory.resolve("ca.p12");
    }

    /** keytool writes no PEM keys, so the key is taken from its store and encoded here. */
    private static void writePrivateKeyPem(Path keystore, String alias, Path target) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD.toCharArray());
            Key key = store.getKey(alias, STORE_PASSWORD.toCharArray());
            String base64 =
                    Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(key.getEncoded());
            Files.writeString(
                    target,
                    "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot write the private key of " + alias + " to " + target, e);
        }
    }

    private void keytool(String... arguments) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(
                        "keytool " + arguments[0] + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }
}
