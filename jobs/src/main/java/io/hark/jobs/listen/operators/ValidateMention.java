// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.Engagement;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lets through the mentions Hark can process and sends everything else to {@link #DEAD_LETTERS}
 * with a reason: undecodable bytes (already dead letters from the source), a missing id, text or
 * {@code created_at}, an id too long for an Elasticsearch document id, text longer than the cap, a
 * {@code created_at} further in the future than clock skew explains or further in the past than the
 * job takes (a connector that sends seconds as milliseconds, or garbage dates, would otherwise
 * create an index per bogus day), or a count below zero.
 */
public class ValidateMention extends ProcessFunction<Either<DeadLetter, Mention>, Mention> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", new AvroTypeInfo<>(DeadLetter.class));
    static final String STAGE = "validate";

    private final int maxTextChars;
    private final Duration maxFuture;
    private final Duration maxPast;
    private final Clock clock;

    public ValidateMention(int maxTextChars, Duration maxFuture, Duration maxPast) {
        this(maxTextChars, maxFuture, maxPast, Clock.systemUTC());
    }

    ValidateMention(int maxTextChars, Duration maxFuture, Duration maxPast, Clock clock) {
        this.maxTextChars = maxTextChars;
        this.maxFuture = maxFuture;
        this.maxPast = maxPast;
        this.clock = clock;
    }

    public static TypeInformation<Mention> outputType() {
        return new AvroTypeInfo<>(Mention.class);
    }

    @Override
    public void processElement(
            Either<DeadLetter, Mention> record, Context ctx, Collector<Mention> out) {
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
        if (MentionIds.of(mention).getBytes(StandardCharsets.UTF_8).length > MentionIds.MAX_BYTES) {
            return "id_too_long";
        }
        if (mention.getText() == null || mention.getText().isBlank()) {
            return "missing_text";
        }
        // connectors send 0 for a date they do not know
        if (mention.getCreatedAt() == null || mention.getCreatedAt().equals(Instant.EPOCH)) {
            return "missing_created_at";
        }
        if (mention.getText().length() > maxTextChars) {
            return "text_too_long";
        }
        if (mention.getCreatedAt().isAfter(clock.instant().plus(maxFuture))) {
            return "created_at_in_future";
        }
        if (mention.getCreatedAt().isBefore(clock.instant().minus(maxPast))) {
            return "created_at_too_old";
        }
        if (negativeCount(mention) != null) {
            return "invalid_field";
        }
        return null;
    }

    /** The first count below zero, as {@code field is value}, or null. */
    private static String negativeCount(Mention mention) {
        Engagement engagement = mention.getEngagement();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("author.followers_count", mention.getAuthor().getFollowersCount());
        counts.put("engagement.likes", engagement.getLikes());
        counts.put("engagement.replies", engagement.getReplies());
        counts.put("engagement.reposts", engagement.getReposts());
        counts.put("engagement.quotes", engagement.getQuotes());
        counts.put("engagement.views", engagement.getViews());
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            if (count.getValue() != null && count.getValue() < 0) {
                return count.getKey() + " is " + count.getValue();
            }
        }
        return null;
    }

    /** The detail of a {@code text_too_long} dead letter, wherever the cap is checked. */
    public static String textTooLong(Mention mention, int maxTextChars) {
        return "text has " + mention.getText().length() + " characters; the cap is " + maxTextChars;
    }

    private DeadLetter deadLetter(Mention mention, String reason) {
        String detail =
                switch (reason) {
                    case "id_too_long" ->
                            "the document id platform:id is longer than Elasticsearch's "
                                    + MentionIds.MAX_BYTES
                                    + " bytes";
                    case "text_too_long" -> textTooLong(mention, maxTextChars);
                    case "created_at_in_future" ->
                            "created_at "
                                    + mention.getCreatedAt()
                                    + " is more than "
                                    + maxFuture
                                    + " ahead of the clock";
                    case "created_at_too_old" ->
                            "created_at "
                                    + mention.getCreatedAt()
                                    + " is more than "
                                    + maxPast
                                    + " before the clock (the listen job's --max-past)";
                    case "invalid_field" ->
                            negativeCount(mention) + ": a count cannot be below zero";
                    default -> "required field is missing or blank";
                };
        return DeadLetter.newBuilder()
                .setPayload(ByteBuffer.wrap(AvroCodec.MENTION.encode(mention)))
                .setMentionId(
                        mention.getId() == null || mention.getId().isBlank()
                                ? null
                                : MentionIds.of(mention))
                .setStage(STAGE)
                .setReason(reason)
                .setDetail(detail)
                .setFailedAt(Instant.now(clock))
                .build();
    }
}
