// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.elasticsearch.IndexPublisher;
import io.hark.jobs.elasticsearch.IndexTemplates;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.operators.DropRedelivered;
import io.hark.jobs.listen.operators.MatchQueries;
import io.hark.jobs.replay.ReplayInput;
import io.hark.jobs.replay.ReplayJob;
import io.hark.jobs.replay.ReplayOptions;
import io.hark.jobs.replay.ReplayProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/** A replay on an in-process Flink, with a progress bar and a summary. */
@Command(
        name = "replay",
        description = {
            "Replays a period of mentions (Kafka time range, the archive, or a JSON Lines file) through the",
            "listen and metrics pipelines in batch mode, into a replay namespace of indices; alerts are",
            "recorded (marked replay) and never notified. --job-help lists the options."
        })
final class ReplayCommand implements Callable<Integer> {
    @Mixin InProcessFlinkOptions job;

    @Unmatched List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (job.jobHelp) {
            System.out.println(ReplayOptions.usage());
            return 0;
        }
        ReplayOptions options = ReplayOptions.parse(jobArgs, System.getenv());
        ReplayInput input = ReplayInput.of(options);
        long total = input.total();
        long deadLettersBefore = TopicReader.size(options.kafka(), options.deadLetterTopic());
        String run = options.indices().prefix() + "@" + System.nanoTime();
        JobExecutionResult result;
        double seconds;
        try (LocalFlink flink = job.flink(options.parallelism())) {
            ReplayJob.define(flink.environment(), options, input, run);
            System.err.printf(
                    "Replaying %,d records into %s-* (Flink web UI: %s)%n",
                    total, options.indices().prefix(), flink.webUiUrl());
            long started = System.nanoTime();
            JobClient replay = flink.environment().executeAsync(ReplayJob.NAME);
            LocalFlink.cancelOnExit(replay, () -> {});
            result =
                    Progress.follow(
                            "replaying",
                            total,
                            replay.getJobExecutionResult(),
                            () -> ReplayProgress.read(run));
            seconds = (System.nanoTime() - started) / 1e9;
        }
        long read = ReplayProgress.read(run);
        ReplayProgress.forget(run);

        IndexTemplates indices = options.indices();
        ElasticsearchConnection es = options.listen().elasticsearch();
        System.out.printf(
                Locale.ROOT,
                "replay %s: %,d records read in %.1f s (%,.0f/s)%n",
                indices.prefix(),
                read,
                seconds,
                read / Math.max(seconds, 1e-3));
        if (options.overLive()) {
            System.out.println(
                    "  written over the live indices "
                            + indices.prefix()
                            + "-*: documents overwritten by id");
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s %-40s %,d%n",
                    "mentions",
                    indices.mentionsAlias(),
                    IndexCounts.count(es, indices.mentionsAlias()));
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s %-40s %,d%n",
                    "metric windows",
                    indices.metricsAlias(),
                    IndexCounts.count(es, indices.metricsAlias()));
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s %-40s %,d%n",
                    "alert episodes",
                    indices.alertsAlias(),
                    IndexCounts.count(es, indices.alertsAlias()));
        }
        System.out.printf(
                Locale.ROOT,
                "  %-16s %-40s %,d%n",
                "dead letters",
                options.deadLetterTopic(),
                TopicReader.size(options.kafka(), options.deadLetterTopic()) - deadLettersBefore);
        if (!options.skipNlp()) {
            System.out.printf(
                    Locale.ROOT,
                    "  redeliveries dropped %,d, mentions matching no query %,d%n",
                    LocalFlink.counted(result, DropRedelivered.DROPPED),
                    LocalFlink.counted(result, MatchQueries.UNMATCHED));
        }
        if (options.publish()) {
            IndexPublisher.Published published =
                    IndexPublisher.publish(es, options.liveIndices(), indices);
            System.out.println("published " + indices.prefix() + " in place of the live indices:");
            published.swaps().forEach(swap -> System.out.println("  " + swap));
        }
        return 0;
    }
}
