// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@link Mention} from one line of JSON Lines.
 *
 * <p>The JSON uses the schema's field names with plain JSON values: {@code created_at} and {@code
 * ingested_at} as ISO-8601 (or epoch milliseconds), {@code author}, {@code engagement} and {@code
 * geo} as objects, optional fields absent or null. Ids may be strings or numbers. Anything that
 * cannot become a mention is reported with a stable reason code, so the caller can dead-letter it
 * instead of dropping it.
 */
public final class MentionJson {
    /**
     * The most of an input line a dead letter keeps: at most 256 KB of UTF-8, well within Kafka's 1
     * MB.
     */
    public static final int MAX_DEAD_LETTER_CHARS = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MentionJson() {}

    /**
     * Parses one JSON line.
     *
     * @param ingestedAt used when the line has no {@code ingested_at}
     * @param source used when the line has no {@code source}
     */
    public static Mention parse(String line, Instant ingestedAt, String source)
            throws InvalidMentionException {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidMentionException(
                    "invalid_json", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMentionException("invalid_json", "a JSON object was expected");
        }
        JsonNode author = root.path("author");
        if (!author.isObject()) {
            throw new InvalidMentionException(
                    "missing_author", "field 'author' (an object with id and username) is missing");
        }
        return Mention.newBuilder()
                .setId(requiredText(root, "id", "missing_id"))
                .setPlatform(platform(root.path("platform")))
                .setCreatedAt(requiredInstant(root, "created_at"))
                .setIngestedAt(
                        root.hasNonNull("ingested_at") ? instant(root, "ingested_at") : ingestedAt)
                .setText(requiredText(root, "text", "missing_text"))
                .setLang(optionalText(root, "lang"))
                .setUrl(optionalText(root, "url"))
                .setAuthor(
                        Author.newBuilder()
                                .setId(requiredText(author, "id", "missing_author"))
                                .setUsername(requiredText(author, "username", "missing_author"))
                                .setDisplayName(optionalText(author, "display_name"))
                                .setFollowersCount(optionalLong(author, "followers_count"))
                                .setVerified(author.path("verified").asBoolean(false))
                                .setCreatedAt(
                                        author.hasNonNull("created_at")
                                                ? instant(author, "created_at")
                                                : null)
                                .build())
                .setEngagement(engagement(root.path("engagement")))
                .setInReplyToId(optionalText(root, "in_reply_to_id"))
                .setRepostOfId(optionalText(root, "repost_of_id"))
                .setQuoteOfId(optionalText(root, "quote_of_id"))
                .setConversationId(optionalText(root, "conversation_id"))
                .setHashtags(stringList(root, "hashtags"))
                .setMentions(stringList(root, "mentions"))
                .setUrls(stringList(root, "urls"))
                .setGeo(geo(root.path("geo")))
                .setSource(root.hasNonNull("source") ? root.get("source").asText() : source)
                .setExtras(extras(root.path("extras")))
                .build();
    }

    /** Writes a mention as one line of the same JSON format {@link #parse} reads. */
    public static String toJson(Mention mention) {
        return PlainJson.toJson(mention);
    }

    private static Platform platform(JsonNode node) throws InvalidMentionException {
        if (node.isMissingNode() || node.isNull()) {
            throw new InvalidMentionException("missing_platform", "field 'platform' is missing");
        }
        String name = node.asText().trim().toLowerCase(Locale.ROOT);
        if (name.equals("twitter")) {
            return Platform.x;
        }
        try {
            return Platform.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidMentionException(
                    "invalid_field",
                    "field 'platform' is '"
                            + node.asText()
                            + "'; expected one of "
                            + List.of(Platform.values()));
        }
    }

    private static String requiredText(JsonNode parent, String field, String reason)
            throws InvalidMentionException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            throw new InvalidMentionException(reason, "field '" + field + "' is missing or empty");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Long optionalLong(JsonNode parent, String field) throws InvalidMentionException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToLong()
                && !(node.isTextual() && node.asText().matches("-?\\d{1,18}"))) {
            throw new InvalidMentionException(
                    "invalid_field", "field '" + field + "' is not a whole number: " + node);
        }
        return node.asLong();
    }

    private static Instant requiredInstant(JsonNode parent, String field)
            throws InvalidMentionException {
        if (!parent.hasNonNull(field)) {
            throw new InvalidMentionException(
                    "missing_created_at", "field '" + field + "' is missing");
        }
        return instant(parent, field);
    }

    private static Instant instant(JsonNode parent, String field) throws InvalidMentionException {
        JsonNode node = parent.get(field);
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        String text = node.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new InvalidMentionException(
                        "invalid_field",
                        "field '"
                                + field
                                + "' is not an ISO-8601 timestamp with offset: '"
                                + text
                                + "'");
            }
        }
    }

    private static Engagement engagement(JsonNode node) throws InvalidMentionException {
        return Engagement.newBuilder()
                .setLikes(optionalLong(node, "likes"))
                .setReplies(optionalLong(node, "replies"))
                .setReposts(optionalLong(node, "reposts"))
                .setQuotes(optionalLong(node, "quotes"))
                .setViews(optionalLong(node, "views"))
                .build();
    }

    private static Geo geo(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return Geo.newBuilder()
                .setCountryCode(optionalText(node, "country_code"))
                .setLat(node.hasNonNull("lat") ? node.get("lat").asDouble() : null)
                .setLon(node.hasNonNull("lon") ? node.get("lon").asDouble() : null)
                .build();
    }

    private static List<String> stringList(JsonNode parent, String field)
            throws InvalidMentionException {
        JsonNode node = parent.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw new InvalidMentionException(
                    "invalid_field", "field '" + field + "' must be an array of strings");
        }
        node.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static Map<String, String> extras(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties()
                    .forEach(
                            e ->
                                    values.put(
                                            e.getKey(),
                                            e.getValue().isValueNode()
                                                    ? e.getValue().asText()
                                                    : e.getValue().toString()));
        }
        return values;
    }

    /** A line that cannot become a mention; {@link #reason()} is a stable code for dead letters. */
    public static final class InvalidMentionException extends Exception {
        private final String reason;

        public InvalidMentionException(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        /** The dead letter of {@code line}, found at {@code sourceFile} ({@code name:line}). */
        public DeadLetter deadLetter(String line, String sourceFile) {
            return MentionJson.deadLetter(line, sourceFile, reason, getMessage());
        }
    }

    /**
     * A dead letter of an input line, at stage {@code ingest}. A line longer than {@link
     * #MAX_DEAD_LETTER_CHARS} is kept in part, and the detail says so: the dead letter must still
     * fit in a Kafka record.
     */
    public static DeadLetter deadLetter(
            String line, String sourceFile, String reason, String detail) {
        String payload = line;
        String why = detail;
        if (line.length() > MAX_DEAD_LETTER_CHARS) {
            int end =
                    Character.isHighSurrogate(line.charAt(MAX_DEAD_LETTER_CHARS - 1))
                            ? MAX_DEAD_LETTER_CHARS - 1
                            : MAX_DEAD_LETTER_CHARS;
            payload = line.substring(0, end);
            why =
                    detail
                            + " (payload_text holds the first "
                            + end
                            + " of "
                            + line.length()
                            + " characters)";
        }
        return DeadLetter.newBuilder()
                .setPayloadText(payload)
                .setSourceFile(sourceFile)
                .setStage("ingest")
                .setReason(reason)
                .setDetail(why)
                .setFailedAt(Instant.now())
                .build();
    }
}
