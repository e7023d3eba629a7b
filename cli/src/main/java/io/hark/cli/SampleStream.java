// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.cli.sample.SampleMentions;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.listen.ListenOptions;
import io.hark.schema.Mention;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

/** Sends the sample stream in real time: each mention when its {@code created_at} comes. */
final class SampleStream {
    private SampleStream() {}

    /** A crisis to stage in the sample stream once the wall clock reaches {@code at}. */
    record Crisis(Instant at, String brand, Duration duration, double factor) {}

    /**
     * @param limit stop after this many, or null to run until interrupted
     * @param malformedEvery every n-th record is deliberately bad (0: none), to show the
     *     dead-letter path
     * @param crises bursts of angry mentions to stage, in order of time (a new one replaces one
     *     under way)
     */
    static void send(
            SampleMentions sample,
            MentionProducer producer,
            Long limit,
            int malformedEvery,
            List<Crisis> crises,
            LongConsumer sentSoFar)
            throws InterruptedException {
        send(
                sample,
                producer,
                sent -> limit == null || sent <= limit,
                malformedEvery,
                crises,
                sentSoFar,
                mention -> {});
    }

    /**
     * As {@link #send(SampleMentions, MentionProducer, Long, int, List, LongConsumer)}, while
     * {@code more} accepts the number of the next record, telling {@code sentValid} of each valid
     * mention handed to Kafka (a producer that fails throws at its next send or flush).
     */
    static void send(
            SampleMentions sample,
            MentionProducer producer,
            LongPredicate more,
            int malformedEvery,
            List<Crisis> crises,
            LongConsumer sentSoFar,
            Consumer<Mention> sentValid)
            throws InterruptedException {
        int staged = 0;
        for (long sent = 1; more.test(sent); sent++) {
            if (staged < crises.size() && !Instant.now().isBefore(crises.get(staged).at())) {
                Crisis crisis = crises.get(staged++);
                sample.burst(crisis.brand(), crisis.duration(), crisis.factor());
                System.err.printf(
                        "sample stream: a crisis for %s starts now, %.0f times its usual mentions for %d seconds%n",
                        crisis.brand(), crisis.factor(), crisis.duration().toSeconds());
            }
            Mention mention = sample.next();
            long wait = Duration.between(Instant.now(), mention.getCreatedAt()).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            if (malformedEvery > 0 && sent % malformedEvery == 0) {
                sendMalformed(producer, mention, sent / malformedEvery);
            } else {
                producer.send(mention);
                sentValid.accept(mention);
            }
            if (sent % 50 == 0) {
                sentSoFar.accept(sent);
            }
        }
        producer.flush();
    }

    static void send(
            SampleMentions sample, MentionProducer producer, Long limit, LongConsumer sentSoFar)
            throws InterruptedException {
        send(sample, producer, limit, 0, List.of(), sentSoFar);
    }

    /**
     * Sends the sample stream at {@code rate} to the listen job's input from a daemon thread, until
     * interrupted, staging {@code crises}, every {@code malformedEvery}-th record bad (0: none).
     */
    static Thread startFeeding(
            ListenOptions options,
            double rate,
            int malformedEvery,
            List<Crisis> crises,
            LongConsumer sentSoFar) {
        Thread feeder =
                new Thread(
                        () -> {
                            try (MentionProducer producer =
                                    new MentionProducer(
                                            options.kafka(),
                                            options.inputTopic(),
                                            options.deadLetterTopic())) {
                                send(
                                        new SampleMentions(7, Instant.now(), rate),
                                        producer,
                                        null,
                                        malformedEvery,
                                        crises,
                                        sentSoFar);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (RuntimeException e) {
                                System.err.println("feeding stopped: " + e.getMessage());
                            }
                        },
                        "hark-sample-feeder");
        feeder.setDaemon(true);
        feeder.start();
        return feeder;
    }

    private static void sendMalformed(MentionProducer producer, Mention mention, long n) {
        if (n % 2 == 0) {
            producer.sendRaw(
                    null, ("{\"not\":\"avro\",\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8));
        } else {
            mention.setCreatedAt(Instant.now().plus(Duration.ofDays(3)));
            producer.send(mention);
        }
    }
}
