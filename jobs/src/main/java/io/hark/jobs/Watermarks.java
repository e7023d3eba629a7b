// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import io.hark.queries.control.QueryUpdate;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.SentimentCorrection;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.types.Either;

/** Event-time watermark strategies of Hark's jobs, in one place. */
public final class Watermarks {
    private Watermarks() {}

    /**
     * Mentions arrive out of order by up to {@code outOfOrderness}; a partition without data for
     * {@code idleness} stops holding the watermark back.
     *
     * <p>The event time is {@code created_at}. A timestamp more than {@code maxFuture} ahead of the
     * clock (a bad record validation will dead-letter) would drag the watermark into the future and
     * make every later mention late, so such records, and undecodable ones, keep Kafka's timestamp.
     */
    public static WatermarkStrategy<Either<DeadLetter, Mention>> forIncomingMentions(
            Duration outOfOrderness, Duration idleness, Duration maxFuture) {
        long maxFutureMillis = maxFuture.toMillis();
        SerializableTimestampAssigner<Either<DeadLetter, Mention>> createdAt =
                (record, kafkaTimestamp) -> {
                    if (record.isLeft()) {
                        return kafkaTimestamp;
                    }
                    long eventTime = record.right().getCreatedAt().toEpochMilli();
                    return eventTime > System.currentTimeMillis() + maxFutureMillis
                            ? kafkaTimestamp
                            : eventTime;
                };
        return WatermarkStrategy.<Either<DeadLetter, Mention>>forBoundedOutOfOrderness(
                        outOfOrderness)
                .withTimestampAssigner(createdAt)
                .withIdleness(idleness);
    }

    /**
     * Enriched mentions passed validation, so {@code created_at} is trusted; records that could not
     * be decoded keep Kafka's timestamp. A short out-of-orderness keeps alerts fast; while the
     * mentions come further out of order (a listen job working off a backlog) the watermark waits
     * as long as they need, up to {@code longestWait} (see {@link DisorderFollowingWatermarks});
     * later mentions still update their window through the window's allowed lateness.
     */
    public static WatermarkStrategy<Either<DeadLetter, EnrichedMention>> forEnrichedMentions(
            Duration outOfOrderness, Duration longestWait, Duration idleness) {
        SerializableTimestampAssigner<Either<DeadLetter, EnrichedMention>> createdAt =
                (record, kafkaTimestamp) ->
                        record.isLeft()
                                ? kafkaTimestamp
                                : record.right().getMention().getCreatedAt().toEpochMilli();
        WatermarkStrategy<Either<DeadLetter, EnrichedMention>> followingTheDisorder =
                context ->
                        new DisorderFollowingWatermarks<>(
                                outOfOrderness, longestWait, System::currentTimeMillis);
        return followingTheDisorder.withTimestampAssigner(createdAt).withIdleness(idleness);
    }

    /**
     * Query updates carry no event time, and a rarely written control topic must not hold back
     * event time where it meets the mentions: this side declares itself idle, so the mentions'
     * watermark alone counts. (Sending the maximum watermark instead would be wrong: while the
     * mentions are idle too, at a job's start for instance, that maximum would pass on and make
     * every later mention late.)
     */
    public static WatermarkStrategy<QueryUpdate> forQueryUpdates() {
        return forControlRecords();
    }

    /** Analysts' labels, like query updates, carry no event time and are rarely written. */
    public static WatermarkStrategy<SentimentCorrection> forSentimentLabels() {
        return forControlRecords();
    }

    private static <T> WatermarkStrategy<T> forControlRecords() {
        return context ->
                new WatermarkGenerator<>() {
                    @Override
                    public void onEvent(T record, long timestamp, WatermarkOutput output) {}

                    @Override
                    public void onPeriodicEmit(WatermarkOutput output) {
                        output.markIdle();
                    }
                };
    }
}
