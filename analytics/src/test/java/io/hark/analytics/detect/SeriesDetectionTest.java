// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeriesDetectionTest {
    private static final DateTimeFormatter NAB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Three days of 5-minute counts in NAB's form, with a surge at row {@code spikeRow}. */
    private static String nabCsv(int rows, int spikeRow) {
        SyntheticSeries series = SyntheticSeries.daily(12, 10, 60);
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < rows; i++) {
            long millis = SyntheticSeries.START + 53_000 + i * Duration.ofMinutes(5).toMillis();
            int count = i == spikeRow ? 2_000 : series.countAt(millis);
            csv.append(NAB_TIME.format(Instant.ofEpochMilli(millis)))
                    .append(',')
                    .append(count)
                    .append('\n');
        }
        return csv.toString();
    }

    private static String run(String csv, Duration step) throws IOException {
        StringWriter out = new StringWriter();
        SeriesDetection.run(new StringReader(csv), out, step);
        return out.toString();
    }

    @Test
    void writesEveryRowInOrderWithItsScoreAndWhetherItPaged() throws IOException {
        String csv = nabCsv(864, 700);

        List<String> output = run(csv, null).lines().toList();
        List<String> input = csv.lines().toList();

        assertThat(output).hasSize(input.size());
        assertThat(output.get(0)).isEqualTo("timestamp,value,anomaly_score,alert");
        for (int i = 1; i < input.size(); i++) {
            assertThat(output.get(i))
                    .startsWith(input.get(i) + ',')
                    .matches(".*,[01]\\.\\d{4},[01]");
        }
        assertThat(output.get(701)).endsWith(",1");
        assertThat(output.stream().skip(1).filter(line -> line.endsWith(",1"))).hasSize(1);
    }

    @Test
    void scoresAtOrAboveTheBarOnlyWhereAnEpisodeOpens() throws IOException {
        // two surges an hour apart: the second is as strong, but within the first one's episode and
        // cooldown
        List<String> lines = new ArrayList<>(nabCsv(864, 700).lines().toList());
        lines.set(1 + 712, lines.get(1 + 712).replaceFirst(",\\d+$", ",2000"));
        String csv = String.join("\n", lines) + "\n";

        List<String[]> rows = run(csv, null).lines().skip(1).map(line -> line.split(",")).toList();

        assertThat(rows.get(700)[1]).isEqualTo("2000");
        assertThat(rows.get(712)[1]).isEqualTo("2000");
        assertThat(Double.parseDouble(rows.get(700)[2])).isGreaterThan(0.9);
        assertThat(rows.get(700)[3]).isEqualTo("1");
        assertThat(rows.get(712)[2]).isEqualTo("0.4999");
        for (String[] row : rows) {
            assertThat(Double.parseDouble(row[2]) >= 0.5)
                    .as(String.join(",", row))
                    .isEqualTo(row[3].equals("1"));
        }
    }

    @Test
    void infersTheStepFromTheMostCommonInterval() throws IOException {
        List<String> lines = nabCsv(864, 700).lines().toList();
        // Every seventh row missing: some intervals are ten minutes, the step is still five.
        String gappy =
                IntStream.range(0, lines.size())
                        .filter(i -> i == 0 || i % 7 != 0)
                        .mapToObj(i -> lines.get(i) + '\n')
                        .collect(Collectors.joining());

        assertThat(SeriesRow.commonStep(SeriesRow.readCsv(new StringReader(gappy))))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(run(gappy, null))
                .isEqualTo(run(gappy, Duration.ofMinutes(5)))
                .isNotEqualTo(run(gappy, Duration.ofMinutes(10)));
    }

    @Test
    void namesTheLineOfABadRow() {
        String header = "timestamp,value\n";
        String good = "2015-02-26 21:42:53,104\n";
        assertThatThrownBy(() -> run(header + good + "2015-02-26 21:47:53,lots\n", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 3:")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> run(header + good + "yesterday,5\n", null))
                .hasMessageStartingWith("line 3:");
        assertThatThrownBy(() -> run(header + good + "2015-02-26 21:47:53\n", null))
                .hasMessageStartingWith("line 3:");
        assertThatThrownBy(() -> run(header + good + "2015-02-26 21:47:53,NaN\n", null))
                .hasMessageStartingWith("line 3:")
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> run(header + good + "2015-02-26 21:47:53,Infinity\n", null))
                .hasMessageStartingWith("line 3:");
        assertThatThrownBy(() -> run("time,count\n" + good, null))
                .hasMessageStartingWith("line 1:");
    }

    @Test
    void rowsThatCannotBePlacedInTimeAreScoredZeroNeverAlertAndAreCounted() throws IOException {
        List<String> lines = new ArrayList<>(nabCsv(864, 700).lines().toList());
        lines.add(400, lines.get(399));
        lines.add(500, lines.get(300));
        String csv = String.join("\n", lines) + "\n";
        StringWriter out = new StringWriter();

        int misplaced = SeriesDetection.run(new StringReader(csv), out, null);

        List<String> output = out.toString().lines().toList();
        assertThat(misplaced).isEqualTo(2);
        assertThat(output).hasSize(lines.size());
        assertThat(output.get(400)).isEqualTo(lines.get(400) + ",0.0000,0");
        assertThat(output.get(500)).isEqualTo(lines.get(500) + ",0.0000,0");
        assertThat(output.get(703)).as("the surge, two rows later").endsWith(",1");
    }

    @Test
    void readsNegativeAndFractionalValuesAsLevelsAndFlagsADrop() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        Random noise = new Random(5);
        for (int i = 0; i < 864; i++) {
            long millis = SyntheticSeries.START + i * Duration.ofMinutes(5).toMillis();
            double value = i == 700 ? -35.5 : -2.25 + 0.5 * noise.nextGaussian();
            csv.append(NAB_TIME.format(Instant.ofEpochMilli(millis)))
                    .append(',')
                    .append(value)
                    .append('\n');
        }
        List<String> output = run(csv.toString(), null).lines().toList();
        assertThat(output).hasSize(865);
        assertThat(output.get(701)).endsWith(",1");
        assertThat(output.stream().skip(1).filter(line -> line.endsWith(",1"))).hasSize(1);
    }

    @Test
    void readsWholeNumbersFarQuieterThanCountsAsALevelAndFlagsADrop() throws IOException {
        // A speed in whole miles per hour: about 64, moving by a few, where counts of 64 would move
        // by 8.
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        Random noise = new Random(6);
        for (int i = 0; i < 864; i++) {
            long millis = SyntheticSeries.START + i * Duration.ofMinutes(5).toMillis();
            long value = i == 700 ? 8 : Math.round(64 + 2 * noise.nextGaussian());
            csv.append(NAB_TIME.format(Instant.ofEpochMilli(millis)))
                    .append(',')
                    .append(value)
                    .append('\n');
        }
        assertThat(SeriesRow.counts(SeriesRow.readCsv(new StringReader(csv.toString())))).isFalse();
        assertThat(SeriesRow.counts(SeriesRow.readCsv(new StringReader(nabCsv(864, 700)))))
                .isTrue();

        List<String> output = run(csv.toString(), null).lines().toList();
        assertThat(output.get(701)).endsWith(",1");
        assertThat(output.stream().skip(1).filter(line -> line.endsWith(",1"))).hasSize(1);
    }
}
