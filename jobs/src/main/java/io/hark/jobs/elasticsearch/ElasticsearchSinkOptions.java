// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import java.io.Serializable;
import java.time.Duration;

/**
 * Bulk and buffering settings of the {@link ElasticsearchSink}. {@code maxBufferedRequests} bounds
 * memory: when that many documents wait, the sink backpressures the job instead of buffering more.
 *
 * @param maxBatchSize documents per bulk request
 * @param maxBatchBytes bytes per bulk request
 * @param maxInFlightRequests concurrent bulk requests per writer
 * @param maxBufferedRequests documents buffered per writer before backpressure
 * @param maxTimeInBuffer how long a document may wait for its batch to fill
 * @param maxRetryBackoff the longest wait between retries while Elasticsearch is unavailable
 */
public record ElasticsearchSinkOptions(
        int maxBatchSize,
        long maxBatchBytes,
        int maxInFlightRequests,
        int maxBufferedRequests,
        Duration maxTimeInBuffer,
        Duration maxRetryBackoff)
        implements Serializable {
    public static final ElasticsearchSinkOptions DEFAULTS =
            new ElasticsearchSinkOptions(
                    500, 5L << 20, 4, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public ElasticsearchSinkOptions {
        if (maxBufferedRequests < maxBatchSize) {
            throw new IllegalArgumentException(
                    "the sink's buffer ("
                            + maxBufferedRequests
                            + ") must hold at least one batch ("
                            + maxBatchSize
                            + ")");
        }
    }

    /**
     * These settings with one bulk request in flight per writer, for documents updated in place
     * (window metrics, alerts). Elasticsearch may apply two bulk requests in flight at once in
     * either order and keeps whichever update it applied last, so a window's metrics could end as
     * an earlier, smaller count. One at a time, with failed documents retried ahead of later ones,
     * updates land in the order the job made them.
     */
    public ElasticsearchSinkOptions oneRequestAtATime() {
        return new ElasticsearchSinkOptions(
                maxBatchSize,
                maxBatchBytes,
                1,
                maxBufferedRequests,
                maxTimeInBuffer,
                maxRetryBackoff);
    }

    /** The largest single document; validation caps texts far below this. */
    long maxRecordBytes() {
        return Math.min(maxBatchBytes, 10L << 20);
    }
}
