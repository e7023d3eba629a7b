// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.jobs.TestMentions;
import io.hark.jobs.Topics;
import io.hark.jobs.kafka.CheckedProducer;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.schema.AvroCodec;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.Platform;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A day and a half of enriched mentions: three brands (queries of group {@value #GROUP}) at a
 * steady rate, one of them (acme) hit by a 10-minute burst of angry posts at {@link #BURST}, which
 * the metrics job turns into one alert episode.
 */
public final class BrandBurst {
  public static final List<String> BRANDS = List.of("acme", "globex", "initech");
  public static final String GROUP = "rivals";
  private static final Instant START = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
  private static final Duration HISTORY = Duration.ofHours(36);
  public static final Instant BURST = START.plus(Duration.ofHours(30));
  private static final int PER_MINUTE = 6;

  private BrandBurst() {}

  /** Sends the stream; returns how many acme mentions each minute holds. */
  public static Map<String, Long> produce(KafkaConnection kafka, String topic) {
    Random random = new Random(42);
    Map<String, Long> acme = new HashMap<>();
    int n = 0;
    try (CheckedProducer producer = new CheckedProducer(kafka, "metrics-it", new Properties())) {
      for (long minute = 0; minute < HISTORY.toMinutes(); minute++) {
        Instant at = START.plus(Duration.ofMinutes(minute));
        boolean burst = !at.isBefore(BURST) && at.isBefore(BURST.plus(Duration.ofMinutes(10)));
        for (String brand : BRANDS) {
          int count = poisson(random, PER_MINUTE) + (burst && brand.equals("acme") ? 60 : 0);
          for (int i = 0; i < count; i++) {
            boolean angry = burst && brand.equals("acme") ? i >= count - 60 : random.nextDouble() < 0.15;
            EnrichedMention mention = mention(n++, brand, at.plusMillis(random.nextInt(60_000)), angry);
            producer.send(new ProducerRecord<>(topic, Topics.mentionKey(mention.getMention()).getBytes(StandardCharsets.UTF_8),
                AvroCodec.ENRICHED_MENTION.encode(mention)));
            if (brand.equals("acme")) {
              acme.merge(at.toString(), 1L, Long::sum);
            }
          }
        }
      }
    }
    return acme;
  }

  private static EnrichedMention mention(int n, String brand, Instant at, boolean angry) {
    Mention mention = TestMentions.mention(n, at);
    mention.setPlatform(Platform.x);
    mention.getAuthor().setFollowersCount((long) Math.exp(3 + 4 * ((n * 2654435761L) % 1000) / 1000.0));
    mention.setText(angry ? brand + " lost my baggage again, furious" : "using " + brand + " today");
    return EnrichedMention.newBuilder()
        .setMention(mention)
        .setMatchedQueries(List.of(brand))
        .setMatchedGroups(List.of(GROUP))
        .setSentiment(new Sentiment(angry ? SentimentLabel.negative : SentimentLabel.neutral, angry ? -0.8 : 0.0, 0.9, "test"))
        .setTopics(angry ? List.of("lost baggage", brand) : List.of(brand, "today"))
        .setEnrichedAt(at)
        .build();
  }

  private static int poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
