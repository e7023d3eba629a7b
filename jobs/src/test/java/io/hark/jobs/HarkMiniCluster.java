// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The one MiniCluster shape for integration tests: parallelism 2, as on a small real cluster. */
public final class HarkMiniCluster {
    public static final int PARALLELISM = 2;

    private HarkMiniCluster() {}

    public static MiniClusterExtension extension() {
        return extension(PARALLELISM);
    }

    /** The same with room for a job rescaled to {@code slots}. */
    public static MiniClusterExtension extension(int slots) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(slots)
                        .build());
    }

    /** A job that keeps failing fails the test after a few restarts instead of retrying forever. */
    public static void limitRestarts(StreamExecutionEnvironment env) {
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        restarts.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        env.configure(restarts);
    }
}
