// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kafka;

import io.hark.jobs.Topics;
import io.hark.jobs.listen.operators.ValidateMention;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import io.hark.schema.MentionJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Sends mentions to Kafka as Avro, and what cannot be a mention to the dead-letter topic with its
 * reason: nothing read is dropped silently. A mention Kafka refuses for its size, whether the
 * producer or a broker refuses it, becomes a dead letter too ({@code record_too_large}) and the
 * rest go on. Other delivery errors surface at {@link #flush()}.
 */
public final class MentionProducer implements AutoCloseable {
    /** What a file gave: every line is either sent or dead-lettered. */
    public record FileResult(long lines, long sent, long deadLettered, long duplicateKeys) {}

    /**
     * The most of a refused record's Avro bytes its dead letter keeps, so that the dead letter
     * fits.
     */
    private static final int MAX_DEAD_LETTER_BYTES = 256 * 1024;

    private final CheckedProducer producer;
    private final String topic;
    private final String deadLetterTopic;

    /**
     * Dead letters of records refused for their size, some on Kafka's I/O thread, to send from the
     * caller's.
     */
    private final Queue<DeadLetter> refused = new ConcurrentLinkedQueue<>();

    private long refusedCount;

    public MentionProducer(KafkaConnection kafka, String topic, String deadLetterTopic) {
        Properties batching = new Properties();
        batching.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        batching.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new CheckedProducer(kafka, "hark-produce", batching);
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
    }

    public void send(Mention mention) {
        ProducerRecord<byte[], byte[]> record = Topics.mentionRecord(topic, mention);
        producer.send(
                record,
                error -> refused.add(refusedRecord(record.value(), MentionIds.of(mention), error)));
        sendRefused();
    }

    /** Bytes as they are, for tests and tools that need records Hark did not write. */
    public void sendRaw(byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    public void deadLetter(DeadLetter deadLetter) {
        producer.send(Topics.deadLetterRecord(deadLetterTopic, deadLetter));
    }

    /**
     * Sends a JSON Lines file of mentions ({@link MentionJson}). Blank lines are skipped; lines
     * that are not valid mentions, whose text is longer than {@code maxTextChars} (the listen job's
     * cap), or that Kafka refuses for their size become dead letters with their reason, file name
     * and line number.
     *
     * @param linesDone told the number of lines handled so far, for progress display
     */
    public FileResult sendJsonLines(Path file, int maxTextChars, LongConsumer linesDone)
            throws IOException {
        long lines = 0;
        long sent = 0;
        long deadLettered = 0;
        long duplicates = 0;
        long refusedBefore = refusedCount;
        Set<String> keys = new HashSet<>();
        String source = "jsonl:" + file.getFileName();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                String where = file.getFileName() + ":" + lineNumber;
                try {
                    Mention mention = MentionJson.parse(line, Instant.now(), source);
                    if (mention.getText().length() > maxTextChars) {
                        throw new MentionJson.InvalidMentionException(
                                "text_too_long",
                                ValidateMention.textTooLong(mention, maxTextChars));
                    }
                    if (!keys.add(MentionIds.of(mention))) {
                        duplicates++;
                    }
                    String refusedLine = line;
                    producer.send(
                            Topics.mentionRecord(topic, mention),
                            error ->
                                    refused.add(
                                            MentionJson.deadLetter(
                                                    refusedLine,
                                                    where,
                                                    "record_too_large",
                                                    refusal(error))));
                    sendRefused();
                    sent++;
                } catch (MentionJson.InvalidMentionException e) {
                    deadLetter(e.deadLetter(line, where));
                    deadLettered++;
                }
                if (lines % 1000 == 0) {
                    linesDone.accept(lines);
                }
            }
        }
        flush();
        linesDone.accept(lines);
        long refusedHere = refusedCount - refusedBefore;
        return new FileResult(lines, sent - refusedHere, deadLettered + refusedHere, duplicates);
    }

    /**
     * Waits until everything sent is stored, dead letters of refused records included; throws if
     * anything failed.
     */
    public void flush() {
        producer.flush();
        if (sendRefused()) {
            producer.flush();
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close();
        }
    }

    /** Sends the dead letters of records refused so far; true if there were any. */
    private boolean sendRefused() {
        boolean any = false;
        for (DeadLetter letter = refused.poll(); letter != null; letter = refused.poll()) {
            deadLetter(letter);
            refusedCount++;
            any = true;
        }
        return any;
    }

    private static DeadLetter refusedRecord(
            byte[] avro, String mentionId, RecordTooLargeException error) {
        boolean cut = avro.length > MAX_DEAD_LETTER_BYTES;
        return DeadLetter.newBuilder()
                .setPayload(
                        ByteBuffer.wrap(cut ? Arrays.copyOf(avro, MAX_DEAD_LETTER_BYTES) : avro))
                .setMentionId(mentionId)
                .setStage("ingest")
                .setReason("record_too_large")
                .setDetail(
                        refusal(error)
                                + (cut
                                        ? " (payload holds the first "
                                                + MAX_DEAD_LETTER_BYTES
                                                + " of "
                                                + avro.length
                                                + " bytes of the Avro mention)"
                                        : ""))
                .setFailedAt(Instant.now())
                .build();
    }

    private static String refusal(RecordTooLargeException error) {
        return "Kafka refused the record for its size: " + error.getMessage();
    }
}
