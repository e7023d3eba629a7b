// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of a series in NAB's CSV form: a {@code timestamp,value} header, then rows like {@code
 * 2015-02-26 21:42:53,104}, timestamps in UTC. Values are any finite numbers: counts, sums, ratios,
 * levels. Rows come as recorded, repeated or out-of-order timestamps included: NAB scores every
 * row, and {@link SeriesDetection} tells those it cannot place. The texts are kept to be written
 * back as they came.
 */
record SeriesRow(String timestamp, String text, long millis, double value) {

    static List<SeriesRow> readCsv(Reader csv) throws IOException {
        BufferedReader reader = new BufferedReader(csv);
        String header = reader.readLine();
        if (header == null || !header.strip().equals("timestamp,value")) {
            throw new IllegalArgumentException(
                    "line 1: expected the header 'timestamp,value', got '" + header + "'");
        }
        List<SeriesRow> rows = new ArrayList<>();
        String line;
        for (int number = 2; (line = reader.readLine()) != null; number++) {
            if (!line.isBlank()) {
                rows.add(parse(line.strip(), number));
            }
        }
        return rows;
    }

    /**
     * Whether the series is one of counts: every value a whole number, 0 or more, and the series at
     * least nearly as noisy as counts of independent events. A speed in whole miles per hour is not
     * a count: counts vary from step to step at least as a Poisson variable does (variance equal to
     * the mean; a daily cycle or bursts only add to it), and a level of 64 that moves by 3 is far
     * quieter than that.
     */
    static boolean counts(List<SeriesRow> rows) {
        return rows.stream().allMatch(row -> row.value >= 0 && row.value == Math.rint(row.value))
                && !tooQuietForCounts(rows);
    }

    /**
     * Rows needed before the step-to-step variance is believed; Poisson's estimate is then within a
     * few percent.
     */
    private static final int ROWS_FOR_DISPERSION = 200;

    /**
     * Below this share of Poisson variance, whole numbers are a level: under Poisson the estimate
     * is 1 give or take a few hundredths.
     */
    private static final double LEAST_POISSON_SHARE = 0.8;

    private static boolean tooQuietForCounts(List<SeriesRow> rows) {
        if (rows.size() < ROWS_FOR_DISPERSION) {
            return false;
        }
        double mean = rows.stream().mapToDouble(SeriesRow::value).average().orElse(0);
        double sumOfSquaredSteps = 0;
        for (int i = 1; i < rows.size(); i++) {
            double step = rows.get(i).value - rows.get(i - 1).value;
            sumOfSquaredSteps += step * step;
        }
        // Independent steps: a difference of two has twice the variance of one.
        double variance = sumOfSquaredSteps / (rows.size() - 1) / 2;
        return mean > 0 && variance < LEAST_POISSON_SHARE * mean;
    }

    private static SeriesRow parse(String line, int number) {
        int comma = line.indexOf(',');
        if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
            throw new IllegalArgumentException(
                    "line " + number + ": expected timestamp,value, got '" + line + "'");
        }
        String timestamp = line.substring(0, comma).strip();
        String text = line.substring(comma + 1).strip();
        try {
            long millis =
                    LocalDateTime.parse(timestamp.replace(' ', 'T'))
                            .toInstant(ZoneOffset.UTC)
                            .toEpochMilli();
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return new SeriesRow(timestamp, text, millis, value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "line "
                            + number
                            + ": not a timestamp like 2015-02-26 21:42:53: '"
                            + timestamp
                            + "'");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "line " + number + ": not a finite number: '" + text + "'");
        }
    }

    /**
     * The most common interval between successive rows (the shorter on a tie): the step, of which
     * gaps are multiples.
     */
    static Duration commonStep(List<SeriesRow> rows) {
        Map<Long, Integer> intervals = new TreeMap<>();
        for (int i = 1; i < rows.size(); i++) {
            long interval = rows.get(i).millis - rows.get(i - 1).millis;
            if (interval > 0) {
                intervals.merge(interval, 1, Integer::sum);
            }
        }
        long step = 0;
        int count = 0;
        for (Map.Entry<Long, Integer> interval : intervals.entrySet()) {
            if (interval.getValue() > count) {
                step = interval.getKey();
                count = interval.getValue();
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("a series needs two rows or more to tell its step");
        }
        return Duration.ofMillis(step);
    }
}
