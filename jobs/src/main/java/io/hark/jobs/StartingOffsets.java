// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Where a job's Kafka source starts when it has no checkpoint to resume from. */
public enum StartingOffsets {
    /** The consumer group's committed offsets, or the beginning for a new group. */
    COMMITTED,
    EARLIEST,
    LATEST;

    public OffsetsInitializer initializer() {
        return switch (this) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
    }
}
