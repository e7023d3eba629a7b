// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaITCase {

    private static final String TOPIC = "mentions";

    @Test
    void producesAndConsumesOverTwoPartitions() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(Map.of(TOPIC, 2));
            kafka.createTopics(Map.of(TOPIC, 2, "other", 1));

            try (Admin admin =
                    Admin.create(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC, "other");
                assertThat(
                                admin.describeTopics(Set.of(TOPIC))
                                        .allTopicNames()
                                        .get()
                                        .get(TOPIC)
                                        .partitions())
                        .hasSize(2);
            }

            produce(kafka, 0, "a", "b");
            produce(kafka, 1, "c", "d");

            List<ConsumerRecord<String, String>> records = consume(kafka, 4);
            assertThat(records)
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("a", "b", "c", "d");
            assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1);
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> otherAddress = nonLoopbackAddress();
        assumeThat(otherAddress).as("a non-loopback IPv4 address on this machine").isPresent();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            assertThatThrownBy(() -> connect(otherAddress.get(), port(kafka)))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void restartedBrokerKeepsItsPortAndData() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrapServers = kafka.bootstrapServers();
            kafka.createTopics(Map.of(TOPIC, 2));
            produce(kafka, 0, "before");

            kafka.stopBroker();
            assertThatThrownBy(() -> connect(InetAddress.getLoopbackAddress(), port(kafka)))
                    .isInstanceOf(IOException.class);
            kafka.startBroker();

            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
            produce(kafka, 1, "after");
            assertThat(consume(kafka, 2))
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("before", "after");
        }
    }

    @Test
    void refusesUseAfterClose() {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        kafka.close();
        kafka.close();

        assertThatThrownBy(kafka::stopBroker).isInstanceOf(IllegalStateException.class);
    }

    private static void produce(EmbeddedKafka kafka, int partition, String... values)
            throws InterruptedException, ExecutionException {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, partition, value, value)).get();
            }
        }
    }

    private static List<ConsumerRecord<String, String>> consume(EmbeddedKafka kafka, int count) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static int port(EmbeddedKafka kafka) {
        return Integer.parseInt(
                kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
    }

    static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(
                        networkInterface -> {
                            try {
                                return networkInterface.isUp() && !networkInterface.isLoopback();
                            } catch (SocketException e) {
                                return false;
                            }
                        })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
    }
}
