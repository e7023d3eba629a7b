// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import java.util.HashMap;
import java.util.Map;

/** Documents read back from Elasticsearch by tests. */
public final class IndexedDocuments {
    /** Elasticsearch's default cap on one search's hits; tests stay under it. */
    private static final int MAX = 10_000;

    private IndexedDocuments() {}

    /**
     * Every document of {@code target} (an index, alias or pattern) by id, after a refresh; fails
     * if an id is there twice (in two indices behind the alias).
     */
    public static Map<String, JsonNode> byId(ElasticsearchConnection connection, String target)
            throws Exception {
        ElasticsearchAsyncClient client = connection.asyncClient();
        try {
            client.indices()
                    .refresh(
                            request ->
                                    request.index(target)
                                            .allowNoIndices(true)
                                            .ignoreUnavailable(true))
                    .get();
            SearchResponse<JsonNode> response =
                    client.search(
                                    search ->
                                            search.index(target)
                                                    .size(MAX)
                                                    .allowNoIndices(true)
                                                    .ignoreUnavailable(true)
                                                    .trackTotalHits(total -> total.enabled(true)),
                                    JsonNode.class)
                            .get();
            assertThat(response.hits().total().value())
                    .as("documents in %s", target)
                    .isLessThanOrEqualTo(MAX);
            Map<String, JsonNode> documents = new HashMap<>();
            for (Hit<JsonNode> hit : response.hits().hits()) {
                assertThat(documents.put(hit.id(), hit.source()))
                        .as("%s indexed twice in %s", hit.id(), target)
                        .isNull();
            }
            return documents;
        } finally {
            client._transport().close();
        }
    }
}
