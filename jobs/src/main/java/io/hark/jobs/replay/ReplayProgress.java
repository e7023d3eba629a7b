// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many records each replay has read, for the progress bar of {@code scripts/hark replay}, which
 * runs the job in its own JVM and reads the count while the job runs. (Flink's accumulators and
 * metrics reach a client only every few seconds.) On a cluster the count stays in the TaskManagers,
 * and the web UI shows the same as the source's records out.
 */
public final class ReplayProgress {
    private static final Map<String, LongAdder> READ = new ConcurrentHashMap<>();

    private ReplayProgress() {}

    /** The counter of the replay {@code run}, which tells apart the replays running in one JVM. */
    static LongAdder counter(String run) {
        return READ.computeIfAbsent(run, key -> new LongAdder());
    }

    /** Records read so far by the replay {@code run} in this JVM. */
    public static long read(String run) {
        LongAdder read = READ.get(run);
        return read == null ? 0 : read.sum();
    }

    public static void forget(String run) {
        READ.remove(run);
    }
}
