// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class DisorderFollowingWatermarksTest {
    private static final long START = 1_700_000_000_000L;
    private static final Duration LEAST = Duration.ofSeconds(2);
    private static final Duration MOST = Duration.ofMinutes(10);

    private final AtomicLong clock = new AtomicLong(START);
    private final DisorderFollowingWatermarks<String> generator =
            new DisorderFollowingWatermarks<>(LEAST, MOST, clock::get);
    private final List<Long> watermarks = new ArrayList<>();
    private final WatermarkOutput output =
            new WatermarkOutput() {
                @Override
                public void emitWatermark(Watermark watermark) {
                    watermarks.add(watermark.getTimestamp());
                }

                @Override
                public void markIdle() {}

                @Override
                public void markActive() {}
            };

    /** A record every 50 ms of event time, and of the clock; a periodic emit after each. */
    private void stream(long fromMillis, int records, long behindMillis, int behindEvery) {
        for (int i = 0; i < records; i++) {
            long eventTime = fromMillis + i * 50L;
            boolean behind = behindEvery > 0 && i % behindEvery == 0;
            generator.onEvent("m" + i, behind ? eventTime - behindMillis : eventTime, output);
            clock.addAndGet(50);
            generator.onPeriodicEmit(output);
        }
    }

    private long lastWatermark() {
        return watermarks.get(watermarks.size() - 1);
    }

    @Test
    void anOrderedStreamIsTrailedByTheLeastBound() {
        stream(START, 1_000, 0, 0);
        assertThat(generator.boundMillis()).isEqualTo(LEAST.toMillis());
        assertThat(lastWatermark()).isEqualTo(START + 999 * 50L - LEAST.toMillis() - 1);
        assertThat(watermarks).isSorted();
    }

    @Test
    void aBacklogsInterleavedTasksAreWaitedFor() {
        // every other record comes from a task a minute behind, as while a backlog is worked off
        stream(START, 2_000, 60_000, 2);
        assertThat(generator.boundMillis()).isBetween(60_000L, (long) (60_000 * Math.sqrt(2)) + 1);
        assertThat(lastWatermark()).isLessThan(START + 1_999 * 50L - 60_000);
    }

    @Test
    void anOldPostNowAndThenHoldsNothingBack() {
        stream(START, 2_000, Duration.ofDays(1).toMillis(), 500);
        assertThat(generator.boundMillis()).isEqualTo(LEAST.toMillis());
    }

    @Test
    void aFewRecordsSayNothingAboutTheDisorder() {
        stream(START, DisorderFollowingWatermarks.FEWEST_RECORDS - 10, 60_000, 2);
        assertThat(generator.boundMillis()).isEqualTo(LEAST.toMillis());
    }

    @Test
    void aRestoredJobsFirstRecordsAreNotTrustedToBeInOrder() {
        // a job restored from a checkpoint reads a backlog its listen tasks wrote a minute apart
        int records = DisorderFollowingWatermarks.FEWEST_RECORDS;
        stream(START, records, 60_000, 2);
        assertThat(watermarks).as("nothing known of the disorder yet").isEmpty();
        stream(START + records * 50L, 1, 0, 0);
        assertThat(watermarks).hasSize(1);
        assertThat(watermarks.get(0))
                .as("the first watermark already waits for the task behind")
                .isLessThan(START + records * 50L - 60_000);
    }

    @Test
    void aQuietPartitionGetsWatermarksOnceItsFirstRecordIsAMemoryOld() {
        stream(START, 5, 0, 0);
        assertThat(watermarks).isEmpty();
        clock.addAndGet(DisorderFollowingWatermarks.MEMORY.toMillis());
        generator.onPeriodicEmit(output);
        assertThat(watermarks).containsExactly(START + 4 * 50L - LEAST.toMillis() - 1);
    }

    @Test
    void theWaitIsNeverLongerThanTheMost() {
        stream(START, 2_000, Duration.ofHours(1).toMillis(), 2);
        assertThat(generator.boundMillis()).isEqualTo(MOST.toMillis());
    }

    @Test
    void aDisorderThatEndedIsForgottenWithinTwoMemories() {
        stream(START, 2_000, 60_000, 2);
        long inOrderFrom = START + 2_000 * 50L;
        long memory = DisorderFollowingWatermarks.MEMORY.toMillis();
        int records = (int) (2 * memory / 50) + 1;
        stream(inOrderFrom, records, 0, 0);
        assertThat(generator.boundMillis()).isEqualTo(LEAST.toMillis());
        assertThat(lastWatermark())
                .isEqualTo(inOrderFrom + (records - 1) * 50L - LEAST.toMillis() - 1);
        assertThat(watermarks).isSorted();
    }
}
