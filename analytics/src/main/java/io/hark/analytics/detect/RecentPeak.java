// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The largest value of some evidence lately, forgotten exponentially. Surges count too, so what a
 * spiky series often does needs more to alert, but a surge joins only once it is over: a crisis
 * must not raise its own bar while it lasts.
 */
final class RecentPeak {
    private final double decay;
    private double peak;
    private double surgePeak;

    RecentPeak(double decayPerStep) {
        this.decay = decayPerStep;
    }

    double value() {
        return peak;
    }

    void learn(double evidence, boolean surging) {
        peak *= decay;
        if (surging) {
            surgePeak = Math.max(surgePeak, evidence);
        } else {
            peak = Math.max(peak, Math.max(evidence, surgePeak));
            surgePeak = 0;
        }
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(peak);
        out.writeDouble(surgePeak);
    }

    void readFrom(DataInput in) throws IOException {
        peak = in.readDouble();
        surgePeak = in.readDouble();
    }
}
