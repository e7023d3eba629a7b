// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static io.hark.analytics.detect.SyntheticSeries.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void aValueJudgedAgainIsMeasuredInHalfWidthsOfTheSameBandOnTheCountScale() {
        // on the count scale 2 sqrt(x + 3/8): 24.625 is at 10, 63.625 at 16, 120.625 at 22
        Verdict judged = new Verdict(24.625, 5, 63.625, 0.1, false);

        Verdict atTheTop = judged.withValue(63.625, ValueScale.COUNTS);
        Verdict twiceAsFar = judged.withValue(120.625, ValueScale.COUNTS);
        Verdict below = judged.withValue(3, ValueScale.COUNTS);

        assertThat(atTheTop.anomalyScore()).isCloseTo(0.5, offset(1e-9));
        assertThat(atTheTop.anomalous()).isFalse();
        // 10 + 2 * 6 on the count scale: twice the half-width, a score of 4 / (1 + 4)
        assertThat(twiceAsFar.anomalyScore()).isCloseTo(0.8, offset(1e-9));
        assertThat(twiceAsFar.anomalous()).isTrue();
        assertThat(below.anomalyScore()).isZero();
        assertThat(below.anomalous()).isFalse();
        assertThat(twiceAsFar.expected()).isEqualTo(24.625);
        assertThat(twiceAsFar.lower()).isEqualTo(5);
        assertThat(twiceAsFar.upper()).isEqualTo(63.625);
    }

    @Test
    void levelsAreJudgedAgainBothWays() {
        Verdict judged = new Verdict(100, 90, 110, 0.2, false);

        assertThat(judged.withValue(85, ValueScale.LEVELS).anomalous()).isTrue();
        assertThat(judged.withValue(115, ValueScale.LEVELS).anomalous()).isTrue();
        assertThat(judged.withValue(95, ValueScale.LEVELS).anomalous()).isFalse();
    }

    @Test
    void aSpikeJudgedAgainWithItsOwnValueGetsTheDetectorsScore() {
        SpikeDetector detector =
                new SpikeDetector(DetectorSettings.defaults(Duration.ofMinutes(1)));
        SyntheticSeries series = SyntheticSeries.daily(1, 5, 40);
        long spike = 3 * 1440 + 600;
        for (long i = 0; i < spike; i++) {
            detector.observe(minute(i), series.countAt(minute(i)));
        }
        double value = 6 * series.mean(minute(spike));

        Verdict verdict = detector.observe(minute(spike), value);

        assertThat(verdict.anomalous()).isTrue();
        Verdict again = verdict.withValue(value, ValueScale.COUNTS);
        assertThat(again.anomalyScore()).isCloseTo(verdict.anomalyScore(), offset(1e-9));
        assertThat(again.anomalous()).isTrue();
    }
}
