// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/** The listen job against external Kafka and Elasticsearch, on an in-process Flink. */
@Command(
        name = "listen",
        description = {
            "Runs the listen job in this JVM against real Kafka and Elasticsearch clusters.",
            "Takes the job's options (the same as `flink run hark-jobs.jar`); --job-help lists them."
        })
final class ListenCommand implements Callable<Integer> {
    @Mixin InProcessFlinkOptions job;

    @Unmatched List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (job.jobHelp) {
            System.out.println(ListenOptions.usage());
            return 0;
        }
        ListenOptions options = ListenOptions.parse(jobArgs, System.getenv());
        try (LocalFlink flink =
                job.flink(options.parallelism() == null ? 2 : options.parallelism())) {
            System.err.println("Flink web UI: " + flink.webUiUrl());
            JobClient listen = ListenJob.start(flink.environment(), options);
            LocalFlink.cancelOnExit(listen, () -> {});
            listen.getJobExecutionResult().get();
        }
        return 0;
    }
}
