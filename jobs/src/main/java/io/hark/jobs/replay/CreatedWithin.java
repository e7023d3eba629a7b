// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import io.hark.schema.DeadLetter;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The first step of a replay: counts each record read ({@link ReplayProgress}), then keeps those
 * created in [{@code from}, {@code to}) (null: open ended) and every dead letter: the archive is
 * read by whole hours, and the period's edges may fall inside one. One operator for both, because
 * each step chained after a source copies every record.
 */
final class CreatedWithin<T> extends RichFilterFunction<Either<DeadLetter, T>> {
    private final String run;
    private final Instant from;
    private final Instant to;
    private final SerializableFunction<T, Instant> createdAt;
    private transient LongAdder read;

    CreatedWithin(
            String run, Instant from, Instant to, SerializableFunction<T, Instant> createdAt) {
        this.run = run;
        this.from = from;
        this.to = to;
        this.createdAt = createdAt;
    }

    @Override
    public void open(OpenContext openContext) {
        read = ReplayProgress.counter(run);
    }

    @Override
    public boolean filter(Either<DeadLetter, T> record) {
        read.increment();
        if (record.isLeft()) {
            return true;
        }
        Instant created = createdAt.apply(record.right());
        return (from == null || !created.isBefore(from)) && (to == null || created.isBefore(to));
    }
}
