// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import io.hark.schema.PlainJson;
import io.hark.schema.WindowMetrics;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * The Elasticsearch document of a window's metrics, id {@code scope:key:window_start_millis}: a
 * late mention re-emits its window, which overwrites the same document.
 */
public record MetricDocuments(IndexTemplates indices)
        implements ElementConverter<WindowMetrics, IndexRequest> {
    public static String id(WindowMetrics metrics) {
        return metrics.getScope()
                + ":"
                + metrics.getKey()
                + ":"
                + metrics.getWindowStart().toEpochMilli();
    }

    @Override
    public IndexRequest apply(WindowMetrics metrics, SinkWriter.Context context) {
        return new IndexRequest(
                indices.metricsIndex(metrics.getWindowStart()),
                id(metrics),
                PlainJson.toJson(metrics).getBytes(StandardCharsets.UTF_8));
    }
}
