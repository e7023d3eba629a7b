// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static io.hark.analytics.detect.SyntheticSeries.MINUTE;
import static io.hark.analytics.detect.SyntheticSeries.minute;
import static org.assertj.core.api.Assertions.assertThat;

import io.hark.analytics.detect.SilenceStep.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SilenceWatchTest {
    private final SilenceWatch watch = new SilenceWatch(SilenceSettings.defaults());
    private final List<String> steps = new ArrayList<>();

    /** Minutes {@code from} to {@code to} (exclusive) with {@code mentions} each. */
    private void minutes(long from, long to, long mentions, boolean inTime) {
        for (long m = from; m < to; m++) {
            Optional<SilenceStep> step = watch.step(minute(m), minute(m + 1), mentions, inTime);
            if (step.isPresent()) {
                SilenceStep s = step.get();
                steps.add(
                        m
                                + " "
                                + s.kind()
                                + " since "
                                + (s.silentSince() - minute(0)) / MINUTE
                                + " for "
                                + s.duration().toMinutes()
                                + " expected "
                                + Math.round(s.expected()));
            }
        }
    }

    @Test
    void aBusySeriesThatStopsOpensOnceAtTheMinimumDurationAndResolvesWhenMentionsReturn() {
        minutes(0, 60, 20, true);
        minutes(60, 90, 0, true);
        minutes(90, 100, 20, true);

        assertThat(steps)
                .containsExactly(
                        "69 OPENED since 60 for 10 expected 200",
                        "90 RESOLVED since 60 for 30 expected 600");
        assertThat(watch.isOpen()).isFalse();
    }

    @Test
    void aQuietSeriesOpensOnlyOnceItsSilenceOutweighsWhatWasNormal() {
        minutes(0, 180, 1, true);
        minutes(180, 300, 0, true);

        assertThat(steps)
                .as("30 mentions expected at one a minute: half an hour")
                .containsExactly("209 OPENED since 180 for 30 expected 30");
    }

    @Test
    void aSparseSeriesIsNotJudgedByItsLastBusyMinute() {
        for (long hour = 0; hour < 12; hour++) {
            minutes(hour * 60, hour * 60 + 1, 5, true);
            minutes(hour * 60 + 1, hour * 60 + 60, 0, true);
        }

        assertThat(steps).isEmpty();
    }

    @Test
    void aGapTooShortOrTooQuietIsNoSilence() {
        minutes(0, 60, 20, true);
        minutes(60, 69, 0, true);
        minutes(69, 80, 20, true);
        minutes(80, 89, 0, true);

        assertThat(steps).as("nine minutes each").isEmpty();
    }

    @Test
    void aSilenceRightAfterTheStartIsNotJudgedAgainstSoLittleHistory() {
        minutes(0, 5, 50, true);
        minutes(5, 60, 0, true);

        assertThat(steps)
                .as("twice the minimum duration of history is needed before the silence")
                .isEmpty();
    }

    @Test
    void stepsJudgedLateDoNotCountAndTheClockStartsAgainAtTheNextStepInTime() {
        minutes(0, 60, 20, true);
        minutes(60, 120, 0, false);
        minutes(120, 129, 0, true);
        assertThat(steps).isEmpty();

        minutes(129, 130, 0, true);
        assertThat(steps).containsExactly("129 OPENED since 60 for 70 expected 1400");
    }

    @Test
    void survivesItsBytesMidSilence() {
        minutes(0, 60, 20, true);
        minutes(60, 65, 0, true);
        SilenceWatch restored = SilenceWatch.fromBytes(watch.toBytes());

        Optional<SilenceStep> opened = Optional.empty();
        for (long m = 65; m < 70; m++) {
            opened = restored.step(minute(m), minute(m + 1), 0, true);
        }

        assertThat(opened).map(SilenceStep::kind).contains(Kind.OPENED);
        assertThat(opened.get().duration()).isEqualTo(Duration.ofMinutes(10));
    }
}
