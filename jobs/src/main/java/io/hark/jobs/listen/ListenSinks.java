// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.jobs.queries.QueryStatus;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import org.apache.flink.api.connector.sink2.Sink;

/** Where the listen job's outputs go; tests pass collecting sinks, {@link ListenJob} the real ones. */
public record ListenSinks(
    Sink<EnrichedMention> enrichedTopic,
    Sink<EnrichedMention> index,
    Sink<DeadLetter> deadLetters,
    Sink<QueryStatus> queryStatus) {}
