// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of KRaft brokers, each a process of its own ({@code kafka.Kafka
 * server.properties}, Kafka's own entry point) that is broker and controller at once, as small
 * production clusters run. Topics are replicated to every broker with {@code min.insync.replicas}
 * of a majority, so one broker can die without losing or refusing an acknowledged ({@code
 * acks=all}) record. Listens on 127.0.0.1 only; {@link #close()} kills the brokers and deletes
 * their data, and so does a JVM shutdown hook.
 */
public final class KafkaCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    private static final String HOST = "127.0.0.1";
    private static final String CLASSPATH = ChildJvm.classpath("kafka-broker-classpath.txt");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final long ADMIN_TIMEOUT_SECONDS = 60;
    private static final int START_ATTEMPTS = 3;

    private final Path directory;
    private final List<Broker> brokers;
    private final String bootstrapServers;
    private final ShutdownHook shutdownHook;
    private boolean closed;

    /** One broker: its id, ports, files, and its process while it runs. */
    private static final class Broker {
        final int id;
        final int port;
        final int controllerPort;
        final Path properties;
        ChildJvm process;
        boolean killed;

        Broker(int id, int port, int controllerPort, Path properties) {
            this.id = id;
            this.port = port;
            this.controllerPort = controllerPort;
            this.properties = properties;
        }
    }

    private KafkaCluster(Path directory, List<Broker> brokers) {
        this.directory = directory;
        this.brokers = brokers;
        this.bootstrapServers =
                brokers.stream().map(b -> HOST + ":" + b.port).collect(Collectors.joining(","));
        this.shutdownHook = ShutdownHook.register("hark-kafka-cluster-shutdown", this::close);
    }

    /**
     * Starts {@code size} brokers (at least 3 for a majority to outlive one) and waits for them. A
     * broker that dies while starting (another process took a port it was given) makes it start all
     * over on other ports.
     */
    public static KafkaCluster start(int size) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePorts(size);
            } catch (BrokerDied e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
                LOG.info("{}; starting the Kafka cluster again on other ports", e.getMessage());
            }
        }
    }

    private static KafkaCluster startOnFreePorts(int size) {
        Path directory;
        try {
            directory = Files.createTempDirectory("hark-kafka-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for Kafka", e);
        }
        List<Broker> brokers = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            brokers.add(
                    new Broker(
                            id,
                            LocalPorts.free(),
                            LocalPorts.free(),
                            directory.resolve("broker-" + id + ".properties")));
        }
        KafkaCluster cluster = new KafkaCluster(directory, brokers);
        try {
            // Kafka's own ids never start with a dash, which the formatter would read as an option
            String clusterId = Uuid.randomUuid().toString();
            for (Broker broker : brokers) {
                Files.writeString(broker.properties, cluster.serverProperties(broker));
                ChildJvm.start(
                                CLASSPATH,
                                List.of("-Xmx256m"),
                                "kafka.tools.StorageTool",
                                List.of(
                                        "format",
                                        "--cluster-id",
                                        clusterId,
                                        "--config",
                                        broker.properties.toString()),
                                directory.resolve("format-" + broker.id + ".log"))
                        .awaitSuccess(Duration.ofMinutes(2));
            }
            brokers.forEach(cluster::launch);
            cluster.awaitBrokers(size);
            LOG.info("Kafka cluster of {} brokers ready at {}", size, cluster.bootstrapServers);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private String serverProperties(Broker broker) {
        String voters =
                brokers.stream()
                        .map(b -> b.id + "@" + HOST + ":" + b.controllerPort)
                        .collect(Collectors.joining(","));
        int majority = brokers.size() / 2 + 1;
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=" + broker.id,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://"
                        + HOST
                        + ":"
                        + broker.port
                        + ",CONTROLLER://"
                        + HOST
                        + ":"
                        + broker.controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + broker.port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data-" + broker.id),
                "default.replication.factor=" + brokers.size(),
                "min.insync.replicas=" + majority,
                "offsets.topic.replication.factor=" + brokers.size(),
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=" + brokers.size(),
                "transaction.state.log.min.isr=" + majority,
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=" + brokers.size(),
                "share.coordinator.state.topic.min.isr=" + majority,
                "unclean.leader.election.enable=false",
                "group.initial.rebalance.delay.ms=0",
                // a killed broker is declared dead, and its partitions led elsewhere, after the
                // session timeout (default 9 s)
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=3000",
                "auto.create.topics.enable=false",
                "");
    }

    private void launch(Broker broker) {
        broker.process =
                ChildJvm.start(
                        CLASSPATH,
                        List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC"),
                        "kafka.Kafka",
                        List.of(broker.properties.toString()),
                        directory.resolve("broker-" + broker.id + ".log"));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Creates the topics (replicated to every broker) and waits until each partition has a leader.
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            List<NewTopic> topics =
                    partitionsByTopic.entrySet().stream()
                            .map(
                                    topic ->
                                            new NewTopic(
                                                    topic.getKey(),
                                                    topic.getValue(),
                                                    (short) brokers.size()))
                            .toList();
            admin.createTopics(topics)
                    .values()
                    .forEach(
                            (topic, created) -> {
                                try {
                                    created.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                                } catch (ExecutionException e) {
                                    if (!(e.getCause() instanceof TopicExistsException)) {
                                        throw new IllegalStateException(
                                                "Cannot create topic " + topic, e.getCause());
                                    }
                                } catch (TimeoutException | InterruptedException e) {
                                    throw new IllegalStateException("Cannot create " + topic, e);
                                }
                            });
            awaitUntil(
                    "leaders of " + partitionsByTopic.keySet(),
                    () -> leaders(admin, partitionsByTopic.keySet()).stream().allMatch(l -> l > 0));
        }
    }

    /**
     * The broker that leads the most partitions of {@code topic}: the one whose loss the topic's
     * readers and writers feel most.
     */
    public int leaderOf(String topic) {
        try (Admin admin = admin()) {
            return leaders(admin, Set.of(topic)).stream()
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                    .entrySet()
                    .stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
        }
    }

    /** Each partition's leader's id, or -1 where it has none. */
    private static List<Integer> leaders(Admin admin, Collection<String> topics) {
        try {
            List<Integer> leaders = new ArrayList<>();
            for (TopicDescription description :
                    admin.describeTopics(topics)
                            .allTopicNames()
                            .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                            .values()) {
                for (TopicPartitionInfo partition : description.partitions()) {
                    Node leader = partition.leader();
                    leaders.add(leader == null || leader.isEmpty() ? -1 : leader.id());
                }
            }
            return leaders;
        } catch (ExecutionException | TimeoutException e) {
            return List.of(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing " + topics, e);
        }
    }

    /** {@code kill -9} of the broker: no controlled shutdown, its partitions lose their leader. */
    public synchronized void kill(int brokerId) {
        Broker broker = broker(brokerId);
        broker.killed = true;
        broker.process.kill();
        LOG.info("Kafka broker {} (pid {}) killed", brokerId, broker.process.pid());
    }

    /** Starts a killed broker again on its data, and waits until the cluster has it back. */
    public synchronized void restart(int brokerId) {
        Broker broker = broker(brokerId);
        broker.killed = false;
        launch(broker);
        awaitBrokers(brokers.size());
        LOG.info("Kafka broker {} started again", brokerId);
    }

    private Broker broker(int id) {
        return brokers.stream().filter(b -> b.id == id).findFirst().orElseThrow();
    }

    private void awaitBrokers(int count) {
        try (Admin admin = admin()) {
            awaitUntil(
                    count + " brokers",
                    () -> {
                        try {
                            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size()
                                    >= count;
                        } catch (ExecutionException | TimeoutException e) {
                            return false;
                        }
                    });
        }
    }

    private interface Condition {
        boolean holds() throws InterruptedException;
    }

    private void awaitUntil(String what, Condition condition) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            while (!condition.holds()) {
                for (Broker broker : brokers) {
                    if (broker.process != null && !broker.killed && !broker.process.isAlive()) {
                        throw new BrokerDied(broker.id, broker.process.outputTail());
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "No "
                                    + what
                                    + " within "
                                    + READY_TIMEOUT.toSeconds()
                                    + " s; see "
                                    + directory);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }

    private static final class BrokerDied extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        BrokerDied(int id, String output) {
            super("Kafka broker " + id + " died; its output ends with:\n" + output);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            brokers.stream().filter(b -> b.process != null).forEach(b -> b.process.kill());
        } finally {
            Directories.deleteRecursively(directory);
            shutdownHook.withdraw();
        }
    }
}
