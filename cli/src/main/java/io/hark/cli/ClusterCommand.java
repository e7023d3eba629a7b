// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.embedded.FlinkSessionCluster;
import io.hark.embedded.LocalCluster;
import io.hark.jobs.Topics;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Hark on a real cluster on this machine, as a team runs it on several: three Kafka brokers, two
 * Elasticsearch nodes and a Flink session cluster, each server a process of its own; the job jar
 * submitted to Flink as {@code flink run} does, and the sample stream fed to it as in {@code
 * local}.
 */
@Command(
        name = "cluster",
        description = {
            "Runs Hark on a real multi-process cluster on this machine: 3 KRaft Kafka brokers, 2 Elasticsearch nodes,",
            "a Flink session cluster (a JobManager, 2 TaskManagers) running jobs/target/hark-jobs.jar. Feeds the sample",
            "stream until Ctrl-C, which stops every process."
        })
final class ClusterCommand implements Callable<Integer> {
    @Mixin SampleStreamOptions sample;

    @Option(
            names = "--web-ui-port",
            defaultValue = "8081",
            description =
                    "Flink web UI and REST port, another if taken (default: ${DEFAULT-VALUE})")
    int webUiPort;

    @Override
    public Integer call() throws Exception {
        Path jar =
                Path.of(System.getProperty("hark.home", ".")).resolve("jobs/target/hark-jobs.jar");
        say(
                "starting 3 Kafka brokers, 2 Elasticsearch nodes and a Flink cluster (a minute or two)...");
        FlinkSessionCluster.Settings flinkSettings =
                FlinkSessionCluster.Settings.defaults()
                        .withRestPort(LocalFlink.isFree(webUiPort) ? webUiPort : 0);
        // the servers' shutdown hooks kill their processes on Ctrl-C
        try (LocalCluster cluster = LocalCluster.start(flinkSettings)) {
            cluster.kafka().createTopics(Topics.DEFAULT_PARTITIONS);
            LocalJobs jobs =
                    new LocalJobs(
                            LocalJobs.Servers.of(cluster), sample.queriesFile(), false, null, null);
            ListenOptions listen = jobs.listen(false);
            MetricsOptions metrics = jobs.metrics(false);
            String listenJob = cluster.flink().submit(jar, null, jobs.listenArguments(false));
            String metricsJob =
                    cluster.flink()
                            .submit(jar, MetricsJob.class.getName(), jobs.metricsArguments(false));
            say("Kafka:         " + cluster.kafka().bootstrapServers());
            say(
                    "Elasticsearch: "
                            + cluster.elasticsearch().httpUrl()
                            + ", "
                            + cluster.elasticsearchDataNode().httpUrl()
                            + "  (try: curl '"
                            + cluster.elasticsearch().httpUrl()
                            + "/_cat/shards/hark-*?v')");
            say("Flink web UI:  " + cluster.flink().restUrl());
            say("Jobs:          listen " + listenJob + ", metrics " + metricsJob);
            say("Logs:          " + cluster.flink().logDirectory());
            Thread alerts =
                    new Thread(
                            new AlertTail(listen.kafka(), metrics.alertTopic(), System.out),
                            "hark-cluster-alerts");
            alerts.setDaemon(true);
            alerts.start();
            SampleStream.startFeeding(
                    listen, sample.rate, LocalCommand.MALFORMED_EVERY, sample.crises(), sent -> {});
            say("running; Ctrl-C stops everything. NLP models load first (about 30 s).");
            LocalCommand.LiveProgress live = new LocalCommand.LiveProgress(listen);
            while (true) {
                Thread.sleep(5_000);
                live.print();
            }
        }
    }

    private static void say(String line) {
        System.err.println(line);
    }
}
