// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.operators;

import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.MentionDocuments;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lets through the mentions Hark can process and sends everything else to {@link #DEAD_LETTERS}
 * with a reason: undecodable bytes (already dead letters from the source), a missing id, text or
 * {@code created_at}, an id too long for an Elasticsearch document id, text longer than the cap, or a {@code created_at} further in the future than
 * clock skew explains.
 */
public class ValidateMention extends ProcessFunction<Either<DeadLetter, Mention>, Mention> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", new AvroTypeInfo<>(DeadLetter.class));
  static final String STAGE = "validate";

  private final int maxTextChars;
  private final Duration maxFuture;
  private final Clock clock;

  public ValidateMention(int maxTextChars, Duration maxFuture) {
    this(maxTextChars, maxFuture, Clock.systemUTC());
  }

  ValidateMention(int maxTextChars, Duration maxFuture, Clock clock) {
    this.maxTextChars = maxTextChars;
    this.maxFuture = maxFuture;
    this.clock = clock;
  }

  public static TypeInformation<Mention> outputType() {
    return new AvroTypeInfo<>(Mention.class);
  }

  @Override
  public void processElement(Either<DeadLetter, Mention> record, Context ctx, Collector<Mention> out) {
    if (record.isLeft()) {
      ctx.output(DEAD_LETTERS, record.left());
      return;
    }
    Mention mention = record.right();
    String problem = problem(mention);
    if (problem == null) {
      out.collect(mention);
    } else {
      ctx.output(DEAD_LETTERS, deadLetter(mention, problem));
    }
  }

  /** The reason code, or null when the mention is fine. */
  private String problem(Mention mention) {
    if (mention.getId() == null || mention.getId().isBlank()) {
      return "missing_id";
    }
    if (Topics.mentionKey(mention).getBytes(StandardCharsets.UTF_8).length > MentionDocuments.MAX_ID_BYTES) {
      return "id_too_long";
    }
    if (mention.getText() == null || mention.getText().isBlank()) {
      return "missing_text";
    }
    if (mention.getCreatedAt() == null || mention.getCreatedAt().toEpochMilli() <= 0) {
      return "missing_created_at";
    }
    if (mention.getText().length() > maxTextChars) {
      return "text_too_long";
    }
    if (mention.getCreatedAt().isAfter(clock.instant().plus(maxFuture))) {
      return "created_at_in_future";
    }
    return null;
  }

  private DeadLetter deadLetter(Mention mention, String reason) {
    String detail = switch (reason) {
      case "id_too_long" -> "the document id platform:id is longer than Elasticsearch's "
          + MentionDocuments.MAX_ID_BYTES + " bytes";
      case "text_too_long" -> "text has " + mention.getText().length() + " characters; the cap is " + maxTextChars;
      case "created_at_in_future" -> "created_at " + mention.getCreatedAt() + " is more than " + maxFuture
          + " ahead of the clock";
      default -> "required field is missing or blank";
    };
    return DeadLetter.newBuilder()
        .setPayload(ByteBuffer.wrap(AvroCodec.MENTION.encode(mention)))
        .setMentionId(mention.getId() == null || mention.getId().isBlank() ? null : Topics.mentionKey(mention))
        .setStage(STAGE)
        .setReason(reason)
        .setDetail(detail)
        .setFailedAt(Instant.now(clock))
        .build();
  }
}
