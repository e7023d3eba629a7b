// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.analytics.Durations;
import io.hark.analytics.detect.SeriesDetection;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The live job's spike detection and alert episodes, replayed over a recorded series. */
@Command(
        name = "detect",
        description = {
            "Reads a series in NAB's CSV form (header timestamp,value, then rows like 2015-02-26 21:42:53,104, in UTC)",
            "and writes timestamp,value,anomaly_score,alert, one row per input row, in order, with a header.",
            "alert is 1 where an alert episode opens (where the live job would page on-call), else 0;",
            "anomaly_score is 0 to 1, and 0.5 at the threshold of an anomaly. Default settings, as in the live job.",
            "Whole numbers, 0 or more, are counts (only surges are anomalies); any other values are levels (surges and",
            "drops). A row whose timestamp is not after the latest one is scored 0 and never alerts; standard error",
            "says how many there were."
        })
final class DetectCommand implements Callable<Integer> {
    @Option(
            names = "--series",
            required = true,
            paramLabel = "FILE.csv",
            description = "the series to replay")
    Path series;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "output file (default: standard output)")
    Path out;

    @Option(
            names = "--step",
            converter = DurationConverter.class,
            description =
                    "sampling interval, e.g. 1m or 5m (default: the most common interval between rows)")
    Duration step;

    @Override
    public Integer call() throws Exception {
        int misplaced;
        try (Reader in = Files.newBufferedReader(series, StandardCharsets.UTF_8)) {
            if (out == null) {
                misplaced =
                        SeriesDetection.run(
                                in,
                                new BufferedWriter(
                                        new OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
                                step);
            } else {
                try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    misplaced = SeriesDetection.run(in, file, step);
                }
            }
        }
        if (misplaced > 0) {
            System.err.printf(
                    "hark detect: %d row(s) of %s had a timestamp not after the latest one before them: scored 0,"
                            + " never alerting, not learned from%n",
                    misplaced, series);
        }
        return 0;
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value);
        }
    }
}
