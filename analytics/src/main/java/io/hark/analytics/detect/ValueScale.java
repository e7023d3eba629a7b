// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

/**
 * What kind of values a {@link SpikeDetector} watches, and so the scale it judges them on.
 *
 * <p>{@link #COUNTS} (mentions per window, and counts weighted like them) are judged on the {@link
 * CountScale}, where Poisson noise has the same size at any volume, and only surges are anomalies:
 * a drop in mentions is a quiet spell, or a silence, which has an alert of its own.
 *
 * <p>{@link #LEVELS} (any measurement: a latency, a temperature, a price, a share) are judged as
 * they are, with a noise floor of a hundredth of their typical size, and both surges and drops are
 * anomalies.
 */
public enum ValueScale {
    COUNTS {
        @Override
        double stable(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(
                        "a count must be finite and 0 or more: " + value);
            }
            return CountScale.stable(value);
        }

        @Override
        double value(double stable) {
            return CountScale.count(stable);
        }

        @Override
        double noiseFloor(double level) {
            return CountScale.POISSON_NOISE;
        }

        @Override
        int stepsBeforeNoiseIsKnown() {
            return 0;
        }
    },
    LEVELS {
        @Override
        double stable(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a value must be finite: " + value);
            }
            return value;
        }

        @Override
        double value(double stable) {
            return stable;
        }

        @Override
        double noiseFloor(double level) {
            return Math.max(MIN_NOISE, RELATIVE_NOISE_FLOOR * Math.abs(level));
        }

        @Override
        int stepsBeforeNoiseIsKnown() {
            return 12;
        }
    };

    private static final double RELATIVE_NOISE_FLOOR = 0.01;
    private static final double MIN_NOISE = 1e-9;

    /** The value on the scale the detector learns and judges on. */
    abstract double stable(double value);

    /** The value at {@code stable} on that scale. */
    abstract double value(double stable);

    /** Below this, noise at {@code level} is not believed. */
    abstract double noiseFloor(double level);

    /**
     * Steps to see before anything is anomalous: counts have Poisson noise from the first step; a
     * level's noise is only known once it has varied for a while.
     */
    abstract int stepsBeforeNoiseIsKnown();

    /** Whether a drop is as anomalous as a surge. */
    boolean twoSided() {
        return this == LEVELS;
    }
}
