// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.analytics.Durations;
import io.hark.analytics.backtest.BacktestReport;
import io.hark.analytics.backtest.BacktestScore;
import io.hark.analytics.backtest.Episode;
import io.hark.analytics.backtest.Incident;
import io.hark.analytics.backtest.Incidents;
import io.hark.analytics.detect.AlertRules;
import io.hark.jobs.replay.Backtest;
import io.hark.jobs.replay.ReplayInput;
import io.hark.jobs.replay.ReplayOptions;
import io.hark.jobs.replay.ReplayProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * Alert rules tried on history: which episodes each setting would have fired, scored against known
 * incidents.
 */
@Command(
        name = "backtest",
        description = {
            "Replays a period (as `replay` reads it: Kafka time range, --archive, --jsonl; --skip-nlp for speed)",
            "and checks its window metrics for spikes under each alert-rule setting of --settings. Prints, per",
            "setting, the alert episodes it would have fired; with --incidents (CSV query,start,end) also",
            "precision, recall and detection delay. Writes nothing but --report. --job-help lists the replay options."
        })
final class BacktestCommand implements Callable<Integer> {
    @Option(
            names = "--settings",
            required = true,
            description = "YAML list of alert-rule settings (see README: Backtests)")
    Path settings;

    @Option(
            names = "--incidents",
            description = "CSV of known incidents: query,start,end (ISO instants)")
    Path incidents;

    @Option(
            names = "--grace",
            defaultValue = "15m",
            description =
                    "an episode opened this long before an incident or after its end still counts (default: ${DEFAULT-VALUE})")
    String grace;

    @Option(
            names = "--report",
            description = "write the results to this file: .json (with every episode) or .csv")
    Path report;

    @Mixin InProcessFlinkOptions job;

    @Unmatched List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (job.jobHelp) {
            System.out.println(ReplayOptions.usage());
            return 0;
        }
        List<AlertRules> rules = AlertRules.load(settings);
        List<Incident> known = incidents == null ? List.of() : Incidents.load(incidents);
        List<String> args = new ArrayList<>(jobArgs);
        if (args.stream().noneMatch(arg -> arg.startsWith("--name"))) {
            args.addAll(List.of("--name", "backtest"));
        }
        ReplayOptions options = ReplayOptions.parse(args, System.getenv());
        ReplayInput input = ReplayInput.of(options);
        long total = input.total();
        String run = "backtest@" + System.nanoTime();
        Map<String, List<Episode>> fired;
        try (LocalFlink flink = job.flink(options.parallelism())) {
            System.err.printf(
                    "Backtesting %d settings on %,d records (Flink web UI: %s)%n",
                    rules.size(), total, flink.webUiUrl());
            CompletableFuture<Map<String, List<Episode>>> work =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return Backtest.run(
                                            flink.environment(), options, input, rules, run);
                                } catch (Exception e) {
                                    throw new CompletionException(e);
                                }
                            });
            fired = Progress.follow("backtesting", total, work, () -> ReplayProgress.read(run));
        }
        ReplayProgress.forget(run);

        List<BacktestReport.Row> rows = new ArrayList<>();
        for (AlertRules setting : rules) {
            List<Episode> episodes = fired.get(setting.name());
            rows.add(
                    new BacktestReport.Row(
                            setting.name(),
                            BacktestScore.score(episodes, known, Durations.parse(grace)),
                            episodes));
            System.out.printf(Locale.ROOT, "%s: %d episodes%n", setting.name(), episodes.size());
            for (Episode episode : episodes) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-24s opened %s  %s  %s%n",
                        episode.queryId(),
                        episode.opened(),
                        episode.resolved() == null
                                ? "still open"
                                : "resolved " + episode.resolved(),
                        episode.severity());
            }
        }
        if (!known.isEmpty()) {
            System.out.printf("%nagainst %d known incidents (grace %s):%n", known.size(), grace);
            System.out.print(BacktestReport.table(rows));
        }
        if (report != null) {
            String name = report.getFileName().toString().toLowerCase(Locale.ROOT);
            Files.writeString(
                    report,
                    name.endsWith(".csv") ? BacktestReport.csv(rows) : BacktestReport.json(rows));
            System.err.println("report written to " + report);
        }
        return 0;
    }
}
