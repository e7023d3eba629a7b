// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.window;

import io.hark.schema.WindowMetrics;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** What the spike detector watches in each window of a query. */
public enum Signal {
    VOLUME(WindowMetrics::getVolume, WindowMetrics::getVolume),
    NEGATIVE_VOLUME(WindowMetrics::getNegative, WindowMetrics::getNegative),
    /**
     * Negative mentions over mentions with a sentiment: a crisis can be a shift in tone at steady
     * volume.
     */
    NEGATIVE_SHARE(
            metrics -> {
                long withSentiment =
                        metrics.getNegative() + metrics.getNeutral() + metrics.getPositive();
                return withSentiment == 0 ? 0 : (double) metrics.getNegative() / withSentiment;
            },
            WindowMetrics::getNegative),
    /**
     * Reach-weighted negative volume: negative mentions, each weighted by its author's followers
     * over the window's average (anger that many people see). A count on the scale of the mentions,
     * so the count detector's noise model fits it; raw sums of followers would make every window a
     * spike.
     */
    NEGATIVE_REACH(
            metrics ->
                    metrics.getReach() == 0
                            ? 0
                            : (double) metrics.getNegativeReach()
                                    * metrics.getVolume()
                                    / metrics.getReach(),
            WindowMetrics::getNegative);

    private final ToDoubleFunction<WindowMetrics> value;
    private final ToLongFunction<WindowMetrics> evidence;

    /**
     * @param evidence the mentions behind the value, which must reach the episodes' minimum volume
     */
    Signal(ToDoubleFunction<WindowMetrics> value, ToLongFunction<WindowMetrics> evidence) {
        this.value = value;
        this.evidence = evidence;
    }

    /**
     * How many mentions the value rests on: for the negative signals, the negative mentions, so one
     * angry post from a celebrity or a 2-of-3 negative share is no crisis on its own.
     */
    public long evidence(WindowMetrics metrics) {
        return evidence.applyAsLong(metrics);
    }

    public double of(WindowMetrics metrics) {
        return value.applyAsDouble(metrics);
    }

    /** As written in alerts: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
