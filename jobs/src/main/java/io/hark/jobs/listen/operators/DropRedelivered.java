// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.schema.Mention;
import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes on the first delivery of each mention (keyed by {@code platform:id}) and drops later ones,
 * which connectors and at-least-once Kafka produce. The memory of a mention lasts {@code remember},
 * so state stays bounded; a redelivery after that is processed again and, having the same document
 * id, overwrites its earlier self in Elasticsearch.
 */
public class DropRedelivered extends KeyedProcessFunction<String, Mention, Mention> {
    /** Accumulator: redeliveries dropped. */
    public static final String DROPPED = "redeliveries-dropped";

    private final Duration remember;
    private transient ValueState<Boolean> seen;
    private transient LongCounter dropped;

    public DropRedelivered(Duration remember) {
        this.remember = remember;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> descriptor =
                new ValueStateDescriptor<>("seen", Types.BOOLEAN);
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(remember)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build());
        seen = getRuntimeContext().getState(descriptor);
        dropped = getRuntimeContext().getLongCounter(DROPPED);
    }

    @Override
    public void processElement(Mention mention, Context ctx, Collector<Mention> out)
            throws Exception {
        if (seen.value() != null) {
            dropped.add(1);
            return;
        }
        seen.update(true);
        out.collect(mention);
    }
}
