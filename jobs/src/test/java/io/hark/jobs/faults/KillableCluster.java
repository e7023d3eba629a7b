// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import io.hark.jobs.HarkMiniCluster;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MiniCluster of the usual shape that the test holds, so that it can kill the TaskManager under a
 * running job and see how the job fares. A JUnit extension ({@code @RegisterExtension static}):
 * jobs built on {@code StreamExecutionEnvironment.getExecutionEnvironment()} run on it during the
 * test class.
 */
final class KillableCluster implements BeforeAllCallback, AfterAllCallback {
    private MiniCluster cluster;

    /** The live TaskManager's index: the MiniCluster keeps dead ones in its list. */
    private int taskManager;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                // any free port: the default 8081 may be taken on the machine
                                .setConfiguration(restOnAnyFreePort())
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(HarkMiniCluster.PARALLELISM)
                                .build());
        cluster.start();
        TestStreamEnvironment.setAsContext(cluster, HarkMiniCluster.PARALLELISM);
    }

    private static Configuration restOnAnyFreePort() {
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_PORT, "0");
        return configuration;
    }

    /**
     * Kills the TaskManager with every task on it, and starts a new one for the job to restart on.
     */
    void killTaskManager() throws Exception {
        cluster.terminateTaskManager(taskManager).get();
        cluster.startTaskManager();
        taskManager++;
    }

    long completedCheckpoints(JobID job) throws Exception {
        return cluster.getExecutionGraph(job)
                .get()
                .getCheckpointStatsSnapshot()
                .getCounts()
                .getNumberOfCompletedCheckpoints();
    }

    /** Whether the job has failed and restarted since it was submitted. */
    boolean restarted(JobID job) throws Exception {
        return cluster.getExecutionGraph(job).get().getStatusTimestamp(JobStatus.RESTARTING) > 0;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TestStreamEnvironment.unsetAsContext();
        cluster.close();
    }
}
