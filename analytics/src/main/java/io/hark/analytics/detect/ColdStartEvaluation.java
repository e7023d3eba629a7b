// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import io.hark.analytics.detect.DetectEvaluation.Series;
import io.hark.analytics.nab.NabScorer.Window;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the detector does on a series it has just started watching: a new listening query, or a brand
 * whose crisis comes in its first days. For each labelled window and each lead time, the series is
 * cut to start that long before the window and end with it, and the detection starts from nothing
 * there; the trial asks whether the window is caught, how late, and how many alerts fired outside
 * every labelled window before it. NAB's own scoring cannot say this: its probation hides the first
 * days of a series, and each series is started only once.
 */
public final class ColdStartEvaluation {
    /** How long before a window the detector starts, by default: a few hours to a few days. */
    public static final List<Duration> LEADS =
            List.of(
                    Duration.ofHours(6),
                    Duration.ofDays(1),
                    Duration.ofDays(2),
                    Duration.ofDays(4));

    /**
     * One cut series.
     *
     * @param delayShare when the window was caught, the first alert's delay as a share of the
     *     window; else NaN
     * @param days how long the detector watched before the window
     */
    public record Trial(
            String series,
            int window,
            Duration lead,
            boolean caught,
            double delayShare,
            int falseAlerts,
            double days) {}

    private ColdStartEvaluation() {}

    /**
     * Every window of {@code series} that has at least {@code lead} of history before it, for each
     * lead.
     */
    public static List<Trial> run(AlertRules rules, List<Series> series, List<Duration> leads) {
        List<Trial> trials = new ArrayList<>();
        for (Duration lead : leads) {
            for (Series one : series) {
                List<SeriesRow> rows = one.rows();
                for (int w = 0; w < one.windows().size(); w++) {
                    Window window = one.windows().get(w);
                    long startMillis = rows.get(window.first()).millis() - lead.toMillis();
                    if (startMillis < rows.get(0).millis()) {
                        continue;
                    }
                    int first = 0;
                    while (rows.get(first).millis() < startMillis) {
                        first++;
                    }
                    trials.add(trial(rules, one, w, first, lead));
                }
            }
        }
        return trials;
    }

    private static Trial trial(AlertRules rules, Series one, int w, int first, Duration lead) {
        Window window = one.windows().get(w);
        List<SeriesRow> cut = one.rows().subList(first, window.last() + 1);
        SeriesDetection detection = SeriesDetection.with(rules, cut, null);
        int falseAlerts = 0;
        double delayShare = Double.NaN;
        for (int row = first; row <= window.last(); row++) {
            if (!detection.observe(one.rows().get(row)).alert()) {
                continue;
            }
            if (row >= window.first()) {
                if (Double.isNaN(delayShare)) {
                    delayShare =
                            (double) (row - window.first()) / (window.last() - window.first() + 1);
                }
            } else if (!insideAnyWindow(one, row)) {
                falseAlerts++;
            }
        }
        double days =
                (one.rows().get(window.first()).millis() - one.rows().get(first).millis())
                        / 86_400_000.0;
        return new Trial(
                one.name(), w, lead, !Double.isNaN(delayShare), delayShare, falseAlerts, days);
    }

    private static boolean insideAnyWindow(Series one, int row) {
        return one.windows().stream()
                .anyMatch(window -> row >= window.first() && row <= window.last());
    }

    /**
     * One line per lead: windows caught, median delay, false alerts before the windows and their
     * rate.
     */
    public static void print(List<Trial> trials, List<Duration> leads, PrintStream out) {
        out.printf(
                "%-10s %7s %6s %13s %12s %14s%n",
                "started", "windows", "caught", "median delay", "false alerts", "per 14 days");
        for (Duration lead : leads) {
            List<Trial> these = trials.stream().filter(trial -> trial.lead().equals(lead)).toList();
            if (these.isEmpty()) {
                continue;
            }
            List<Double> delays =
                    these.stream().filter(Trial::caught).map(Trial::delayShare).sorted().toList();
            int falseAlerts = these.stream().mapToInt(Trial::falseAlerts).sum();
            double days = these.stream().mapToDouble(Trial::days).sum();
            out.printf(
                    "%-10s %7d %6d %13s %12d %14.2f%n",
                    lead.toString().substring(2).toLowerCase() + " before",
                    these.size(),
                    delays.size(),
                    delays.isEmpty() ? "-" : String.format("%.2f", delays.get(delays.size() / 2)),
                    falseAlerts,
                    days == 0 ? 0 : falseAlerts / (days / 14));
        }
    }
}
