// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

/**
 * The Anscombe transform of counts, {@code 2 sqrt(x + 3/8)}: Poisson counts of any mean get a
 * variance of about 1, so one noise floor and one threshold fit a query heard 3 times a minute and
 * one heard 3,000 times, and a 3 after a run of 0s is not mistaken for a surge.
 */
final class CountScale {
    /** The Poisson noise of a count on this scale: no series is believed quieter than this. */
    static final double POISSON_NOISE = 1.0;

    private static final double OFFSET = 3.0 / 8.0;
    private static final double ZERO = stable(0);

    private CountScale() {}

    static double stable(double count) {
        return 2 * Math.sqrt(count + OFFSET);
    }

    /**
     * The count at {@code stable} on the transformed scale; 0 for anything at or below a zero
     * count.
     */
    static double count(double stable) {
        return stable <= ZERO ? 0 : stable * stable / 4 - OFFSET;
    }
}
