// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.schema.DeadLetter;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes on decoded records and sends the dead letters of undecodable ones to {@link
 * #DEAD_LETTERS}.
 */
public class SeparateUndecodable<T> extends ProcessFunction<Either<DeadLetter, T>, T> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("undecodable", new AvroTypeInfo<>(DeadLetter.class));

    @Override
    public void processElement(Either<DeadLetter, T> record, Context ctx, Collector<T> out) {
        if (record.isLeft()) {
            ctx.output(DEAD_LETTERS, record.left());
        } else {
            out.collect(record.right());
        }
    }
}
