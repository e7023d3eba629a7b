// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class IndexRequestStateSerializerTest {
    @Test
    void bufferedDocumentsSurviveACheckpoint() throws Exception {
        IndexRequest a =
                new IndexRequest(
                        "hark-mentions-2026.11.01",
                        "x:1",
                        "{\"text\":\"héllo 🔥\"}".getBytes(StandardCharsets.UTF_8));
        IndexRequest b =
                new IndexRequest(
                        "hark-mentions-2026.11.02",
                        "reddit:abc",
                        "{}".getBytes(StandardCharsets.UTF_8));
        var serializer = new IndexRequestStateSerializer();
        BufferedRequestState<IndexRequest> state =
                new BufferedRequestState<>(
                        List.of(
                                new RequestEntryWrapper<>(a, a.sizeInBytes()),
                                new RequestEntryWrapper<>(b, b.sizeInBytes())));

        BufferedRequestState<IndexRequest> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        List<IndexRequest> entries =
                restored.getBufferedRequestEntries().stream()
                        .map(RequestEntryWrapper::getRequestEntry)
                        .toList();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).index()).isEqualTo(a.index());
        assertThat(entries.get(0).id()).isEqualTo(a.id());
        assertThat(entries.get(0).source()).isEqualTo(a.source());
        assertThat(entries.get(1).id()).isEqualTo("reddit:abc");
    }
}
