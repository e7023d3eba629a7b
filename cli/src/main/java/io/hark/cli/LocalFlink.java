// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.ClientUtils;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.client.JobInitializationException;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A Flink MiniCluster in this JVM, listening on 127.0.0.1 only, that runs every job its {@link
 * #environment()} submits until it is closed. Flink's own local environment starts a cluster for
 * each job and stops it after: seconds of every job's time, and a web UI that vanishes between the
 * local mode's listen and metrics jobs.
 */
final class LocalFlink implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final String EXECUTOR = "hark-in-process";

    private final MiniCluster cluster;
    private final StreamExecutionEnvironment environment;
    private final int webUiPort;

    private LocalFlink(MiniCluster cluster, StreamExecutionEnvironment environment, int webUiPort) {
        this.cluster = cluster;
        this.environment = environment;
        this.webUiPort = webUiPort;
    }

    /**
     * Starts the cluster, its web UI on {@code preferredPort}, or on any free port when that one is
     * taken, with {@code parallelism} task slots.
     */
    static LocalFlink withWebUi(int preferredPort, int parallelism) throws Exception {
        int port = isFree(preferredPort) ? preferredPort : anyFreePort();
        Configuration configuration = inProcess();
        configuration.set(RestOptions.PORT, port);
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(configuration)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(parallelism)
                                .setRpcServiceSharing(RpcServiceSharing.SHARED)
                                .build());
        try {
            cluster.start();
        } catch (Exception e) {
            // a cluster that started half-way (its RPC service, a port) must not outlive the error
            cluster.close();
            throw e;
        }
        Configuration submission = new Configuration(configuration);
        submission.set(DeploymentOptions.TARGET, EXECUTOR);
        submission.set(DeploymentOptions.ATTACHED, true);
        StreamExecutionEnvironment environment =
                new StreamExecutionEnvironment(
                        new ClusterExecutors(cluster),
                        submission,
                        LocalFlink.class.getClassLoader());
        environment.setParallelism(parallelism);
        return new LocalFlink(cluster, environment, port);
    }

    StreamExecutionEnvironment environment() {
        return environment;
    }

    int webUiPort() {
        return webUiPort;
    }

    /** Stops the cluster, and any job still running on it. */
    @Override
    public void close() throws Exception {
        cluster.close();
    }

    /**
     * Settings for Flink in this JVM: every listener (web UI and REST, BLOB server, RPC, data
     * exchange) on loopback, since nothing outside this machine has any business with it and the
     * BLOB server takes artifacts without authentication; batch jobs (replays, backtests) sort in
     * managed memory, and the default for a local cluster (128 MB) makes a day of mentions spill to
     * disk; shuffles between tasks of one process gain nothing from compression.
     */
    static Configuration inProcess() {
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        configuration.set(RestOptions.ADDRESS, LOOPBACK);
        configuration.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        configuration.set(JobManagerOptions.ADDRESS, LOOPBACK);
        configuration.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        configuration.set(TaskManagerOptions.HOST, LOOPBACK);
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(1024));
        configuration.set(
                NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC,
                NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
        return configuration;
    }

    /** Cancels the job when the JVM is asked to stop (Ctrl-C), unless it already ended. */
    static void cancelOnExit(JobClient job, Runnable thenAlso) {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        if (!job.getJobExecutionResult().isDone()) {
                                            job.cancel().get(30, TimeUnit.SECONDS);
                                        }
                                    } catch (Exception e) {
                                        // The cluster may already be shutting down; nothing is left
                                        // to cancel then.
                                    }
                                    thenAlso.run();
                                },
                                "hark-cancel-job"));
    }

    /** A job's counter accumulator; 0 when the job never counted. */
    static long counted(JobExecutionResult result, String accumulator) {
        return counted(result.getAllAccumulatorResults(), accumulator);
    }

    /**
     * A counter among a job's accumulators, running ({@link JobClient#getAccumulators()}) or final;
     * 0 when the job has not counted.
     */
    static long counted(Map<String, Object> accumulators, String accumulator) {
        return accumulators.get(accumulator) instanceof Long count ? count : 0;
    }

    String webUiUrl() {
        return "http://" + LOOPBACK + ":" + webUiPort;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the Flink web UI", e);
        }
    }

    /** Submits every job to the one cluster, as Flink's own local executor does to its own. */
    private record ClusterExecutors(MiniCluster cluster)
            implements PipelineExecutorServiceLoader, PipelineExecutorFactory, PipelineExecutor {
        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
            return this;
        }

        @Override
        public Stream<String> getExecutorNames() {
            return Stream.of(EXECUTOR);
        }

        @Override
        public String getName() {
            return EXECUTOR;
        }

        @Override
        public boolean isCompatibleWith(Configuration configuration) {
            return true;
        }

        @Override
        public PipelineExecutor getExecutor(Configuration configuration) {
            return this;
        }

        @Override
        public CompletableFuture<JobClient> execute(
                Pipeline pipeline, Configuration configuration, ClassLoader userCodeClassLoader)
                throws Exception {
            StreamGraph graph = PipelineExecutorUtils.getStreamGraph(pipeline, configuration);
            return cluster.submitJob(graph)
                    .thenApply(
                            submitted -> {
                                JobID job = submitted.getJobID();
                                // as Flink's local executor: a job that cannot start fails here,
                                // not later in its result
                                try {
                                    ClientUtils.waitUntilJobInitializationFinished(
                                            () -> cluster.getJobStatus(job).get(),
                                            () -> cluster.requestJobResult(job).get(),
                                            userCodeClassLoader);
                                } catch (JobInitializationException e) {
                                    throw new CompletionException(e);
                                }
                                return new MiniClusterJobClient(
                                        job,
                                        cluster,
                                        userCodeClassLoader,
                                        MiniClusterJobClient.JobFinalizationBehavior.NOTHING);
                            });
        }
    }
}
