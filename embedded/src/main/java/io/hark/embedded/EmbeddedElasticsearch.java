// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch server, run as a child process from the official distribution
 * and listening on 127.0.0.1 only. Each instance has its own data, logs and configuration in a
 * fresh directory that {@link #close()} deletes; a JVM shutdown hook makes sure no server outlives
 * this JVM.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    public static final String DEFAULT_JAVA_OPTS = "-Xms512m -Xmx512m";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int START_ATTEMPTS = 3;
    private static final int OUTPUT_TAIL_LINES = 60;

    private final Path home;
    private final Path javaHome;
    private final Optional<UnprivilegedUser> runAs;
    private final String javaOpts;
    private final Duration startupTimeout;
    private final String clusterName;
    private final String nodeName;
    private final ElasticsearchNodeConfig.Discovery discovery;
    private final Path instanceDirectory;
    private final Path consoleLog;
    private final Optional<ElasticsearchSecurity> security;
    private final HttpClient http;
    private final ShutdownHook shutdownHook;

    private ElasticsearchNodeConfig config;
    private Process process;

    /**
     * Where the current launch's output starts in the console log, which keeps the output of all
     * launches.
     */
    private long consoleOffset;

    private boolean closed;

    public static EmbeddedElasticsearch start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String javaOpts = DEFAULT_JAVA_OPTS;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private Optional<ElasticsearchSecurity> security = Optional.empty();
        private String clusterName = "hark-" + UUID.randomUUID().toString().substring(0, 8);
        private String nodeName = clusterName + "-node";
        private ElasticsearchNodeConfig.Discovery discovery =
                ElasticsearchNodeConfig.Discovery.SINGLE_NODE;

        private Builder() {}

        /**
         * JVM options of the server (ES_JAVA_OPTS), by default {@value
         * EmbeddedElasticsearch#DEFAULT_JAVA_OPTS}.
         */
        public Builder javaOpts(String javaOpts) {
            this.javaOpts = Objects.requireNonNull(javaOpts);
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /**
         * Turns security on, as in production: HTTPS only, with a certificate issued by {@code
         * authority}, and {@code user} (a superuser) must log in with {@code password}. API keys
         * cannot be created on this distribution (see {@link ElasticsearchSecurity}).
         */
        public Builder secured(CertificateAuthority authority, String user, String password) {
            this.security =
                    Optional.of(
                            new ElasticsearchSecurity(
                                    authority, authority.issue("elasticsearch"), user, password));
            return this;
        }

        /**
         * Makes the node the master-eligible (and data) node of a cluster that other nodes join
         * ({@link #joining}), rather than a cluster of one.
         */
        public Builder formingCluster() {
            this.discovery = ElasticsearchNodeConfig.Discovery.FORMS_CLUSTER;
            return this;
        }

        /**
         * Makes the node a data-only node of {@code manager}'s cluster ({@link #formingCluster}):
         * its loss leaves the cluster its master, so indexing goes on on the replicas.
         */
        public Builder joining(EmbeddedElasticsearch manager) {
            this.clusterName = manager.clusterName;
            this.nodeName = clusterName + "-data-" + UUID.randomUUID().toString().substring(0, 4);
            this.discovery =
                    ElasticsearchNodeConfig.Discovery.dataNodeJoining(manager.transportPort());
            return this;
        }

        /** Starts the server and returns once the cluster health is at least yellow. */
        public EmbeddedElasticsearch start() {
            EmbeddedElasticsearch server =
                    new EmbeddedElasticsearch(
                            ElasticsearchDistribution.installedHome(),
                            ElasticsearchJava.locate(),
                            UnprivilegedUser.neededForElasticsearch(),
                            javaOpts,
                            startupTimeout,
                            security,
                            clusterName,
                            nodeName,
                            discovery);
            try {
                server.startOnFreePorts();
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }

    private EmbeddedElasticsearch(
            Path home,
            Path javaHome,
            Optional<UnprivilegedUser> runAs,
            String javaOpts,
            Duration startupTimeout,
            Optional<ElasticsearchSecurity> security,
            String clusterName,
            String nodeName,
            ElasticsearchNodeConfig.Discovery discovery) {
        this.home = home;
        this.clusterName = clusterName;
        this.nodeName = nodeName;
        this.discovery = discovery;
        this.security = security;
        HttpClient.Builder http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .connectTimeout(Duration.ofSeconds(2));
        security.ifPresent(secured -> http.sslContext(secured.sslContext()));
        this.http = http.build();
        this.javaHome = javaHome;
        this.runAs = runAs;
        this.javaOpts = javaOpts;
        this.startupTimeout = startupTimeout;
        try {
            this.instanceDirectory =
                    Files.createTempDirectory(
                            Path.of(System.getProperty("java.io.tmpdir")),
                            "hark-elasticsearch-node-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for Elasticsearch", e);
        }
        this.consoleLog = instanceDirectory.resolve("console.log");
        this.shutdownHook = ShutdownHook.register("hark-elasticsearch-shutdown", this::close);
    }

    /** The URL clients use: https when {@link Builder#secured secured}. */
    public String httpUrl() {
        return (security.isPresent() ? "https" : "http")
                + "://"
                + ElasticsearchNodeConfig.HOST
                + ":"
                + httpPort();
    }

    public synchronized int httpPort() {
        return config.httpPort();
    }

    /**
     * Stops the server gracefully, keeping its data for {@link #restart()}. Does nothing if it is
     * stopped.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessTrees.stop(process.toHandle(), STOP_GRACE);
        process = null;
        LOG.info("Elasticsearch at {} stopped", httpUrl());
    }

    synchronized int transportPort() {
        return config.transportPort();
    }

    /**
     * Kills the server at once ({@code kill -9} of its process tree), keeping its data for {@link
     * #restart()}. Does nothing if it is stopped.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        ProcessTrees.kill(process.toHandle());
        process = null;
        LOG.info("Elasticsearch at {} killed", httpUrl());
    }

    /**
     * Starts the server again, stopping it first if needed, on the same port and with the same
     * data.
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("Elasticsearch at " + httpUrl() + " is closed");
        }
        stop();
        launch();
    }

    /** Stops the server and deletes its data, logs and configuration. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            Directories.deleteRecursively(instanceDirectory);
            shutdownHook.withdraw();
        }
    }

    /** The server's process while it runs; for tests that check nothing is left behind. */
    synchronized Optional<ProcessHandle> processHandle() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    private void startOnFreePorts() {
        for (int attempt = 1; ; attempt++) {
            int httpPort = LocalPorts.free();
            int transportPort;
            do {
                transportPort = LocalPorts.free();
            } while (transportPort == httpPort);
            prepareInstanceDirectory(
                    new ElasticsearchNodeConfig(
                            clusterName,
                            nodeName,
                            httpPort,
                            transportPort,
                            instanceDirectory.resolve("data"),
                            instanceDirectory.resolve("logs"),
                            discovery));
            try {
                launch();
                return;
            } catch (StartupFailed e) {
                if (!e.portInUse || attempt == START_ATTEMPTS) {
                    throw e;
                }
                LOG.info(
                        "Elasticsearch could not bind port {} or {}, retrying with other ports",
                        httpPort,
                        transportPort);
            }
        }
    }

    private void prepareInstanceDirectory(ElasticsearchNodeConfig nodeConfig) {
        Path configDirectory = instanceDirectory.resolve("config");
        try {
            if (!Files.exists(configDirectory)) {
                // Elasticsearch reads everything (log4j2.properties, jvm.options, ...) from
                // ES_PATH_CONF
                Directories.copyRecursively(home.resolve("config"), configDirectory);
                security.ifPresent(secured -> secured.install(home, javaHome, configDirectory));
            }
            Files.writeString(
                    configDirectory.resolve("elasticsearch.yml"),
                    security.map(secured -> nodeConfig.elasticsearchYml(secured.settings()))
                            .orElseGet(nodeConfig::elasticsearchYml));
            Files.writeString(
                    configDirectory.resolve("jvm.options"),
                    ElasticsearchNodeConfig.withLogFilesIn(
                            Files.readString(home.resolve("config/jvm.options")),
                            nodeConfig.logsDirectory()));
            Files.createDirectories(nodeConfig.dataDirectory());
            Files.createDirectories(nodeConfig.logsDirectory());
            Files.createDirectories(temporaryDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + instanceDirectory, e);
        }
        runAs.ifPresent(
                user -> {
                    user.takeOwnership(instanceDirectory);
                    user.requireCanEnter(instanceDirectory);
                    user.requireCanEnter(home);
                });
        config = nodeConfig;
    }

    private void launch() {
        long startNanos = System.nanoTime();
        List<String> command = new ArrayList<>();
        runAs.ifPresent(user -> command.addAll(user.commandPrefix()));
        command.add(home.resolve("bin/elasticsearch").toString());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(instanceDirectory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(consoleLog.toFile()));
        Map<String, String> environment = builder.environment();
        // the start script ignores these with a warning, or passes them to the JVM where they do
        // not belong
        List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "CLI_JAVA_OPTS")
                .forEach(environment::remove);
        environment.put("ES_JAVA_HOME", javaHome.toString());
        environment.put("ES_PATH_CONF", instanceDirectory.resolve("config").toString());
        environment.put("ES_JAVA_OPTS", javaOpts);
        environment.put("ES_TMPDIR", temporaryDirectory().toString());
        // keeps the launcher JVM's scratch files out of the shared /tmp too
        environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + temporaryDirectory());
        environment.put("HOME", instanceDirectory.toString());
        try {
            consoleOffset = Files.exists(consoleLog) ? Files.size(consoleLog) : 0;
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
        awaitHealthy();
        LOG.info(
                "Elasticsearch {} ready at {} after {} ms ({})",
                ElasticsearchDistribution.version(),
                httpUrl(),
                (System.nanoTime() - startNanos) / 1_000_000,
                instanceDirectory);
    }

    private void awaitHealthy() {
        URI health = URI.create(httpUrl() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        try {
            while (!isHealthy(health)) {
                if (!process.isAlive()) {
                    int exitCode = process.exitValue();
                    process = null;
                    throw startupFailed("exited with code " + exitCode + " while starting");
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw startupFailed(
                            "did not become healthy within " + startupTimeout.toSeconds() + " s");
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException(
                    "Interrupted while waiting for Elasticsearch to start", e);
        }
    }

    private boolean isHealthy(URI health) throws InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET();
        security.ifPresent(
                secured -> request.header("Authorization", secured.authorizationHeader()));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()
                    == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private StartupFailed startupFailed(String what) {
        String output = consoleOutputTail();
        boolean portInUse =
                output.contains("BindHttpException") || output.contains("BindTransportException");
        return new StartupFailed(
                "Elasticsearch at "
                        + httpUrl()
                        + " "
                        + what
                        + "; its console output ends with:\n"
                        + output,
                portInUse);
    }

    private String consoleOutputTail() {
        try {
            byte[] output = Files.readAllBytes(consoleLog);
            int start = (int) Math.min(consoleOffset, output.length);
            // lenient decoding: a crashing JVM may write anything
            List<String> lines =
                    new String(output, start, output.length - start, StandardCharsets.UTF_8)
                            .lines()
                            .toList();
            return String.join(
                    "\n",
                    lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + consoleLog + ": " + e + ")";
        }
    }

    private Path temporaryDirectory() {
        return instanceDirectory.resolve("tmp");
    }

    private static final class StartupFailed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        private final boolean portInUse;

        StartupFailed(String message, boolean portInUse) {
            super(message);
            this.portInUse = portInUse;
        }
    }
}
