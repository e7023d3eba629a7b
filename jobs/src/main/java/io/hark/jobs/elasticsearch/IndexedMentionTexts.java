// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** The texts of indexed mentions, by document id ({@code platform:id}). */
public final class IndexedMentionTexts {
    private static final int BATCH = 1_000;

    private IndexedMentionTexts() {}

    /**
     * @return the text of each of {@code ids} that is indexed; ids not indexed are left out
     */
    public static Map<String, String> find(
            ElasticsearchConnection connection, IndexTemplates indices, List<String> ids)
            throws IOException {
        Map<String, String> texts = new HashMap<>();
        ElasticsearchAsyncClient client = connection.asyncClient();
        try {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                for (Hit<ObjectNode> hit :
                        client.search(
                                        search ->
                                                search.index(indices.mentionsAlias())
                                                        .allowNoIndices(true)
                                                        .ignoreUnavailable(true)
                                                        .size(batch.size())
                                                        .source(
                                                                source ->
                                                                        source.filter(
                                                                                filter ->
                                                                                        filter
                                                                                                .includes(
                                                                                                        "text")))
                                                        .query(
                                                                query ->
                                                                        query.ids(
                                                                                match ->
                                                                                        match
                                                                                                .values(
                                                                                                        batch))),
                                        ObjectNode.class)
                                .get()
                                .hits()
                                .hits()) {
                    texts.put(hit.id(), hit.source().path("text").asText(""));
                }
            }
            return texts;
        } catch (ExecutionException e) {
            throw new IOException(
                    "cannot read mention texts from Elasticsearch at "
                            + connection
                            + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading mention texts", e);
        } finally {
            client._transport().close();
        }
    }
}
