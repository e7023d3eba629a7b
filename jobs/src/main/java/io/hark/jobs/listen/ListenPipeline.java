// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import io.hark.jobs.Watermarks;
import io.hark.jobs.operators.EnrichMention;
import io.hark.jobs.operators.ValidateMention;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * The listen pipeline: mentions (or dead letters of undecodable bytes) in, validated, enriched,
 * out to the enriched topic and Elasticsearch; every rejected record to the dead letters.
 * A function of (environment, source, sinks), so the job, the local mode and tests share it.
 */
public final class ListenPipeline {
  private ListenPipeline() {}

  public static void define(
      StreamExecutionEnvironment env,
      Source<Either<DeadLetter, Mention>, ?, ?> source,
      ListenSinks sinks,
      ListenOptions options) {
    DataStream<Either<DeadLetter, Mention>> incoming = env.fromSource(source,
            Watermarks.forIncomingMentions(options.outOfOrderness(), options.idleness(), options.maxFuture()),
            "mentions")
        .uid("mentions-source");

    SingleOutputStreamOperator<Mention> valid = incoming
        .process(new ValidateMention(options.maxTextChars(), options.maxFuture()), ValidateMention.outputType())
        .name("validate")
        .uid("validate");

    DataStream<EnrichedMention> enriched = valid
        .map(new EnrichMention(), EnrichMention.outputType())
        .name("enrich")
        .uid("enrich");

    enriched.sinkTo(sinks.enrichedTopic()).name("enriched-topic").uid("enriched-topic");
    enriched.sinkTo(sinks.index()).name("elasticsearch").uid("elasticsearch");
    valid.getSideOutput(ValidateMention.DEAD_LETTERS)
        .sinkTo(sinks.deadLetters())
        .name("dead-letters")
        .uid("dead-letters");
  }
}
