// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryUpdate;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentLabel;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.types.Either;

/**
 * What the listen job reads: mentions (or dead letters of undecodable bytes), updates to the
 * listening queries and the queries in force when the job was built, which a fresh job starts with,
 * and the same for analysts' sentiment labels.
 */
public record ListenSources(
        Source<Either<DeadLetter, Mention>, ?, ?> mentions,
        Source<QueryUpdate, ?, ?> queryUpdates,
        List<QueryDefinition> initialQueries,
        Source<SentimentCorrection, ?, ?> labelUpdates,
        Map<String, SentimentLabel> initialLabels) {}
