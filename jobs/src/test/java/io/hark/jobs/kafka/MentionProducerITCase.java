// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hark.embedded.SharedServers;
import io.hark.jobs.TestMentions;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import io.hark.schema.MentionJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON Lines load against a real broker goes on past every line Kafka cannot take: a text over
 * the cap, a record over the producer's request limit, a record over the topic's own limit that the
 * broker refuses. Each becomes a dead letter with its file, line and reason, and every line after
 * it is sent.
 */
class MentionProducerITCase {
    private static final int TOPIC_MAX_MESSAGE_BYTES = 20_000;
    private static final int MAX_TEXT_CHARS = 40_000;

    @Test
    void everyLineKafkaCannotTakeIsADeadLetterAndTheLoadGoesOn(@TempDir Path dir) throws Exception {
        String run = "producer-it-" + System.nanoTime();
        KafkaConnection kafka = KafkaConnection.of(SharedServers.kafka().bootstrapServers());
        KafkaTopics.ensure(
                kafka,
                List.of(
                        new NewTopic(run + ".mentions", 1, (short) -1)
                                .configs(
                                        Map.of(
                                                "max.message.bytes",
                                                String.valueOf(TOPIC_MAX_MESSAGE_BYTES))),
                        KafkaTopics.single(run + ".dead-letters")));
        Random random = new Random(7);
        List<String> lines =
                new ArrayList<>(
                        List.of(
                                line(1, "a fine mention of BlueJet"),
                                line(2, "x".repeat(5_000_000)),
                                line(3, "still read after five megabytes"),
                                line(4, incompressible(random, 30_000)),
                                line(5, "and after a record the broker refused"),
                                MentionJson.toJson(withHugeExtras(6)),
                                line(7, "the last line")));
        Path file = Files.write(dir.resolve("hostile.jsonl"), lines);

        MentionProducer.FileResult result;
        try (MentionProducer producer =
                new MentionProducer(kafka, run + ".mentions", run + ".dead-letters")) {
            result = producer.sendJsonLines(file, MAX_TEXT_CHARS, done -> {});
        }

        assertThat(result).isEqualTo(new MentionProducer.FileResult(7, 4, 3, 0));
        List<String> sent = new ArrayList<>();
        TopicReader.readAll(
                kafka, run + ".mentions", record -> sent.add(decode(record.value()).getId()));
        assertThat(sent).containsExactly("1", "3", "5", "7");
        List<DeadLetter> deadLetters = new ArrayList<>();
        TopicReader.readAll(
                kafka,
                run + ".dead-letters",
                record -> deadLetters.add(deadLetter(record.value())));
        assertThat(deadLetters)
                .extracting(DeadLetter::getSourceFile, DeadLetter::getReason)
                .containsExactlyInAnyOrder(
                        tuple("hostile.jsonl:2", "text_too_long"),
                        tuple("hostile.jsonl:4", "record_too_large"),
                        tuple("hostile.jsonl:6", "record_too_large"));
        assertThat(deadLetters)
                .allSatisfy(
                        letter -> {
                            assertThat(letter.getStage()).isEqualTo("ingest");
                            assertThat(letter.getPayloadText().length())
                                    .isLessThanOrEqualTo(MentionJson.MAX_DEAD_LETTER_CHARS);
                        });
        assertThat(deadLetters)
                .filteredOn(letter -> letter.getSourceFile().endsWith(":2"))
                .singleElement()
                .satisfies(
                        letter ->
                                assertThat(letter.getDetail())
                                        .contains(
                                                "5000000 characters",
                                                "cap is 40000",
                                                "first 65536 of"));
        assertThat(deadLetters)
                .filteredOn(letter -> letter.getSourceFile().endsWith(":4"))
                .singleElement()
                .satisfies(
                        letter ->
                                assertThat(letter.getDetail())
                                        .contains("Kafka refused the record for its size"));
    }

    private static String line(int id, String text) {
        return MentionJson.toJson(mention(id, text));
    }

    private static Mention mention(int id, String text) {
        Mention mention = TestMentions.mention(id, Instant.now());
        mention.setId(String.valueOf(id));
        mention.setText(text);
        return mention;
    }

    /** Letters lz4 cannot squeeze below the topic's limit. */
    private static String incompressible(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(90)));
        }
        return text.toString();
    }

    /** Over the producer's 1 MB request limit in a field the text cap does not see. */
    private static Mention withHugeExtras(int id) {
        Mention mention = mention(id, "fine text, heavy extras");
        mention.setExtras(Map.of("raw", "y".repeat(2_000_000)));
        return mention;
    }

    private static Mention decode(byte[] value) {
        try {
            return AvroCodec.MENTION.decode(value);
        } catch (AvroCodec.UndecodableException e) {
            throw new AssertionError(e);
        }
    }

    private static DeadLetter deadLetter(byte[] value) {
        try {
            return AvroCodec.DEAD_LETTER.decode(value);
        } catch (AvroCodec.UndecodableException e) {
            throw new AssertionError(e);
        }
    }
}
