// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayOptionsTest {
    @Test
    void aNamedReplayWritesItsOwnNamespaceAndRecordsAlertsAsReplay() {
        ReplayOptions options =
                ReplayOptions.parse(
                        List.of(
                                "--name",
                                "model-v2",
                                "--from",
                                "2026-11-01",
                                "--to",
                                "2026-11-02T06:30Z",
                                "--window",
                                "5m",
                                "--include-spam",
                                "--es",
                                "http://es:9200"),
                        Map.of());

        assertThat(options.input()).isEqualTo(ReplayOptions.Input.KAFKA);
        assertThat(options.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(options.to()).isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
        assertThat(options.indices().prefix()).isEqualTo("hark-replay-model-v2");
        assertThat(options.listen().indices()).isEqualTo(options.indices());
        assertThat(options.metrics().indices()).isEqualTo(options.indices());
        assertThat(options.metrics().replay()).isTrue();
        assertThat(options.metrics().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.metrics().includeSpam()).isTrue();
        assertThat(options.metrics().kibana().discover("q", Instant.EPOCH, Instant.EPOCH))
                .contains("hark-mentions");
        assertThat(options.listen().bounded()).isTrue();
        assertThat(options.listen().deadLetterTopic()).isEqualTo("hark.replay.dead-letters");
        assertThat(options.listen().elasticsearch().hosts())
                .extracting(Object::toString)
                .containsExactly("http://es:9200");
    }

    @Test
    void takesWhatTheLiveJobTookFromThePeriodsStartOn() {
        Instant from = Instant.now().minus(Duration.ofDays(400));
        Duration sinceFrom = Duration.between(from, Instant.now());
        ReplayOptions defaults =
                ReplayOptions.parse(List.of("--name", "x", "--from", from.toString()), Map.of());
        assertThat(defaults.listen().maxPast())
                .isBetween(sinceFrom.plusDays(30), sinceFrom.plusDays(30).plusMinutes(1));
        ReplayOptions given =
                ReplayOptions.parse(
                        List.of("--name", "x", "--from", from.toString(), "--max-past", "2d"),
                        Map.of());
        assertThat(given.listen().maxPast())
                .isBetween(sinceFrom.plusDays(2), sinceFrom.plusDays(2).plusMinutes(1));
        assertThat(ReplayOptions.parse(List.of("--name", "x"), Map.of()).listen().maxPast())
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void overLiveWritesTheLiveIndices() {
        ReplayOptions options =
                ReplayOptions.parse(
                        List.of("--over-live", "--archive", "s3://bucket/hark"), Map.of());
        assertThat(options.indices().prefix()).isEqualTo("hark");
        assertThat(options.input()).isEqualTo(ReplayOptions.Input.ARCHIVE);
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of(), Map.of()))
                .hasMessageContaining("--name NAME is needed");
        assertThatThrownBy(
                        () ->
                                ReplayOptions.parse(
                                        List.of("--name", "x", "--jsonl", "a.jsonl", "--skip-nlp"),
                                        Map.of()))
                .hasMessageContaining("--skip-nlp");
        assertThatThrownBy(
                        () ->
                                ReplayOptions.parse(
                                        List.of("--name", "x", "--archive", "a", "--jsonl", "b"),
                                        Map.of()))
                .hasMessageContaining("one of --archive and --jsonl");
        assertThatThrownBy(
                        () ->
                                ReplayOptions.parse(
                                        List.of(
                                                "--name",
                                                "x",
                                                "--from",
                                                "2026-11-02",
                                                "--to",
                                                "2026-11-01"),
                                        Map.of()))
                .hasMessageContaining("--from must be before --to");
        assertThatThrownBy(
                        () ->
                                ReplayOptions.parse(
                                        List.of("--name", "x", "--from", "yesterday"), Map.of()))
                .hasMessageContaining("--from must be a time like");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--name", "Bad Name"), Map.of()))
                .hasMessageContaining("index prefix");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--over-live", "--publish"), Map.of()))
                .hasMessageContaining("--publish");
        assertThatThrownBy(
                        () ->
                                ReplayOptions.parse(
                                        List.of("--name", "x", "--notifiers", "n.yaml"), Map.of()))
                .as("a replay never notifies")
                .hasMessageContaining("unknown option --notifiers");
    }
}
