// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryUpdate;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import java.util.List;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.types.Either;

/**
 * What the metrics job reads: enriched mentions (or dead letters of undecodable bytes), and the
 * listening queries (for their groups) as of when the job was built, then their updates.
 */
public record MetricsSources(
        Source<Either<DeadLetter, EnrichedMention>, ?, ?> enrichedMentions,
        Source<QueryUpdate, ?, ?> queryUpdates,
        List<QueryDefinition> initialQueries) {}
