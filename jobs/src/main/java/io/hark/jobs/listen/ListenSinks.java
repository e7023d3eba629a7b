// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.queries.control.QueryStatus;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.SentimentCorrection;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the listen job's outputs go; tests pass collecting sinks, {@link ListenJob} the real ones.
 * The archive sinks are null when the job keeps no archive.
 *
 * @param indexedCorrections puts analysts' labels on mentions indexed before the label came
 */
public record ListenSinks(
        Sink<EnrichedMention> enrichedTopic,
        Sink<EnrichedMention> index,
        Sink<DeadLetter> deadLetters,
        Sink<QueryStatus> queryStatus,
        Sink<SentimentCorrection> indexedCorrections,
        Sink<Mention> mentionArchive,
        Sink<EnrichedMention> enrichedArchive) {

    /** Without an archive. */
    public ListenSinks(
            Sink<EnrichedMention> enrichedTopic,
            Sink<EnrichedMention> index,
            Sink<DeadLetter> deadLetters,
            Sink<QueryStatus> queryStatus,
            Sink<SentimentCorrection> indexedCorrections) {
        this(enrichedTopic, index, deadLetters, queryStatus, indexedCorrections, null, null);
    }
}
