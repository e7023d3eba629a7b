// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A Flink MiniCluster in this JVM, listening on 127.0.0.1 only. */
record LocalFlink(StreamExecutionEnvironment environment, int webUiPort) {
    private static final String LOOPBACK = "127.0.0.1";

    /** On {@code preferredPort}, or on any free port when that one is taken. */
    static LocalFlink withWebUi(int preferredPort, int parallelism) {
        int port = isFree(preferredPort) ? preferredPort : anyFreePort();
        Configuration configuration = inProcess();
        configuration.set(RestOptions.PORT, port);
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        StreamExecutionEnvironment environment =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(configuration);
        environment.setParallelism(parallelism);
        return new LocalFlink(environment, port);
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
        Long value = result.getAccumulatorResult(accumulator);
        return value == null ? 0 : value;
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
}
