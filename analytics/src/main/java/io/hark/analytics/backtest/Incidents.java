// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the known-incidents file: CSV with the header {@code query,start,end} and ISO-8601 instants
 * ({@code 2024-05-01T10:00:00Z}). People write this file by hand, so every error names the source
 * and line. Query ids are plain, so there is no quoting; blank lines are skipped. A line has at
 * most {@link #MAX_LINE_CHARS} characters, so no error message quotes a runaway line.
 */
public final class Incidents {
    /** A query id (at most 64) and two instants fit many times over. */
    public static final int MAX_LINE_CHARS = 1_000;

    private static final String HEADER = "query,start,end";

    private Incidents() {}

    public static List<Incident> load(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return parse(reader, csv.toString());
        }
    }

    /**
     * @param source what error messages call the input, typically its file name
     */
    public static List<Incident> parse(Reader csv, String source) throws IOException {
        BufferedReader lines = new BufferedReader(csv);
        String header = withinLimit(lines.readLine(), source + ":1");
        if (header == null || !header.strip().equals(HEADER)) {
            throw new IllegalArgumentException(
                    source + ":1: expected the header '" + HEADER + "', got '" + header + "'");
        }
        List<Incident> incidents = new ArrayList<>();
        int number = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (!withinLimit(line, source + ":" + number).isBlank()) {
                incidents.add(incident(line, source + ":" + number));
            }
        }
        return List.copyOf(incidents);
    }

    private static String withinLimit(String line, String where) {
        if (line != null && line.length() > MAX_LINE_CHARS) {
            throw new IllegalArgumentException(
                    where
                            + ": the line has "
                            + line.length()
                            + " characters; at most "
                            + MAX_LINE_CHARS);
        }
        return line;
    }

    private static Incident incident(String line, String where) {
        String[] columns = line.split(",", -1);
        if (columns.length != 3) {
            throw new IllegalArgumentException(
                    where
                            + ": expected 3 columns ("
                            + HEADER
                            + "), got "
                            + columns.length
                            + ": '"
                            + line
                            + "'");
        }
        String query = columns[0].strip();
        if (query.isEmpty()) {
            throw new IllegalArgumentException(where + ": missing query");
        }
        Instant start = instant(columns[1], "start", where);
        Instant end = instant(columns[2], "end", where);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(
                    where + ": end " + end + " is before start " + start);
        }
        return new Incident(query, start, end);
    }

    private static Instant instant(String text, String column, String where) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    where
                            + ": "
                            + column
                            + " '"
                            + text.strip()
                            + "' is not an ISO-8601 instant like 2024-05-01T10:00:00Z",
                    e);
        }
    }
}
