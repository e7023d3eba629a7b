// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * A bounded out-of-orderness watermark whose bound follows the disorder the partition shows: the
 * watermark trails the latest event time by at least {@code least}, and by as much as all but the
 * most out-of-order {@link #OUTLIERS} of the recent records were behind it, up to {@code most} (or
 * {@code least}, if that is longer).
 *
 * <p>Enriched mentions come in the order the listen job's parallel tasks finish them, so a topic
 * partition interleaves the output of every task. Live, that is within a second or two. While the
 * listen job works off a backlog (its start from the earliest offsets, a failover), its tasks read
 * their input partitions in batches and reach different event times: a partition's mentions are
 * then out of order by tens of seconds or more, and a window emitted two seconds after its end
 * would be judged for a surge with part of its mentions. Waiting on the disorder seen keeps windows
 * whole then, and costs nothing live.
 *
 * <p>A generator that has just started knows nothing of its partition's disorder, and it starts
 * when that disorder is at its worst: at the job's start and at every restore from a checkpoint,
 * when the listen job works off a backlog too. It emits no watermark until it has seen {@link
 * #FEWEST_RECORDS} records' disorder or {@link #MEMORY} has passed since its first record: a
 * watermark 2 s behind the first records of a restored job closed every window they reached, with
 * the mentions other tasks had not written yet missing.
 */
final class DisorderFollowingWatermarks<T> implements WatermarkGenerator<T> {
    /**
     * The share of recent records whose disorder may be ignored: an old post delivered late now and
     * then must not hold every window back.
     */
    static final double OUTLIERS = 0.01;

    /**
     * Fewer recent records than this say nothing about the disorder: the bound stays the least, but
     * no watermark is emitted before this many records' disorder is seen, or {@link #MEMORY} has
     * passed since the first record.
     */
    static final int FEWEST_RECORDS = 200;

    /**
     * How long a disorder seen is remembered: at least one period, at most two (the current and the
     * last).
     */
    static final Duration MEMORY = Duration.ofSeconds(30);

    /** Buckets of disorder above the least bound, each {@link #BUCKET_GROWTH} times the last. */
    private static final double BUCKET_GROWTH = Math.sqrt(2);

    private final long leastMillis;
    private final long mostMillis;
    private final LongSupplier clock;
    private final int buckets;
    private long[] current;
    private long[] last;
    private long periodStart;
    private long latestTimestamp = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    /** Records whose disorder was seen: all but the first. */
    private long disordersSeen;

    private long firstRecordAt;

    DisorderFollowingWatermarks(Duration least, Duration most, LongSupplier clock) {
        if (least.isNegative()) {
            throw new IllegalArgumentException("a negative out-of-orderness: " + least);
        }
        this.leastMillis = Math.max(1, least.toMillis());
        this.mostMillis = Math.max(leastMillis, most.toMillis());
        this.clock = clock;
        this.buckets = bucketOf(mostMillis, leastMillis) + 1;
        this.current = new long[buckets];
        this.last = new long[buckets];
        this.periodStart = clock.getAsLong();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (latestTimestamp != Long.MIN_VALUE) {
            long disorder = Math.max(0, latestTimestamp - eventTimestamp);
            current[Math.min(buckets - 1, bucketOf(disorder, leastMillis))]++;
            disordersSeen++;
        } else {
            firstRecordAt = clock.getAsLong();
        }
        latestTimestamp = Math.max(latestTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.getAsLong();
        if (now - periodStart >= MEMORY.toMillis()) {
            long[] reused = last;
            Arrays.fill(reused, 0);
            last = current;
            current = reused;
            periodStart = now;
        }
        if (latestTimestamp == Long.MIN_VALUE || !disorderKnown(now)) {
            return;
        }
        long watermark = latestTimestamp - boundMillis() - 1;
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    /** Whether the disorder has been seen for long enough to emit watermarks on it. */
    private boolean disorderKnown(long now) {
        return disordersSeen >= FEWEST_RECORDS || now - firstRecordAt >= MEMORY.toMillis();
    }

    /** How far the watermark trails the latest event time now. */
    long boundMillis() {
        long seen = 0;
        for (int i = 0; i < buckets; i++) {
            seen += current[i] + last[i];
        }
        if (seen < FEWEST_RECORDS) {
            return leastMillis;
        }
        long ignored = (long) Math.floor(seen * OUTLIERS);
        long above = 0;
        for (int bucket = buckets - 1; bucket > 0; bucket--) {
            above += current[bucket] + last[bucket];
            if (above > ignored) {
                return Math.min(mostMillis, upperEdge(bucket));
            }
        }
        return leastMillis;
    }

    /** 0 for a disorder within the least bound, then buckets growing by {@link #BUCKET_GROWTH}. */
    private static int bucketOf(long disorderMillis, long leastMillis) {
        return disorderMillis <= leastMillis
                ? 0
                : (int)
                        Math.ceil(
                                Math.log((double) disorderMillis / leastMillis)
                                        / Math.log(BUCKET_GROWTH));
    }

    private long upperEdge(int bucket) {
        return (long) Math.ceil(leastMillis * Math.pow(BUCKET_GROWTH, bucket));
    }
}
