// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Mention counts per minute as a Poisson process, flat or with a daily cycle, reproducible by seed.
 */
final class SyntheticSeries {
    static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;
    static final long DAY = Duration.ofDays(1).toMillis();

    private final Random random;
    private final double night;
    private final double peak;

    private SyntheticSeries(long seed, double night, double peak) {
        this.random = new Random(seed);
        this.night = night;
        this.peak = peak;
    }

    static SyntheticSeries flat(long seed, double mean) {
        return new SyntheticSeries(seed, mean, mean);
    }

    /** Quietest at 03:00 UTC, busiest at 15:00 UTC. */
    static SyntheticSeries daily(long seed, double night, double peak) {
        return new SyntheticSeries(seed, night, peak);
    }

    static long minute(long index) {
        return START + index * MINUTE;
    }

    double mean(long timestampMillis) {
        double phase =
                2
                        * Math.PI
                        * Math.floorMod(timestampMillis - Duration.ofHours(3).toMillis(), DAY)
                        / DAY;
        return night + (peak - night) * (1 - Math.cos(phase)) / 2;
    }

    int countAt(long timestampMillis) {
        double mean = mean(timestampMillis);
        double probability = Math.exp(-mean);
        double cumulative = probability;
        double u = random.nextDouble();
        int count = 0;
        while (u > cumulative && probability > 0) {
            count++;
            probability *= mean / count;
            cumulative += probability;
        }
        return count;
    }
}
