// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import io.hark.schema.DeadLetter;
import java.time.Instant;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Keeps the records created in [{@code from}, {@code to}) (null: open ended), and every dead letter:
 * the archive is read by whole hours, and the period's edges may fall inside one.
 */
final class CreatedWithin<T> implements FilterFunction<Either<DeadLetter, T>> {
  private final Instant from;
  private final Instant to;
  private final SerializableFunction<T, Instant> createdAt;

  CreatedWithin(Instant from, Instant to, SerializableFunction<T, Instant> createdAt) {
    this.from = from;
    this.to = to;
    this.createdAt = createdAt;
  }

  @Override
  public boolean filter(Either<DeadLetter, T> record) {
    if (record.isLeft()) {
      return true;
    }
    Instant created = createdAt.apply(record.right());
    return (from == null || !created.isBefore(from)) && (to == null || created.isBefore(to));
  }
}
