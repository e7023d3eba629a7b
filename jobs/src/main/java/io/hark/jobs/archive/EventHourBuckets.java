// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.archive;

import java.time.Instant;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Buckets records by the hour of their event time ({@code yyyy-MM-dd/HH}, UTC), not by when they
 * were written, so a replay of a period reads exactly that period's directories, however late the
 * records arrived. Flink's own date-time assigner buckets by processing time.
 */
final class EventHourBuckets<T> implements BucketAssigner<T, String> {
    private final SerializableFunction<T, Instant> eventTime;

    EventHourBuckets(SerializableFunction<T, Instant> eventTime) {
        this.eventTime = eventTime;
    }

    @Override
    public String getBucketId(T element, Context context) {
        return Archive.hourDirectory(eventTime.apply(element));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
