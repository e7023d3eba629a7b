// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.cli.sample.SampleMentions;
import io.hark.schema.MentionJson;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes Hark's generated sample mentions as JSON Lines. */
@Command(
        name = "sample",
        description =
                "Writes realistic sample mentions (invented brands and people) as JSON Lines to stdout.")
final class SampleCommand implements Callable<Integer> {
    @Option(
            names = "--count",
            defaultValue = "1000",
            description = "how many (default: ${DEFAULT-VALUE})")
    long count;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "same seed, same mentions (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--rate",
            defaultValue = "5",
            description = "mentions per second of event time (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--start",
            description = "created_at of the first, ISO-8601 (default: an hour ago)")
    Instant start;

    @Override
    public Integer call() throws Exception {
        Instant from = start != null ? start : Instant.now().minusSeconds(3600);
        SampleMentions sample = new SampleMentions(seed, from, rate);
        try (BufferedWriter out =
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            for (long i = 0; i < count; i++) {
                out.write(MentionJson.toJson(sample.next()));
                out.newLine();
            }
        }
        return 0;
    }
}
