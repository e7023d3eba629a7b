// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import java.io.Serializable;

/**
 * Where documents go that Elasticsearch refuses for good: a dead-letter channel, opened per sink
 * writer.
 */
public interface RejectedDocuments extends Serializable {
    Channel open();

    /** Must not return from {@link #flush()} before every rejected document is stored. */
    interface Channel extends AutoCloseable {
        void reject(IndexRequest request, String reason, String detail);

        void flush();

        @Override
        void close();
    }
}
