// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import io.hark.jobs.JobWiring;
import io.hark.jobs.Topics;
import io.hark.jobs.archive.Archive;
import io.hark.jobs.archive.JsonLinesMentionFormat;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.fs.Path;
import org.apache.flink.types.Either;

/**
 * What a replay reads: a Kafka topic's time range, the archive's hour directories, or a JSON Lines
 * file, looked up once (listing an archive in object storage takes time, and files committed
 * meanwhile must not be counted but left unread), so the progress's total and the job read the
 * same.
 */
public final class ReplayInput {
    private final ReplayOptions options;

    /** For the archive: the hour directories that may hold the period; null for other inputs. */
    private final List<Path> archiveHours;

    private ReplayInput(ReplayOptions options, List<Path> archiveHours) {
        this.options = options;
        this.archiveHours = archiveHours;
    }

    public static ReplayInput of(ReplayOptions options) {
        return new ReplayInput(
                options,
                options.input() == ReplayOptions.Input.ARCHIVE ? archiveHours(options) : null);
    }

    /** How many records the replay will read: what its progress counts towards. */
    public long total() {
        return switch (options.input()) {
            case KAFKA ->
                    KafkaRange.count(options.kafka(), kafkaTopic(), options.from(), options.to());
            case ARCHIVE -> Archive.count(archiveHours);
            case JSONL -> JsonLinesMentionFormat.lines(options.jsonl());
        };
    }

    Source<Either<DeadLetter, Mention>, ?, ?> mentions() {
        return switch (options.input()) {
            case KAFKA ->
                    JobWiring.timeRange(
                            options.kafka(),
                            kafkaTopic(),
                            options.groupId(),
                            options.from(),
                            options.to(),
                            new Topics.IncomingMentionDeserializer());
            case ARCHIVE -> Archive.mentionSource(archiveHours);
            case JSONL ->
                    JsonLinesMentionFormat.source(new Path(options.jsonl().toUri()), Instant.now());
        };
    }

    Source<Either<DeadLetter, EnrichedMention>, ?, ?> enrichedMentions() {
        return switch (options.input()) {
            case KAFKA ->
                    JobWiring.timeRange(
                            options.kafka(),
                            kafkaTopic(),
                            options.groupId(),
                            options.from(),
                            options.to(),
                            new Topics.IncomingEnrichedMentionDeserializer());
            case ARCHIVE -> Archive.enrichedSource(archiveHours);
            case JSONL -> throw new IllegalArgumentException("--skip-nlp cannot read JSON Lines");
        };
    }

    /**
     * Files are selected by {@code created_at} (the archive by whole hours, so the edges need
     * cutting); Kafka by record time.
     */
    Instant createdFrom() {
        return options.input() == ReplayOptions.Input.KAFKA ? null : options.from();
    }

    Instant createdTo() {
        return options.input() == ReplayOptions.Input.KAFKA ? null : options.to();
    }

    /**
     * Whether the same mention may come more than once: Kafka's enriched topic is written at least
     * once.
     */
    boolean mayRepeat() {
        return options.input() == ReplayOptions.Input.KAFKA;
    }

    private String kafkaTopic() {
        return options.skipNlp() ? options.listen().enrichedTopic() : options.listen().inputTopic();
    }

    private static List<Path> archiveHours(ReplayOptions options) {
        List<Path> hours =
                Archive.hours(
                        options.archive(),
                        options.skipNlp() ? Archive.ENRICHED : Archive.MENTIONS,
                        options.from(),
                        options.to());
        if (hours.isEmpty()) {
            throw new IllegalArgumentException(
                    "the archive at "
                            + options.archive()
                            + " holds nothing between "
                            + (options.from() == null ? "its start" : options.from())
                            + " and "
                            + (options.to() == null ? "its end" : options.to()));
        }
        return hours;
    }
}
