// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches of {@link IndexRequest}s as bulk requests.
 *
 * <ul>
 *   <li>Items refused with 429 or 5xx, and whole requests that fail on the network or with 429/5xx,
 *       are retried after an exponential backoff. The batch holds its in-flight slot while it
 *       waits, so an unavailable cluster backpressures the job instead of filling memory.
 *   <li>Items refused for good (a 4xx such as a mapping conflict) go to the {@link
 *       RejectedDocuments} channel with the reason; the batch completes only once they are stored.
 *   <li>A whole request refused for good (e.g. bad credentials) fails the job with the reason.
 * </ul>
 */
class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, IndexRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);
    private static final long FIRST_BACKOFF_MS = 100;

    private final ElasticsearchAsyncClient client;
    private final RejectedDocuments.Channel rejected;
    private final long maxBackoffMs;

    /**
     * Bulk responses are handled here, off the client's I/O threads, since storing rejections
     * blocks.
     */
    private final ScheduledExecutorService responses;

    private final Counter indexed;
    private final Counter retried;
    private final Counter rejectedCount;
    private int consecutiveFailures;

    ElasticsearchSinkWriter(
            ElementConverter<T, IndexRequest> converter,
            WriterInitContext context,
            ElasticsearchSinkOptions options,
            Collection<BufferedRequestState<IndexRequest>> recoveredState,
            ElasticsearchConnection connection,
            IndexTemplates templates,
            RejectedDocuments rejectedDocuments) {
        super(converter, context, configuration(options), recoveredState);
        this.client = connection.asyncClient();
        this.maxBackoffMs = options.maxRetryBackoff().toMillis();
        this.responses =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "elasticsearch-sink-responses");
                            thread.setDaemon(true);
                            return thread;
                        });
        this.indexed = context.metricGroup().counter("documentsIndexed");
        this.retried = context.metricGroup().counter("documentsRetried");
        this.rejectedCount = context.metricGroup().counter("documentsRejected");
        templates.ensure(client, connection);
        this.rejected = rejectedDocuments.open();
    }

    private static AsyncSinkWriterConfiguration configuration(ElasticsearchSinkOptions options) {
        return AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(options.maxBatchSize())
                .setMaxBatchSizeInBytes(options.maxBatchBytes())
                .setMaxInFlightRequests(options.maxInFlightRequests())
                .setMaxBufferedRequests(options.maxBufferedRequests())
                .setMaxTimeInBufferMS(options.maxTimeInBuffer().toMillis())
                .setMaxRecordSizeInBytes(options.maxRecordBytes())
                .build();
    }

    @Override
    protected void submitRequestEntries(
            List<IndexRequest> batch, ResultHandler<IndexRequest> result) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (IndexRequest request : batch) {
            bulk.operations(
                    BulkOperation.of(
                            op ->
                                    op.index(
                                            index ->
                                                    index.index(request.index())
                                                            .id(request.id())
                                                            .document(
                                                                    BinaryData.of(
                                                                            request.source(),
                                                                            ContentType
                                                                                    .APPLICATION_JSON)))));
        }
        client.bulk(bulk.build())
                .whenCompleteAsync(
                        (response, error) -> {
                            try {
                                if (error != null) {
                                    onRequestFailure(batch, error, result);
                                } else {
                                    onResponse(batch, response, result);
                                }
                            } catch (RuntimeException e) {
                                result.completeExceptionally(e);
                            }
                        },
                        responses);
    }

    private void onRequestFailure(
            List<IndexRequest> batch, Throwable error, ResultHandler<IndexRequest> result) {
        if (BulkFailures.ofRequest(error) == BulkFailures.Outcome.FAIL) {
            result.completeExceptionally(
                    new IOException(
                            "Elasticsearch refused a bulk request of "
                                    + batch.size()
                                    + " documents, which retrying cannot fix: "
                                    + error.getMessage(),
                            error));
            return;
        }
        if (consecutiveFailures == 0) {
            LOG.warn(
                    "Elasticsearch is unavailable ({}); retrying with backoff, the job waits meanwhile",
                    error.toString());
        }
        retryLater(batch, result);
    }

    private void onResponse(
            List<IndexRequest> batch, BulkResponse response, ResultHandler<IndexRequest> result) {
        List<IndexRequest> retry = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                continue;
            }
            if (BulkFailures.ofItem(item.status()) == BulkFailures.Outcome.RETRY) {
                retry.add(batch.get(i));
            } else {
                rejected.reject(
                        batch.get(i),
                        item.error().type(),
                        item.status() + " " + item.error().reason());
                rejectedCount.inc();
            }
        }
        rejected.flush();
        indexed.inc(countOk(items));
        if (retry.isEmpty()) {
            if (consecutiveFailures > 0) {
                LOG.info("Elasticsearch accepts documents again");
            }
            consecutiveFailures = 0;
            result.complete();
        } else {
            retryLater(retry, result);
        }
    }

    private static int countOk(List<BulkResponseItem> items) {
        int ok = 0;
        for (BulkResponseItem item : items) {
            if (item.error() == null) {
                ok++;
            }
        }
        return ok;
    }

    private void retryLater(List<IndexRequest> entries, ResultHandler<IndexRequest> result) {
        long backoff =
                Math.min(maxBackoffMs, FIRST_BACKOFF_MS << Math.min(consecutiveFailures, 20));
        consecutiveFailures++;
        retried.inc(entries.size());
        responses.schedule(() -> result.retryForEntries(entries), backoff, TimeUnit.MILLISECONDS);
    }

    @Override
    protected long getSizeInBytes(IndexRequest request) {
        return request.sizeInBytes();
    }

    @Override
    public void close() {
        super.close();
        responses.shutdownNow();
        rejected.close();
        try {
            client._transport().close();
        } catch (IOException e) {
            LOG.warn("closing the Elasticsearch client failed", e);
        }
    }
}
