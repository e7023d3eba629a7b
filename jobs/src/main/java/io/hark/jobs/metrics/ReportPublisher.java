// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.report.ReportPeriod;
import io.hark.schema.DeadLetter;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Writes the brand report of a period that is over, and announces it: {@link BrandReportPublisher}
 * in the job, a recording one in tests of {@link WriteBrandReports}.
 */
public interface ReportPublisher extends Serializable {
    /**
     * Writes the report of {@code period} and announces it.
     *
     * @param latestWindowEnd the end of the period's last window the job emitted: Elasticsearch
     *     must hold it before the report is complete
     * @return the announcements that could not be delivered, as dead letters
     * @throws Exception when the report could not be written; it is tried again later
     */
    List<DeadLetter> publish(ReportPeriod period, Instant latestWindowEnd) throws Exception;
}
