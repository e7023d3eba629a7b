// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

/**
 * What {@link SpikeDetector} made of one step.
 *
 * @param expected what normal looked like at this time
 * @param lower the bottom of the band of normal values (0 or more)
 * @param upper the top of the band of normal values: a single step above it is a spike
 * @param anomalyScore 0 to 1; 0.5 is exactly the evidence that makes a surge
 * @param anomalous a surge: above the band, or part of a sustained rise above expected; never a
 *     drop
 */
public record Verdict(
        double expected, double lower, double upper, double anomalyScore, boolean anomalous) {

    /**
     * The verdict had the step's value been {@code value}: against the same band, by the spike test
     * alone, as a step whose value changed after it was judged (a window that late mentions filled)
     * is judged again. The sustained test is left out: its running mean has moved on since.
     *
     * @param scale the scale the band was made on, {@link DetectorSettings#scale()}
     */
    public Verdict withValue(double value, ValueScale scale) {
        double center = scale.stable(expected);
        double halfWidth = scale.stable(upper) - center;
        double departure = scale.stable(value) - center;
        double surge = scale.twoSided() ? Math.abs(departure) : departure;
        double relative = halfWidth > 0 ? Math.max(0, surge / halfWidth) : 0;
        return new Verdict(
                expected,
                lower,
                upper,
                relative * relative / (1 + relative * relative),
                relative > 1);
    }
}
