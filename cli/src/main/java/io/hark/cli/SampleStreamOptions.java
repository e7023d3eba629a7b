// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code local} and {@code cluster} run the sample stream: its queries, rate and crisis. */
final class SampleStreamOptions {
    /** How long a staged crisis lasts, and how many times the brand's mentions it brings. */
    private static final Duration CRISIS_LENGTH = Duration.ofMinutes(10);

    private static final int CRISIS_FACTOR = 6;

    @Option(
            names = "--queries",
            description =
                    "YAML file of listening queries (default: examples/queries.yaml, for the sample stream)")
    Path queries;

    @Option(
            names = "--rate",
            defaultValue = "50",
            description = "sample stream: mentions per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--crisis-after",
            defaultValue = "4m",
            converter = DetectCommand.DurationConverter.class,
            description =
                    "sample stream: stage a 10-minute crisis (6 times the brand's mentions, angry) this long after the"
                            + " start, to show an alert; 0 for none (default: ${DEFAULT-VALUE})")
    Duration crisisAfter;

    @Option(
            names = "--crisis-brand",
            defaultValue = "BlueJet",
            description = "sample stream: whose crisis (default: ${DEFAULT-VALUE})")
    String crisisBrand;

    /** The queries file given, or the sample's. */
    Path queriesFile() {
        return queries == null ? CommandFiles.sampleQueries() : queries;
    }

    /** The crisis to stage, from now on; none when {@code --crisis-after} is 0. */
    List<SampleStream.Crisis> crises() {
        return crisisAfter.isZero()
                ? List.of()
                : List.of(
                        new SampleStream.Crisis(
                                Instant.now().plus(crisisAfter),
                                crisisBrand,
                                CRISIS_LENGTH,
                                CRISIS_FACTOR));
    }
}
