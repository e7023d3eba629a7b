// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionTest {
    private static final Option<Integer> COUNT = Option.positive("count", "3", "how many");
    private static final Option<Duration> WAIT = Option.duration("wait", "30s", "how long");
    private static final Option<StartingOffsets> OFFSETS =
            Option.choice("offsets", "committed", "where to start", StartingOffsets.class);
    private static final Option<Path> FILE = Option.path("file", null, "a file");
    private static final Option<Boolean> DRY_RUN = Option.flag("dry-run", "change nothing");
    private static final List<Option<?>> OPTIONS = List.of(COUNT, WAIT, OFFSETS, FILE, DRY_RUN);

    private static JobArguments parse(String... args) {
        return JobArguments.parse(OPTIONS, List.of(args), Map.of(), "usage");
    }

    @Test
    void defaultsAreReadLikeGivenValuesAndNoDefaultIsNull() {
        JobArguments defaults = parse();
        assertThat(defaults.get(COUNT)).isEqualTo(3);
        assertThat(defaults.get(WAIT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.get(OFFSETS)).isEqualTo(StartingOffsets.COMMITTED);
        assertThat(defaults.get(FILE)).isNull();
        assertThat(defaults.get(DRY_RUN)).isFalse();

        JobArguments given =
                parse("--count", " 7", "--wait=2m", "--offsets", "Earliest", "--file", "a/b.yaml");
        assertThat(given.get(COUNT)).isEqualTo(7);
        assertThat(given.get(WAIT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(given.get(OFFSETS)).isEqualTo(StartingOffsets.EARLIEST);
        assertThat(given.get(FILE)).isEqualTo(Path.of("a/b.yaml"));
        assertThat(given.text(FILE)).isEqualTo("a/b.yaml");
    }

    @Test
    void aFlagAloneMeansTrueAndMayStillTakeAValue() {
        assertThat(parse("--dry-run").get(DRY_RUN)).isTrue();
        assertThat(parse("--dry-run", "--count", "1").get(DRY_RUN)).isTrue();
        assertThat(parse("--dry-run", "false").get(DRY_RUN)).isFalse();
        assertThat(parse("--dry-run=true").get(DRY_RUN)).isTrue();
        assertThatThrownBy(() -> parse("--count")).hasMessage("option --count needs a value");
    }

    @Test
    void badValuesFailWhenParsedWithErrorsThatNameTheOption() {
        assertThatThrownBy(() -> parse("--count", "0"))
                .hasMessage("--count must be a positive whole number, not '0'");
        assertThatThrownBy(() -> parse("--wait", "soon"))
                .hasMessageStartingWith("--wait: ")
                .hasMessageContaining("30s");
        assertThatThrownBy(() -> parse("--offsets", "middle"))
                .hasMessage("--offsets must be one of [committed, earliest, latest], not 'middle'");
        assertThatThrownBy(() -> parse("--dry-run", "maybe"))
                .hasMessage("--dry-run must be true or false, not 'maybe'");
        assertThatThrownBy(() -> parse("--size", "1")).hasMessage("unknown option --size\nusage");
        assertThatThrownBy(
                        () ->
                                JobArguments.parse(
                                        List.of(COUNT.withDefault("none")),
                                        List.of(),
                                        Map.of(),
                                        "usage"))
                .as("a default is checked like a given value")
                .hasMessageContaining("--count");
    }

    @Test
    void aJobMayChangeTheDefaultOrHelpTextButNotHowTheValueIsRead() {
        Option<Integer> fewer = COUNT.withDefault("1").describedAs("how few");
        assertThat(fewer.name()).isEqualTo("count");
        assertThat(fewer.description()).isEqualTo("how few");
        assertThat(JobArguments.parse(List.of(fewer), List.of(), Map.of(), "usage").get(COUNT))
                .isEqualTo(1);
        assertThatThrownBy(
                        () ->
                                JobArguments.parse(
                                        List.of(fewer),
                                        List.of("--count", "-1"),
                                        Map.of(),
                                        "usage"))
                .hasMessageContaining("--count must be a positive whole number");
    }

    @Test
    void usageListsEachOptionWithItsDefault() {
        assertThat(JobArguments.usage("Options", List.of(COUNT, FILE)).lines())
                .containsExactly(
                        "Options:",
                        "  --count                  how many (default: 3)",
                        "  --file                   a file");
    }
}
