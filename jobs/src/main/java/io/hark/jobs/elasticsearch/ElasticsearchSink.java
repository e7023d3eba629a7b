// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Hark's Elasticsearch sink for Flink 2 (Flink has none): bulk requests through the official {@code
 * elasticsearch-java} client, at-least-once with checkpoints (buffered documents are part of the
 * writer's state and in-flight requests finish before a checkpoint completes), per-item failure
 * handling and bounded buffering. See {@link ElasticsearchSinkWriter}.
 *
 * @param <T> what the job indexes; the {@link ElementConverter} turns it into an {@link
 *     IndexRequest}
 */
public class ElasticsearchSink<T> extends AsyncSinkBase<T, IndexRequest> {
    private final ElasticsearchConnection connection;
    private final IndexTemplates templates;
    private final RejectedDocuments rejected;
    private final ElasticsearchSinkOptions options;

    public ElasticsearchSink(
            ElementConverter<T, IndexRequest> converter,
            ElasticsearchConnection connection,
            IndexTemplates templates,
            RejectedDocuments rejected,
            ElasticsearchSinkOptions options) {
        super(
                converter,
                options.maxBatchSize(),
                options.maxInFlightRequests(),
                options.maxBufferedRequests(),
                options.maxBatchBytes(),
                options.maxTimeInBuffer().toMillis(),
                options.maxRecordBytes());
        this.connection = connection;
        this.templates = templates;
        this.rejected = rejected;
        this.options = options;
    }

    public ElasticsearchSinkOptions options() {
        return options;
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<IndexRequest>> createWriter(
            WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<IndexRequest>> restoreWriter(
            WriterInitContext context,
            Collection<BufferedRequestState<IndexRequest>> recoveredState) {
        return new ElasticsearchSinkWriter<>(
                getElementConverter(),
                context,
                options,
                recoveredState,
                connection,
                templates,
                rejected);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<IndexRequest>>
            getWriterStateSerializer() {
        return new IndexRequestStateSerializer();
    }
}
