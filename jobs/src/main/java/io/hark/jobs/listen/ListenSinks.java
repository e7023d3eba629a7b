// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.jobs.queries.QueryStatus;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the listen job's outputs go; tests pass collecting sinks, {@link ListenJob} the real ones.
 * The archive sinks are null when the job keeps no archive.
 */
public record ListenSinks(
    Sink<EnrichedMention> enrichedTopic,
    Sink<EnrichedMention> index,
    Sink<DeadLetter> deadLetters,
    Sink<QueryStatus> queryStatus,
    Sink<Mention> mentionArchive,
    Sink<EnrichedMention> enrichedArchive) {

  /** Without an archive. */
  public ListenSinks(Sink<EnrichedMention> enrichedTopic, Sink<EnrichedMention> index, Sink<DeadLetter> deadLetters,
      Sink<QueryStatus> queryStatus) {
    this(enrichedTopic, index, deadLetters, queryStatus, null, null);
  }
}
