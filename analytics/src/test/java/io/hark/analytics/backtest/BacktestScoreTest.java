// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestScoreTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    /** An hour-long incident on "brand". */
    private static final Incident OUTAGE = new Incident("brand", T0, T0.plus(Duration.ofHours(1)));

    private static Episode episode(String query, long minutesFromT0) {
        return new Episode(query, T0.plus(Duration.ofMinutes(minutesFromT0)), null, "LOW");
    }

    @Test
    void anEarlyEpisodeWithinGraceDetectsWithZeroDelay() {
        Score score = BacktestScore.score(List.of(episode("brand", -5)), List.of(OUTAGE), GRACE);

        assertThat(score.truePositives()).isEqualTo(1);
        assertThat(score.detected()).isEqualTo(1);
        assertThat(score.medianDelay()).isEqualTo(Duration.ZERO);
        assertThat(score.maxDelay()).isEqualTo(Duration.ZERO);
    }

    @Test
    void episodesOutsideGraceAreFalsePositives() {
        Score score =
                BacktestScore.score(
                        List.of(episode("brand", -11), episode("brand", 71), episode("brand", 70)),
                        List.of(OUTAGE),
                        GRACE);

        assertThat(score.truePositives()).isEqualTo(1);
        assertThat(score.falsePositives()).isEqualTo(2);
        assertThat(score.medianDelay()).isEqualTo(Duration.ofMinutes(70));
    }

    @Test
    void anEpisodeForAnotherQueryDoesNotCount() {
        Score score = BacktestScore.score(List.of(episode("rival", 5)), List.of(OUTAGE), GRACE);

        assertThat(score.truePositives()).isZero();
        assertThat(score.falsePositives()).isEqualTo(1);
        assertThat(score.detected()).isZero();
        assertThat(score.precision()).isZero();
        assertThat(score.recall()).isZero();
        assertThat(score.medianDelay()).isNull();
        assertThat(score.missed())
                .containsExactly("brand 2024-05-01T10:00:00Z..2024-05-01T11:00:00Z");
    }

    @Test
    void twoEpisodesForOneIncidentAreTwoTruePositivesButOneDetection() {
        Score score =
                BacktestScore.score(
                        List.of(episode("brand", 30), episode("brand", 3)), List.of(OUTAGE), GRACE);

        assertThat(score.truePositives()).isEqualTo(2);
        assertThat(score.falsePositives()).isZero();
        assertThat(score.detected()).isEqualTo(1);
        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.medianDelay())
                .as("the first episode counts")
                .isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void medianAndMaxDelayOverDetectedIncidents() {
        Incident later =
                new Incident("brand", T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(4)));
        Incident other = new Incident("rival", T0, T0.plus(Duration.ofHours(1)));
        Incident unseen = new Incident("quiet", T0, T0);
        Score score =
                BacktestScore.score(
                        List.of(
                                episode("brand", 2),
                                episode("brand", 180 + 8),
                                episode("rival", 4)),
                        List.of(OUTAGE, later, other, unseen),
                        GRACE);

        assertThat(score.detected()).isEqualTo(3);
        assertThat(score.recall()).isEqualTo(0.75);
        assertThat(score.medianDelay()).isEqualTo(Duration.ofMinutes(4));
        assertThat(score.maxDelay()).isEqualTo(Duration.ofMinutes(8));
        assertThat(score.missed()).hasSize(1).first().asString().startsWith("quiet ");
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddleTwo() {
        Incident other = new Incident("rival", T0, T0.plus(Duration.ofHours(1)));
        Score score =
                BacktestScore.score(
                        List.of(episode("brand", 2), episode("rival", 6)),
                        List.of(OUTAGE, other),
                        GRACE);

        assertThat(score.medianDelay()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void nothingToScoreIsPerfectNotNaN() {
        Score score = BacktestScore.score(List.of(), List.of(), GRACE);

        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.medianDelay()).isNull();
        assertThat(score.maxDelay()).isNull();
    }
}
