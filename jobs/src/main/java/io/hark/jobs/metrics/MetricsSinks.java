// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.schema.Alert;
import io.hark.schema.DeadLetter;
import io.hark.schema.WindowMetrics;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the metrics job's outputs go; tests pass collecting sinks, {@link MetricsJob} the real
 * ones.
 *
 * @param reports writes the scheduled brand reports; null when the job writes none
 */
public record MetricsSinks(
        Sink<WindowMetrics> metricsIndex,
        Sink<Alert> alertTopic,
        Sink<Alert> alertIndex,
        Sink<Alert> notifications,
        Sink<DeadLetter> deadLetters,
        ReportPublisher reports) {
    /** The sinks of a job that writes no brand reports. */
    public MetricsSinks(
            Sink<WindowMetrics> metricsIndex,
            Sink<Alert> alertTopic,
            Sink<Alert> alertIndex,
            Sink<Alert> notifications,
            Sink<DeadLetter> deadLetters) {
        this(metricsIndex, alertTopic, alertIndex, notifications, deadLetters, null);
    }
}
