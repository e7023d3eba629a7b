// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import java.io.IOException;
import java.util.concurrent.ExecutionException;

/** Counts read back from Elasticsearch, after a refresh so that everything indexed is visible. */
public final class IndexCounts {
    private IndexCounts() {}

    /** Documents in an index, alias or pattern; 0 when none of it exists yet. */
    public static long count(ElasticsearchConnection connection, String target) throws IOException {
        ElasticsearchAsyncClient client = connection.asyncClient();
        try {
            client.indices()
                    .refresh(
                            request ->
                                    request.index(target)
                                            .allowNoIndices(true)
                                            .ignoreUnavailable(true))
                    .get();
            return client.count(
                            request ->
                                    request.index(target)
                                            .allowNoIndices(true)
                                            .ignoreUnavailable(true))
                    .get()
                    .count();
        } catch (ExecutionException e) {
            throw new IOException(
                    "cannot count documents in "
                            + target
                            + " on "
                            + connection
                            + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while counting " + target, e);
        } finally {
            client._transport().close();
        }
    }
}
