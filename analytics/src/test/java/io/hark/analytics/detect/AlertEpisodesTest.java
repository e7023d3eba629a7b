// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static io.hark.analytics.detect.SyntheticSeries.minute;
import static org.assertj.core.api.Assertions.assertThat;

import io.hark.analytics.detect.EpisodeStep.Kind;
import io.hark.analytics.detect.EpisodeStep.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertEpisodesTest {
    /**
     * Expected 100, band up to 150: 160 is just above it (LOW), 260 two band widths out (MEDIUM),
     * 600 ten (CRITICAL).
     */
    private static final Verdict NORMAL = new Verdict(100, 50, 150, 0.1, false);

    private static final Verdict ANOMALOUS = new Verdict(100, 50, 150, 0.9, true);

    private final AlertEpisodes episodes = new AlertEpisodes(EpisodeSettings.defaults());

    private Optional<EpisodeStep> anomalous(long minute, double actual) {
        return episodes.step(minute(minute), actual, (long) actual, ANOMALOUS);
    }

    private Optional<EpisodeStep> normal(long minute) {
        return episodes.step(minute(minute), 100, 100, NORMAL);
    }

    @Test
    void opensEscalatesUpdatesAndResolvesOneEpisode() {
        List<String> steps = new ArrayList<>();
        for (long m = 0; m <= 80; m++) {
            Optional<EpisodeStep> step =
                    m <= 60 ? anomalous(m, m >= 5 && m < 10 ? 260 : 160) : normal(m);
            if (step.isPresent()) {
                steps.add(m + " " + describe(step.get()));
            }
        }

        assertThat(steps)
                .containsExactly(
                        "0 OPENED 0 LOW 1",
                        "5 ESCALATED 1 MEDIUM 6",
                        "20 UPDATED 2 MEDIUM 21",
                        "35 UPDATED 3 MEDIUM 36",
                        "50 UPDATED 4 MEDIUM 51",
                        // An hour of anomalies: one step more severe.
                        "60 ESCALATED 5 HIGH 61",
                        // Fifteen calm minutes after the last anomalous one.
                        "75 RESOLVED 6 HIGH 61");
    }

    @Test
    void everyStepNamesTheEpisodeByItsFirstWindow() {
        List<EpisodeStep> steps = new ArrayList<>();
        for (long m = 0; m < 40; m++) {
            (m < 20 ? anomalous(m, m < 10 ? 160 : 600) : normal(m)).ifPresent(steps::add);
        }
        assertThat(steps)
                .extracting(EpisodeStep::kind)
                .containsExactly(Kind.OPENED, Kind.ESCALATED, Kind.UPDATED, Kind.RESOLVED);
        assertThat(steps).extracting(EpisodeStep::episodeStart).containsOnly(minute(0));
        assertThat(steps).extracting(EpisodeStep::sequence).containsExactly(0, 1, 2, 3);
    }

    @Test
    void resolvesOnlyAfterFifteenCalmMinutes() {
        anomalous(0, 160);
        for (long m = 1; m <= 10; m++) {
            assertThat(normal(m)).isEmpty();
        }
        anomalous(11, 160);
        for (long m = 12; m <= 25; m++) {
            assertThat(normal(m))
                    .as("minute %d", m)
                    .map(EpisodeStep::kind)
                    .isNotEqualTo(Optional.of(Kind.RESOLVED));
        }
        assertThat(normal(26)).map(EpisodeStep::kind).contains(Kind.RESOLVED);
    }

    @Test
    void aFlappingSeriesPagesOnceUntilItCalmsForADay() {
        assertThat(anomalous(0, 160)).map(EpisodeStep::kind).contains(Kind.OPENED);
        assertThat(normal(15)).map(EpisodeStep::kind).contains(Kind.RESOLVED);

        // Every two hours for two days: the cooldown starts again each time.
        for (long m = 120; m <= 48 * 60; m += 120) {
            assertThat(anomalous(m, 160)).as("minute %d", m).isEmpty();
        }
        assertThat(anomalous(72 * 60 + 1, 160)).map(EpisodeStep::kind).contains(Kind.OPENED);
    }

    @Test
    void aWorseSurgeOpensDuringTheCooldown() {
        anomalous(0, 160);
        normal(15);

        Optional<EpisodeStep> worse = anomalous(60, 260);

        assertThat(worse).map(EpisodeStep::kind).contains(Kind.OPENED);
        assertThat(worse).map(EpisodeStep::episodeStart).contains(minute(60));
        assertThat(worse).map(EpisodeStep::severity).contains(Severity.MEDIUM);
    }

    @Test
    void aWindowWhoseSurgeCameLateOpensAnEpisodeOnItsOwnWindowAndTheNextWindowsCarryItOn() {
        for (long m = 0; m < 10; m++) {
            normal(m);
        }

        Optional<EpisodeStep> late = episodes.stepLate(minute(4), 160, 160, ANOMALOUS);

        assertThat(late).map(EpisodeStep::kind).contains(Kind.OPENED);
        assertThat(late).map(EpisodeStep::episodeStart).contains(minute(4));
        assertThat(episodes.stepLate(minute(5), 600, 600, ANOMALOUS))
                .as("an open episode has moved on: a late window neither escalates nor ends it")
                .isEmpty();
        assertThat(normal(10)).isEmpty();
        // fifteen calm minutes after the late window's
        assertThat(normal(19)).map(EpisodeStep::kind).contains(Kind.RESOLVED);
    }

    @Test
    void aLateWindowNeitherPagesDuringTheCooldownNorShortensIt() {
        anomalous(0, 160);
        normal(15);
        // minute 60 pages no one and moves the cooldown's end to a day after it
        assertThat(anomalous(60, 160)).isEmpty();

        assertThat(episodes.stepLate(minute(55), 160, 160, ANOMALOUS)).isEmpty();
        assertThat(episodes.stepLate(minute(50), 160, 160, NORMAL)).isEmpty();

        assertThat(anomalous(24 * 60 + 59, 160)).as("still in the cooldown").isEmpty();
    }

    @Test
    void aHandfulOfMentionsIsNotACrisis() {
        assertThat(episodes.step(minute(0), 9, 9, ANOMALOUS)).isEmpty();
        assertThat(episodes.step(minute(1), 10, 10, ANOMALOUS))
                .map(EpisodeStep::kind)
                .contains(Kind.OPENED);
    }

    @Test
    void restoredStateCarriesTheEpisodeOn() {
        anomalous(0, 160);
        anomalous(1, 260);
        AlertEpisodes restored = AlertEpisodes.fromBytes(episodes.toBytes());

        for (long m = 2; m < 60; m++) {
            Verdict verdict = m < 30 ? ANOMALOUS : NORMAL;
            assertThat(restored.step(minute(m), 160, 160, verdict))
                    .isEqualTo(episodes.step(minute(m), 160, 160, verdict));
        }
        assertThat(restored.toBytes()).isEqualTo(episodes.toBytes());
    }

    private static String describe(EpisodeStep step) {
        return step.kind()
                + " "
                + step.sequence()
                + " "
                + step.severity()
                + " "
                + step.anomalousWindows();
    }
}
