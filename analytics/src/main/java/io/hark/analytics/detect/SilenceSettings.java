// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;

/**
 * When a {@link SilenceWatch} calls a stretch without mentions a silence: the stretch must be long,
 * and the mentions normal for it many, so a quiet night of a small query pages nobody while a busy
 * query that stops dead pages within minutes.
 *
 * @param minDuration the shortest silence that is news: long enough for a connector that polls its
 *     platform every few minutes to deliver
 * @param minExpected the mentions normal for the silent stretch, at the least: with 30, the chance
 *     of a silence that long among Poisson arrivals is about e^-30, so only a stopped source
 *     explains it
 */
public record SilenceSettings(Duration minDuration, double minExpected) {

    public SilenceSettings {
        if (minDuration.toMillis() <= 0 || !(minExpected > 0)) {
            throw new IllegalArgumentException(
                    "a silence needs a positive duration and a positive number of mentions expected");
        }
    }

    public static SilenceSettings defaults() {
        return new SilenceSettings(Duration.ofMinutes(10), 30);
    }

    /**
     * History a series needs before a silence can be judged against it: twice the shortest silence.
     */
    long minHistoryMillis() {
        return 2 * minDuration.toMillis();
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(minDuration.toMillis());
        out.writeDouble(minExpected);
    }

    static SilenceSettings readFrom(DataInput in) throws IOException {
        return new SilenceSettings(Duration.ofMillis(in.readLong()), in.readDouble());
    }
}
