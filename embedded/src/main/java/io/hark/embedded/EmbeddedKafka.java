// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (one KRaft process that is both broker and controller) running
 * inside this JVM, started with Kafka's own test kit and listening on 127.0.0.1 only. Its log
 * directories are temporary and deleted by {@link #close()}; a JVM shutdown hook closes it if
 * nobody else does.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final long ADMIN_TIMEOUT_SECONDS = 60;

    /**
     * Sized for one broker: the defaults expect three replicas and spread coordinators over 50
     * partitions.
     */
    private static final Map<String, String> SINGLE_NODE_CONFIG =
            Map.ofEntries(
                    Map.entry("offsets.topic.replication.factor", "1"),
                    Map.entry("offsets.topic.num.partitions", "1"),
                    Map.entry("transaction.state.log.replication.factor", "1"),
                    Map.entry("transaction.state.log.min.isr", "1"),
                    Map.entry("transaction.state.log.num.partitions", "1"),
                    Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                    Map.entry("share.coordinator.state.topic.min.isr", "1"),
                    Map.entry("group.initial.rebalance.delay.ms", "0"),
                    // A restarted broker can only register once the controller has expired its
                    // previous session, so
                    // the session length (default 9 s) is the floor of stopBroker() +
                    // startBroker().
                    Map.entry("broker.heartbeat.interval.ms", "500"),
                    Map.entry("broker.session.timeout.ms", "3000"),
                    // topics are created explicitly, as in production, so a missing one shows up as
                    // an error
                    Map.entry("auto.create.topics.enable", "false"));

    /** The listener of {@link #startSecured} where clients log in with SCRAM-SHA-512 over TLS. */
    public static final String SASL_SSL_LISTENER = "SASL_SSL";

    /**
     * The listener of {@link #startSecured} where clients prove who they are with a certificate
     * (mutual TLS).
     */
    public static final String MUTUAL_TLS_LISTENER = "SSL";

    private static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private final KafkaClusterTestKit cluster;
    private final BrokerServer broker;
    private final String bootstrapServers;
    private final ShutdownHook shutdownHook;
    private boolean closed;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.broker = cluster.brokers().values().iterator().next();
        this.bootstrapServers = HOST + ":" + broker.boundPort(brokerListener(cluster));
        this.shutdownHook = ShutdownHook.register("hark-kafka-shutdown", this::close);
    }

    public static EmbeddedKafka start() {
        return start(Map.of());
    }

    /**
     * Starts the cluster with broker settings that override (or add to) the single-node defaults.
     */
    public static EmbeddedKafka start(Map<String, String> brokerOverrides) {
        return start(brokerOverrides, List.of());
    }

    /**
     * Starts the cluster as production clusters are secured: besides the plaintext listener (for
     * the controller, inter-broker traffic and test setup such as {@link #createTopics} and {@link
     * #createScramUser}), a {@value #SASL_SSL_LISTENER} listener for SCRAM-SHA-512 users and a
     * {@value #MUTUAL_TLS_LISTENER} listener that requires a client certificate. Both present
     * {@code broker}'s certificate; the mutual TLS listener accepts client certificates signed by
     * the authority in {@code truststore}.
     */
    public static EmbeddedKafka startSecured(CertificateAuthority.Issued broker, Path truststore) {
        String jaasConfigKey =
                "listener.name."
                        + SASL_SSL_LISTENER.toLowerCase(Locale.ROOT)
                        + "."
                        + SCRAM_MECHANISM.toLowerCase(Locale.ROOT)
                        + ".sasl.jaas.config";
        return start(
                Map.of(
                        "sasl.enabled.mechanisms",
                        SCRAM_MECHANISM,
                        jaasConfigKey,
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                        "listener.name."
                                + MUTUAL_TLS_LISTENER.toLowerCase(Locale.ROOT)
                                + ".ssl.client.auth",
                        "required",
                        "ssl.keystore.type",
                        "PKCS12",
                        "ssl.keystore.location",
                        broker.keystore().toString(),
                        "ssl.keystore.password",
                        CertificateAuthority.STORE_PASSWORD,
                        "ssl.truststore.type",
                        "PKCS12",
                        "ssl.truststore.location",
                        truststore.toString(),
                        "ssl.truststore.password",
                        CertificateAuthority.STORE_PASSWORD),
                List.of(SASL_SSL_LISTENER, MUTUAL_TLS_LISTENER));
    }

    /**
     * {@code secureListeners} are named after their security protocol, so the name says what each
     * is.
     */
    private static EmbeddedKafka start(
            Map<String, String> brokerOverrides, List<String> secureListeners) {
        long startNanos = System.nanoTime();
        KafkaClusterTestKit cluster = build(brokerOverrides, secureListeners);
        try {
            bindListenersToLoopback(cluster);
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(cluster, e);
            throw new IllegalStateException("Embedded Kafka failed to start", e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(cluster);
        LOG.info(
                "Kafka ready at {} after {} ms",
                kafka.bootstrapServers,
                (System.nanoTime() - startNanos) / 1_000_000);
        return kafka;
    }

    /**
     * Kafka's storage formatter prints to standard output, which belongs to the callers' results
     * (e.g. the JSON last line of {@code hark local --exit-after-drain}): it goes to the log
     * instead.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            cluster.format();
        } finally {
            System.setOut(stdout);
            LOG.debug(
                    "Kafka storage formatter: {}",
                    captured.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static KafkaClusterTestKit build(
            Map<String, String> brokerOverrides, List<String> secureListeners) {
        try {
            Path baseDirectory = Files.createTempDirectory("hark-kafka-");
            TestKitNodes nodes =
                    new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .setBaseDirectory(baseDirectory)
                            .build();
            Map<String, String> config = new HashMap<>(SINGLE_NODE_CONFIG);
            List<String> listeners =
                    new ArrayList<>(
                            List.of(
                                    nodes.brokerListenerName().value(),
                                    nodes.controllerListenerName().value()));
            listeners.addAll(secureListeners);
            config.put(
                    "listeners",
                    String.join(
                            ",",
                            listeners.stream().map(name -> name + "://" + HOST + ":0").toList()));
            if (!secureListeners.isEmpty()) {
                List<String> protocols =
                        new ArrayList<>(
                                List.of(
                                        nodes.brokerListenerName().value()
                                                + ":"
                                                + nodes.brokerListenerProtocol().name,
                                        nodes.controllerListenerName().value()
                                                + ":"
                                                + nodes.controllerListenerProtocol().name));
                secureListeners.forEach(name -> protocols.add(name + ":" + name));
                config.put("listener.security.protocol.map", String.join(",", protocols));
            }
            config.putAll(brokerOverrides);
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            config.forEach(builder::setConfigProp);
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot configure embedded Kafka", e);
        }
    }

    /**
     * The test kit reserves each listener's port by binding it on all interfaces, then hands that
     * socket to the server regardless of the configured host. Closing the reserved sockets makes
     * the servers bind the same ports anew, on the host of our listeners (127.0.0.1) - the path the
     * kit itself takes when a server restarts.
     */
    private static void bindListenersToLoopback(KafkaClusterTestKit cluster) throws IOException {
        ServerSocketFactory sockets =
                cluster.brokers().values().iterator().next().sharedServer().socketFactory();
        for (ListenerName listener :
                List.of(
                        cluster.nodes().brokerListenerName(),
                        cluster.nodes().controllerListenerName())) {
            try (ServerSocketChannel reserved =
                    sockets.openServerSocket(
                            listener.value(), new InetSocketAddress(HOST, 0), -1, -1)) {
                LOG.debug(
                        "Released the wildcard reservation of port {} for {}",
                        reserved.socket().getLocalPort(),
                        listener);
            }
        }
    }

    /** The plaintext listener's address. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The address of one of the listeners of {@link #startSecured}. */
    public String bootstrapServers(String listener) {
        return HOST + ":" + broker.boundPort(ListenerName.normalised(listener));
    }

    /**
     * Adds a SCRAM-SHA-512 user for the {@value #SASL_SSL_LISTENER} listener (as {@code
     * kafka-configs} would).
     */
    public void createScramUser(String user, String password) {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.alterUserScramCredentials(
                            List.of(
                                    new UserScramCredentialUpsertion(
                                            user,
                                            new ScramCredentialInfo(
                                                    ScramMechanism.SCRAM_SHA_512, 8192),
                                            password)))
                    .all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create SCRAM user " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating SCRAM user " + user, e);
        }
    }

    /**
     * Creates the topics that do not exist yet (replication factor 1) and waits until they are
     * created and every partition has a leader. Existing topics are left as they are, whatever
     * their partition count.
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        List<NewTopic> topics =
                partitionsByTopic.entrySet().stream()
                        .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                        .toList();
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (Map.Entry<String, KafkaFuture<Void>> creation :
                    admin.createTopics(topics).values().entrySet()) {
                awaitCreation(creation.getKey(), creation.getValue());
            }
            awaitLeaders(admin, partitionsByTopic.keySet());
        }
    }

    /*
     * A producer that writes to a partition before its leader is in place gets NOT_LEADER_OR_FOLLOWER, and an
     * idempotent one can then be stuck retrying with out-of-order sequence numbers until its delivery timeout.
     */
    private static void awaitLeaders(Admin admin, java.util.Collection<String> topics) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
        try {
            while (!haveLeaders(admin, topics)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Topics "
                                    + topics
                                    + " got no leaders within "
                                    + ADMIN_TIMEOUT_SECONDS
                                    + " s");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted while waiting for leaders of " + topics, e);
        }
    }

    /**
     * Every partition has a leader in the metadata, and the leader serves it: the metadata can name
     * a leader before its replica manager has taken the partition on (seen after a broker restart),
     * and only a request for the leader itself (latest offsets) tells.
     */
    private static boolean haveLeaders(Admin admin, java.util.Collection<String> topics)
            throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (TopicDescription description :
                    admin.describeTopics(topics)
                            .allTopicNames()
                            .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                            .values()) {
                for (TopicPartitionInfo partition : description.partitions()) {
                    if (partition.leader() == null || partition.leader().isEmpty()) {
                        return false;
                    }
                    partitions.put(
                            new TopicPartition(description.name(), partition.partition()),
                            OffsetSpec.latest());
                }
            }
            admin.listOffsets(partitions).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false; // not in this broker's metadata yet, or its leader not serving it yet
        }
    }

    private static void awaitCreation(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Topic " + topic + " was not created within " + ADMIN_TIMEOUT_SECONDS + " s",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }

    /**
     * Shuts the broker down, as in a broker outage: clients lose their connections, while the
     * controller keeps running and the data stays for {@link #startBroker()}.
     */
    public synchronized void stopBroker() {
        requireOpen();
        broker.shutdown();
        broker.awaitShutdown();
        LOG.info("Kafka broker at {} stopped", bootstrapServers);
    }

    /**
     * Starts the broker again on the same port with the same data, and waits until it serves
     * clients.
     */
    public synchronized void startBroker() {
        requireOpen();
        broker.startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka broker at " + bootstrapServers + " did not become ready", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the Kafka broker", e);
        }
        LOG.info("Kafka broker at {} started again", bootstrapServers);
    }

    public synchronized void restartBroker() {
        stopBroker();
        startBroker();
    }

    /** Shuts the cluster down and deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded Kafka did not shut down cleanly", e);
        } finally {
            shutdownHook.withdraw();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Embedded Kafka at " + bootstrapServers + " is closed");
        }
    }

    private static ListenerName brokerListener(KafkaClusterTestKit cluster) {
        // KafkaConfig normalises listener names, so look the port up under the normalised name
        return ListenerName.normalised(cluster.nodes().brokerListenerName().value());
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Exception failure) {
        try {
            cluster.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
