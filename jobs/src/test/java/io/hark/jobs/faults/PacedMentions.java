// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import io.hark.jobs.TestMentions;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.listen.ListenOptions;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@link TestMentions}, three seconds of event time apart, at about 100 a second from a
 * background thread, so the stream is still flowing when a test breaks something. Sends block while
 * Kafka is away and go on when it is back.
 */
final class PacedMentions implements AutoCloseable {
    private static final int PER_TICK = 10;
    private static final Duration TICK = Duration.ofMillis(100);

    private final int end;
    private final MentionProducer producer;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Instant base =
            Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
    private int next;

    PacedMentions(ListenOptions options, int count) {
        this(options, 0, count);
    }

    /** Mentions {@code first} to {@code first + count - 1} of the same stream. */
    PacedMentions(ListenOptions options, int first, int count) {
        this.next = first;
        this.end = first + count;
        this.producer =
                new MentionProducer(
                        options.kafka(), options.inputTopic(), options.deadLetterTopic());
        ticks.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        for (int i = 0; i < PER_TICK && next < end; i++, next++) {
            Mention mention = TestMentions.mention(next, base.plusSeconds(next * 3L));
            producer.send(mention);
            sent.add(MentionIds.of(mention));
        }
        producer.flush();
    }

    /** The document ids of the mentions sent so far. */
    Set<String> sent() {
        return Set.copyOf(sent);
    }

    @Override
    public void close() throws InterruptedException {
        ticks.shutdown();
        ticks.awaitTermination(2, TimeUnit.MINUTES);
        producer.close();
    }
}
