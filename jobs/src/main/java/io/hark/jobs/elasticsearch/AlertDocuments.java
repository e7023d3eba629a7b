// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import io.hark.schema.Alert;
import io.hark.schema.PlainJson;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * The Elasticsearch document of an alert episode, id {@code alert_id}: each step (updated,
 * escalated, resolved) overwrites it, so the index holds every episode once, in its latest state;
 * the {@code hark.alerts} topic keeps every step.
 */
public record AlertDocuments(IndexTemplates indices)
        implements ElementConverter<Alert, IndexRequest> {
    @Override
    public IndexRequest apply(Alert alert, SinkWriter.Context context) {
        return new IndexRequest(
                indices.alertsIndex(alert.getEpisodeStart()),
                alert.getAlertId(),
                PlainJson.toJson(alert).getBytes(StandardCharsets.UTF_8));
    }
}
