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
        double expected, double lower, double upper, double anomalyScore, boolean anomalous) {}
