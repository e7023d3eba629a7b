// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.embedded.LocalCluster;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.listen.operators.EnrichMention;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.core.execution.JobClient;

/**
 * The listen and metrics jobs as the local mode (and the benchmarks built on it) run them against
 * the embedded servers.
 *
 * @param queries the YAML file of listening queries the query topic is made to hold
 * @param notifiers the notifiers file, or null for none
 * @param stateTtl how long the listen job remembers deliveries, originals' NLP and copy-paste
 *     texts, or null for its defaults
 */
record LocalJobs(
        Servers stack, Path queries, boolean keepUnmatched, Path notifiers, Duration stateTtl) {
    static final int PARALLELISM = 2;

    /**
     * Starts loading the NLP models of the local listen job (the shipped ones) on a thread of its
     * own. The job's tasks run in this JVM and find them loaded, so the loading overlaps the
     * servers' start instead of following it.
     *
     * @return how long the loading took, once done
     */
    static CompletableFuture<Duration> loadModelsInBackground() {
        CompletableFuture<Duration> loaded = new CompletableFuture<>();
        Thread loader =
                new Thread(
                        () -> {
                            long start = System.nanoTime();
                            try {
                                EnrichMention.loadModels(null);
                                loaded.complete(Duration.ofNanos(System.nanoTime() - start));
                            } catch (Throwable e) {
                                loaded.completeExceptionally(e);
                            }
                        },
                        "hark-model-loader");
        loader.setDaemon(true);
        loader.start();
        return loaded;
    }

    /** Where the jobs find Kafka and Elasticsearch. */
    interface Servers {
        String bootstrapServers();

        String elasticsearchUrl();

        /** The Kafka and Elasticsearch clusters of {@code cluster}. */
        static Servers of(LocalCluster cluster) {
            return new Servers() {
                @Override
                public String bootstrapServers() {
                    return cluster.kafka().bootstrapServers();
                }

                @Override
                public String elasticsearchUrl() {
                    return cluster.elasticsearch().httpUrl();
                }
            };
        }
    }

    ListenOptions listen(boolean bounded) {
        return ListenOptions.parse(listenArguments(bounded), Map.of());
    }

    /** The listen job's command line, as {@code flink run} takes it. */
    List<String> listenArguments(boolean bounded) {
        List<String> args = common("hark-local");
        args.addAll(List.of("--queries", queries.toString()));
        if (bounded) {
            args.add("--bounded");
        }
        if (keepUnmatched) {
            args.add("--keep-unmatched");
        }
        if (stateTtl != null) {
            String ttl = stateTtl.toSeconds() + "s";
            args.addAll(
                    List.of(
                            "--remember-deliveries",
                            ttl,
                            "--repost-nlp-ttl",
                            ttl,
                            "--near-duplicate-window",
                            ttl));
        }
        return args;
    }

    MetricsOptions metrics(boolean bounded) {
        return MetricsOptions.parse(metricsArguments(bounded), System.getenv());
    }

    /** The metrics job's command line, as {@code flink run} takes it. */
    List<String> metricsArguments(boolean bounded) {
        List<String> args = common("hark-local-metrics");
        if (bounded) {
            args.add("--bounded");
        }
        if (notifiers != null) {
            args.addAll(List.of("--notifiers", notifiers.toString()));
        }
        return args;
    }

    /** Both jobs as one Flink job, so one MiniCluster (and one web UI) runs them. */
    JobClient startLive(LocalFlink flink) throws Exception {
        ListenJob.define(flink.environment(), listen(false));
        MetricsJob.define(flink.environment(), metrics(false));
        return flink.environment().executeAsync("hark-local");
    }

    private List<String> common(String groupId) {
        return new ArrayList<>(
                List.of(
                        "--bootstrap",
                        stack.bootstrapServers(),
                        "--es",
                        stack.elasticsearchUrl(),
                        "--group-id",
                        groupId,
                        "--starting-offsets",
                        "earliest",
                        "--checkpoint-interval",
                        "10s",
                        "--parallelism",
                        String.valueOf(PARALLELISM)));
    }
}
