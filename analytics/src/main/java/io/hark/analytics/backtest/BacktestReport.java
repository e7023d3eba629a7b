// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Lays out the scores of several settings side by side: a fixed-width table for the terminal, CSV
 * for spreadsheets, JSON for scripts. Delays in CSV and JSON are whole seconds (truncated;
 * detection works in whole windows, so nothing finer is meaningful) and empty / null when nothing
 * was detected.
 */
public final class BacktestReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLUMNS = {
        "setting", "episodes", "TP", "FP", "precision", "recall", "median delay", "max delay"
    };
    private static final String CSV_HEADER =
            "setting,episodes,true_positives,false_positives,precision,recall,median_delay_s,max_delay_s";

    /**
     * One setting's result, in the order the caller wants them listed, with the episodes it fired.
     */
    public record Row(String setting, Score score, List<Episode> episodes) {
        public Row {
            episodes = List.copyOf(episodes);
        }
    }

    private BacktestReport() {}

    /**
     * Setting names left-aligned, numbers right-aligned, each column as wide as its widest cell.
     */
    public static String table(List<Row> rows) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = COLUMNS;
        for (int i = 0; i < rows.size(); i++) {
            Score s = rows.get(i).score();
            cells[i + 1] =
                    new String[] {
                        rows.get(i).setting(),
                        Integer.toString(s.episodes()),
                        Integer.toString(s.truePositives()),
                        Integer.toString(s.falsePositives()),
                        ratio(s.precision()),
                        ratio(s.recall()),
                        human(s.medianDelay()),
                        human(s.maxDelay())
                    };
        }
        int[] widths = new int[COLUMNS.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
                text.append(String.format(Locale.ROOT, format, line[c]));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    public static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (Row row : rows) {
            Score s = row.score();
            out.append(
                            String.join(
                                    ",",
                                    csvField(row.setting()),
                                    Integer.toString(s.episodes()),
                                    Integer.toString(s.truePositives()),
                                    Integer.toString(s.falsePositives()),
                                    ratio(s.precision()),
                                    ratio(s.recall()),
                                    s.medianDelay() == null
                                            ? ""
                                            : Long.toString(s.medianDelay().toSeconds()),
                                    s.maxDelay() == null
                                            ? ""
                                            : Long.toString(s.maxDelay().toSeconds())))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * An array of one object per setting, with the CSV's fields plus incidents, detected, missed
     * and the episodes it fired (query, opened, resolved or null, severity).
     */
    public static String json(List<Row> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (Row row : rows) {
            Score s = row.score();
            ObjectNode node = array.addObject();
            node.put("setting", row.setting());
            node.put("episodes", s.episodes());
            node.put("incidents", s.incidents());
            node.put("true_positives", s.truePositives());
            node.put("false_positives", s.falsePositives());
            node.put("detected", s.detected());
            node.put("precision", s.precision());
            node.put("recall", s.recall());
            node.put(
                    "median_delay_s", s.medianDelay() == null ? null : s.medianDelay().toSeconds());
            node.put("max_delay_s", s.maxDelay() == null ? null : s.maxDelay().toSeconds());
            s.missed().forEach(node.putArray("missed")::add);
            ArrayNode fired = node.putArray("fired");
            for (Episode episode : row.episodes()) {
                ObjectNode item = fired.addObject();
                item.put("query", episode.queryId());
                item.put("opened", episode.opened().toString());
                item.put(
                        "resolved",
                        episode.resolved() == null ? null : episode.resolved().toString());
                item.put("severity", episode.severity());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Like 45s, 5m, 1h30m; "-" when nothing was detected. */
    private static String human(Duration delay) {
        if (delay == null) {
            return "-";
        }
        if (delay.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        appendPart(text, delay.toHours(), "h");
        appendPart(text, delay.toMinutesPart(), "m");
        appendPart(text, delay.toSecondsPart(), "s");
        return text.isEmpty() ? "<1s" : text.toString();
    }

    private static void appendPart(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? '"' + value.replace("\"", "\"\"") + '"'
                : value;
    }
}
