// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.minicluster.MiniCluster;

/** What a test's own MiniCluster says about a job it runs. */
final class JobProgress {
  private JobProgress() {}

  static long completedCheckpoints(MiniCluster flink, JobID job) throws Exception {
    return flink.getExecutionGraph(job).get().getCheckpointStatsSnapshot().getCounts().getNumberOfCompletedCheckpoints();
  }

  /** Whether the job has failed and restarted since it was submitted. */
  static boolean restarted(MiniCluster flink, JobID job) throws Exception {
    return flink.getExecutionGraph(job).get().getStatusTimestamp(JobStatus.RESTARTING) > 0;
  }
}
