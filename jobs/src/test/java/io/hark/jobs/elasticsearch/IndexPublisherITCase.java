// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.hark.embedded.SharedServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Publishing replays on the real embedded Elasticsearch: live indices replaced atomically, then
 * moved again.
 */
class IndexPublisherITCase {

    @Test
    void aReplayTakesTheLiveIndexNamesAndALaterReplayTakesThemOver() throws Exception {
        String live = "publish-it-" + System.nanoTime();
        ElasticsearchConnection es =
                ElasticsearchConnection.of(SharedServers.elasticsearch().httpUrl());
        IndexTemplates liveIndices = new IndexTemplates(live);
        IndexTemplates first = new IndexTemplates(live + "-replay-first");
        IndexTemplates second = new IndexTemplates(live + "-replay-second");
        index(es, live + "-mentions-2026.11.01", "m1", "live");
        index(es, live + "-mentions-2026.11.02", "m2", "live");
        index(es, first.prefix() + "-mentions-2026.11.01", "m1", "first");
        index(es, first.prefix() + "-metrics-2026.11", "w1", "first");

        IndexPublisher.Published published = IndexPublisher.publish(es, liveIndices, first);

        assertThat(published.swaps())
                .containsExactly(
                        live
                                + "-mentions-2026.11.01: index replaced by "
                                + first.prefix()
                                + "-mentions-2026.11.01",
                        live
                                + "-metrics-2026.11: new, points to "
                                + first.prefix()
                                + "-metrics-2026.11");
        assertThat(versions(es, live + "-mentions-2026.11.01")).containsExactly("first");
        assertThat(versions(es, live + "-mentions*")).containsExactlyInAnyOrder("first", "live");
        assertThat(versions(es, live + "-mentions")).containsExactly("first");
        assertThat(versions(es, live + "-metrics-2026.11")).containsExactly("first");

        index(es, live + "-mentions-2026.11.01", "m3", "written by the live job after publishing");
        assertThat(versions(es, first.prefix() + "-mentions-2026.11.01"))
                .contains("written by the live job after publishing");

        index(es, second.prefix() + "-mentions-2026.11.01", "m1", "second");
        assertThat(IndexPublisher.publish(es, liveIndices, second).swaps())
                .containsExactly(
                        live
                                + "-mentions-2026.11.01: alias moved from "
                                + first.prefix()
                                + "-mentions-2026.11.01 to "
                                + second.prefix()
                                + "-mentions-2026.11.01");
        assertThat(versions(es, live + "-mentions-2026.11.01")).containsExactly("second");
        assertThat(versions(es, live + "-mentions")).containsExactly("second");

        assertThatThrownBy(
                        () ->
                                IndexPublisher.publish(
                                        es, liveIndices, new IndexTemplates(live + "-replay-none")))
                .hasMessageContaining("no indices " + live + "-replay-none");
    }

    private static void index(ElasticsearchConnection es, String index, String id, String version)
            throws Exception {
        ElasticsearchAsyncClient client = es.asyncClient();
        try {
            client.index(
                            request ->
                                    request.index(index)
                                            .id(id)
                                            .document(Map.of("version", version)))
                    .get();
            client.indices().refresh(request -> request.index(index)).get();
        } finally {
            client._transport().close();
        }
    }

    private static List<String> versions(ElasticsearchConnection es, String target)
            throws Exception {
        ElasticsearchAsyncClient client = es.asyncClient();
        try {
            client.indices().refresh(request -> request.index(target)).get();
            return client
                    .search(search -> search.index(target).size(100), JsonNode.class)
                    .get()
                    .hits()
                    .hits()
                    .stream()
                    .map(hit -> hit.source().get("version").asText())
                    .toList();
        } finally {
            client._transport().close();
        }
    }
}
