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
 * 2015-02-26 21:42:53,104}, timestamps in UTC and increasing. The texts are kept to be written back as
 * they came.
 */
record SeriesRow(String timestamp, String value, long millis, double count) {

  static List<SeriesRow> readCsv(Reader csv) throws IOException {
    BufferedReader reader = new BufferedReader(csv);
    String header = reader.readLine();
    if (header == null || !header.strip().equals("timestamp,value")) {
      throw new IllegalArgumentException("line 1: expected the header 'timestamp,value', got '" + header + "'");
    }
    List<SeriesRow> rows = new ArrayList<>();
    String line;
    for (int number = 2; (line = reader.readLine()) != null; number++) {
      if (!line.isBlank()) {
        SeriesRow row = parse(line.strip(), number);
        if (!rows.isEmpty() && row.millis <= rows.get(rows.size() - 1).millis) {
          throw new IllegalArgumentException(
              "line " + number + ": timestamp " + row.timestamp + " is not after the previous row's");
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static SeriesRow parse(String line, int number) {
    int comma = line.indexOf(',');
    if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
      throw new IllegalArgumentException("line " + number + ": expected timestamp,value, got '" + line + "'");
    }
    String timestamp = line.substring(0, comma).strip();
    String value = line.substring(comma + 1).strip();
    try {
      long millis = LocalDateTime.parse(timestamp.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
      double count = Double.parseDouble(value);
      if (!(count >= 0) || Double.isInfinite(count)) {
        throw new NumberFormatException();
      }
      return new SeriesRow(timestamp, value, millis, count);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("line " + number + ": not a timestamp like 2015-02-26 21:42:53: '" + timestamp + "'");
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + number + ": not a count (a number, 0 or more): '" + value + "'");
    }
  }

  /** The most common interval between successive rows (the shorter on a tie): the step, of which gaps are multiples. */
  static Duration commonStep(List<SeriesRow> rows) {
    Map<Long, Integer> intervals = new TreeMap<>();
    for (int i = 1; i < rows.size(); i++) {
      intervals.merge(rows.get(i).millis - rows.get(i - 1).millis, 1, Integer::sum);
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
