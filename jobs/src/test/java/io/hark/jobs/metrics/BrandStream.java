// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.jobs.TestMentions;
import io.hark.jobs.kafka.CheckedProducer;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.queries.QueryDefinition;
import io.hark.schema.AvroCodec;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import io.hark.schema.Platform;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import io.hark.schema.SentimentSource;
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
 * A day and a half of enriched mentions for the metrics job: three brands of the group {@code
 * rivals} at a steady rate, one of them ({@code acme}) hit by a 10-minute burst of angry posts 30
 * hours in. It can be sent in parts, so a test can act between them.
 */
public final class BrandStream {
    public static final Instant START =
            Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    public static final Duration HISTORY = Duration.ofHours(36);
    public static final Duration BURST_AFTER = Duration.ofHours(30);
    public static final Instant BURST = START.plus(BURST_AFTER);
    public static final Duration BURST_LENGTH = Duration.ofMinutes(10);
    public static final String GROUP = "rivals";
    public static final List<String> BRANDS = List.of("acme", "globex", "initech");
    private static final int PER_MINUTE = 6;

    private final Instant start;
    private final Instant burst;
    private final Random random = new Random(42);
    private final Map<String, Long> acmePerMinute = new HashMap<>();
    private long minute;
    private int next;

    /** The stream from {@link #START}. */
    public BrandStream() {
        this(START);
    }

    /** The same stream from {@code start}, for a test that needs the same times every run. */
    public BrandStream(Instant start) {
        this.start = start;
        this.burst = start.plus(BURST_AFTER);
    }

    /** A listening query per brand, in the group {@link #GROUP}. */
    public static List<QueryDefinition> queries() {
        return BRANDS.stream()
                .map(brand -> new QueryDefinition(brand, brand, brand, GROUP))
                .toList();
    }

    /** Sends the minutes from the start up to {@code start + until} not sent yet. */
    public void sendUntil(KafkaConnection kafka, String topic, Duration until) {
        try (CheckedProducer producer =
                new CheckedProducer(kafka, "brand-stream", new Properties())) {
            for (; minute < until.toMinutes(); minute++) {
                Instant at = start.plus(Duration.ofMinutes(minute));
                boolean burst =
                        !at.isBefore(this.burst) && at.isBefore(this.burst.plus(BURST_LENGTH));
                for (String brand : BRANDS) {
                    int count = poisson(PER_MINUTE) + (burst && brand.equals("acme") ? 60 : 0);
                    for (int i = 0; i < count; i++) {
                        boolean angry =
                                burst && brand.equals("acme")
                                        ? i >= count - 60
                                        : random.nextDouble() < 0.15;
                        EnrichedMention mention =
                                mention(
                                        next++,
                                        brand,
                                        at.plusMillis(random.nextInt(60_000)),
                                        angry);
                        producer.send(
                                new ProducerRecord<>(
                                        topic,
                                        MentionIds.of(mention.getMention())
                                                .getBytes(StandardCharsets.UTF_8),
                                        AvroCodec.ENRICHED_MENTION.encode(mention)));
                        if (brand.equals("acme")) {
                            acmePerMinute.merge(at.toString(), 1L, Long::sum);
                        }
                    }
                }
            }
        }
    }

    /** How many acme mentions each minute sent so far holds, by the minute's start (ISO-8601). */
    public Map<String, Long> acmePerMinute() {
        return Map.copyOf(acmePerMinute);
    }

    private static EnrichedMention mention(int n, String brand, Instant at, boolean angry) {
        Mention mention = TestMentions.mention(n, at);
        mention.setPlatform(Platform.x);
        mention.getAuthor()
                .setFollowersCount((long) Math.exp(3 + 4 * ((n * 2654435761L) % 1000) / 1000.0));
        mention.setText(
                angry ? brand + " lost my baggage again, furious" : "using " + brand + " today");
        // few distinct hashtags: the windows' heavy-hitter sketches hold them all, so their lists
        // are exact
        // in any arrival order (replays compare them with live runs)
        mention.setHashtags(angry ? List.of(brand, "baggage") : List.of(brand));
        return EnrichedMention.newBuilder()
                .setMention(mention)
                .setMatchedQueries(List.of(brand))
                .setMatchedGroups(List.of(GROUP))
                .setSentiment(
                        new Sentiment(
                                angry ? SentimentLabel.negative : SentimentLabel.neutral,
                                angry ? -0.8 : 0.0,
                                0.9,
                                "test",
                                SentimentSource.model))
                .setTopics(angry ? List.of("lost baggage", brand) : List.of(brand, "today"))
                .setEnrichedAt(at)
                .build();
    }

    private int poisson(double mean) {
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
