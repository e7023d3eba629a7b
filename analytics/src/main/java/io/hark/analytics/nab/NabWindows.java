// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.analytics.nab.NabScorer.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NAB's labelled windows ({@code windows.json}: each series' path, then its windows as pairs of
 * timestamps such as {@code "2015-03-03 04:37:53.000000"}), as row indices of a series.
 */
public final class NabWindows {
    private NabWindows() {}

    /**
     * The windows of every series in {@code windowsJson}, by the series' file name (its path
     * without folders).
     */
    public static Map<String, List<String[]>> read(Path windowsJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(windowsJson.toFile());
        Map<String, List<String[]>> windows = new LinkedHashMap<>();
        root.properties()
                .forEach(
                        series -> {
                            List<String[]> pairs = new ArrayList<>();
                            series.getValue()
                                    .forEach(
                                            pair ->
                                                    pairs.add(
                                                            new String[] {
                                                                pair.get(0).asText(),
                                                                pair.get(1).asText()
                                                            }));
                            windows.put(Path.of(series.getKey()).getFileName().toString(), pairs);
                        });
        return windows;
    }

    /**
     * The rows of {@code timestamps} where each window starts and ends. Timestamps match on their
     * first 19 characters ({@code 2015-03-03 04:37:53}); where a timestamp repeats, its last row
     * counts, as NAB's own scorer has it.
     *
     * @throws IllegalArgumentException if a window's start or end is not among the timestamps
     */
    public static List<Window> rows(List<String> timestamps, List<String[]> windows) {
        Map<String, Integer> rowOf = new HashMap<>();
        for (int row = 0; row < timestamps.size(); row++) {
            rowOf.put(normalized(timestamps.get(row)), row);
        }
        List<Window> rows = new ArrayList<>();
        for (String[] window : windows) {
            rows.add(new Window(row(rowOf, window[0]), row(rowOf, window[1])));
        }
        rows.sort((a, b) -> Integer.compare(a.first(), b.first()));
        return rows;
    }

    private static int row(Map<String, Integer> rowOf, String timestamp) {
        Integer row = rowOf.get(normalized(timestamp));
        if (row == null) {
            throw new IllegalArgumentException(
                    "a window's timestamp " + timestamp + " is not a row of the series");
        }
        return row;
    }

    private static String normalized(String timestamp) {
        String text = timestamp.strip().replace('T', ' ');
        return text.length() > 19 ? text.substring(0, 19) : text;
    }
}
