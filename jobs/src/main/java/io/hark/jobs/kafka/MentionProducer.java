// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kafka;

import io.hark.jobs.Topics;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import io.hark.schema.MentionJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends mentions to Kafka as Avro, and what cannot be a mention to the dead-letter topic with its
 * reason: nothing read is dropped silently. Delivery errors surface at {@link #flush()}.
 */
public final class MentionProducer implements AutoCloseable {
  /** What a file gave: every line is either sent or dead-lettered. */
  public record FileResult(long lines, long sent, long deadLettered, long duplicateKeys) {}

  private final CheckedProducer producer;
  private final String topic;
  private final String deadLetterTopic;

  public MentionProducer(KafkaConnection kafka, String topic, String deadLetterTopic) {
    Properties batching = new Properties();
    batching.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    batching.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer = new CheckedProducer(kafka, "hark-produce", batching);
    this.topic = topic;
    this.deadLetterTopic = deadLetterTopic;
  }

  public void send(Mention mention) {
    producer.send(Topics.mentionRecord(topic, mention));
  }

  /** Bytes as they are, for tests and tools that need records Hark did not write. */
  public void sendRaw(byte[] key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key, value));
  }

  public void deadLetter(DeadLetter deadLetter) {
    producer.send(Topics.deadLetterRecord(deadLetterTopic, deadLetter));
  }

  /**
   * Sends a JSON Lines file of mentions ({@link MentionJson}). Blank lines are skipped; lines that
   * are not valid mentions become dead letters with their reason, file name and line number.
   *
   * @param linesDone told the number of lines handled so far, for progress display
   */
  public FileResult sendJsonLines(Path file, LongConsumer linesDone) throws IOException {
    long lines = 0;
    long sent = 0;
    long deadLettered = 0;
    long duplicates = 0;
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
        try {
          Mention mention = MentionJson.parse(line, Instant.now(), source);
          if (!keys.add(Topics.mentionKey(mention))) {
            duplicates++;
          }
          send(mention);
          sent++;
        } catch (MentionJson.InvalidMentionException e) {
          deadLetter(e.deadLetter(line, file.getFileName() + ":" + lineNumber));
          deadLettered++;
        }
        if (lines % 1000 == 0) {
          linesDone.accept(lines);
        }
      }
    }
    flush();
    linesDone.accept(lines);
    return new FileResult(lines, sent, deadLettered, duplicates);
  }

  /** Waits until everything sent is stored; throws if anything failed. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
