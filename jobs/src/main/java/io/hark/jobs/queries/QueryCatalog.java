// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.queries;

import io.hark.jobs.kafka.CheckedProducer;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.KafkaTopics;
import io.hark.jobs.kafka.TopicReader;
import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QuerySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The queries held by the control topic, read from its beginning to its end: what a job starts
 * with, and what {@link #sync} compares a YAML file against.
 *
 * @param endOffsets where the job's control stream picks up, so no update is applied twice or
 *     missed
 */
public record QueryCatalog(List<QueryDefinition> queries, Map<TopicPartition, Long> endOffsets) {
    /**
     * What {@link #sync} sent: ids added, changed and removed, and how many were left as they were.
     */
    public record SyncResult(
            List<String> added, List<String> changed, List<String> removed, int unchanged) {
        @Override
        public String toString() {
            return added.size()
                    + " added "
                    + added
                    + ", "
                    + changed.size()
                    + " changed "
                    + changed
                    + ", "
                    + removed.size()
                    + " removed "
                    + removed
                    + ", "
                    + unchanged
                    + " unchanged";
        }
    }

    public static QueryCatalog read(KafkaConnection kafka, String controlTopic) {
        QuerySet set = new QuerySet(List.of());
        Map<TopicPartition, Long> end =
                TopicReader.readToEnd(
                        kafka,
                        controlTopic,
                        record -> set.apply(QueryControl.update(record), record.timestamp()));
        return new QueryCatalog(set.queries(), end);
    }

    /**
     * Makes the control topic hold exactly {@code wanted}: sends the new and changed definitions
     * and tombstones for the queries no longer wanted. Unchanged queries are not sent, so their
     * state in the running job is untouched.
     */
    public static SyncResult sync(
            KafkaConnection kafka, String controlTopic, List<QueryDefinition> wanted) {
        QueryCatalog current = read(kafka, controlTopic);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int unchanged = 0;
        try (CheckedProducer producer =
                new CheckedProducer(kafka, "hark-queries", new Properties())) {
            for (QueryDefinition query : wanted) {
                QueryDefinition old = current.find(query.id());
                if (query.equals(old)) {
                    unchanged++;
                    continue;
                }
                (old == null ? added : changed).add(query.id());
                producer.send(QueryControl.controlRecord(controlTopic, query));
            }
            Set<String> wantedIds = Set.copyOf(wanted.stream().map(QueryDefinition::id).toList());
            for (QueryDefinition old : current.queries()) {
                if (!wantedIds.contains(old.id())) {
                    removed.add(old.id());
                    producer.send(QueryControl.removalRecord(controlTopic, old.id()));
                }
            }
        }
        return new SyncResult(added, changed, removed, unchanged);
    }

    public QueryDefinition find(String queryId) {
        return queries.stream()
                .filter(query -> Objects.equals(query.id(), queryId))
                .findFirst()
                .orElse(null);
    }

    /**
     * Creates the control and status topics if missing: one partition (updates apply in the order
     * they were sent) and compacted (the latest record per query id is kept for ever).
     */
    public static void ensureTopics(
            KafkaConnection kafka, String controlTopic, String statusTopic) {
        KafkaTopics.ensure(
                kafka,
                List.of(controlTopic, statusTopic).stream()
                        .map(
                                topic ->
                                        KafkaTopics.single(topic)
                                                .configs(Map.of("cleanup.policy", "compact")))
                        .toList());
    }
}
