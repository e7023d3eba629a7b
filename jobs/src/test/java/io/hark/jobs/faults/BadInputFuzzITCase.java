// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.IndexedDocuments;
import io.hark.jobs.TestMentions;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.listen.ListenPipeline;
import io.hark.jobs.listen.ListenTestRun;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Geo;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import io.hark.schema.MentionJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated records through the real listen job, most of them nasty: random bytes,
 * truncated Avro, other schemas, unknown fingerprints, empty and null values, invalid UTF-8, 1 MB
 * texts, texts of only emoji, zero-width and right-to-left characters, control characters, JSON and
 * HTML, timestamps in the far past and future, counts below zero, null in every optional field, ids
 * Elasticsearch cannot take. The job runs to the end without a restart; every bad record is a dead
 * letter with the expected stage and reason, every acceptable one is indexed with its text as
 * decoded. The records are the same on every run; {@code -Dhark.fuzz.seed=N} generates others.
 */
class BadInputFuzzITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    private static final int RECORDS = 3_000;
    private static final long SEED = Long.getLong("hark.fuzz.seed", 20_261_122L);

    /** Elasticsearch refuses a document id longer than this (UTF-8 bytes). */
    private static final int MAX_DOCUMENT_ID_BYTES = 512;

    private static final String[] NASTY_TEXTS = {
        "😡😡😡🔥🔥✈️",
        "👍🏽👍🏿🇬🇧🇯🇵👨‍👩‍👧‍👦",
        "Sky\u200Bline\u200D Air\uFEFF delayed",
        "\u202Eriа enilyks\u202C is late",
        "שירות גרוע מאוד של BlueJet",
        "خدمة سيئة جدا من سكاي لاين",
        "bell\u0007 null\u0000 esc\u001B[31m red \u0008\u007F",
        "{\"text\": \"bluejet\", \"nested\": {\"a\": [1, 2, null]}}",
        "<script>alert('bluejet')</script><b>bold</b>&amp;&lt;",
        "line\nbreaks\r\nand\ttabs",
        "\uD83D lone surrogate \uDC00 halves",
        "ﬁ ligatures Ⅻ and ｆｕｌｌ ｗｉｄｔｈ",
        "a",
        "   x   ",
        "#" + "tag".repeat(300),
        "@" + "h".repeat(600),
        "http://" + "x".repeat(2_000) + ".example",
    };

    /**
     * What should become of a record: indexed with this text, or a dead letter of this stage and
     * reason.
     */
    private record Expected(String text, String stage, String reason) {
        static Expected indexed(String text) {
            return new Expected(text, null, null);
        }

        static Expected deadLetter(String stage, String reason) {
            return new Expected(null, stage, reason);
        }
    }

    @Test
    void everyBadRecordIsADeadLetterAndEveryAcceptableOneIsIndexed(@TempDir Path dir)
            throws Exception {
        String run = "fuzz-it-" + System.nanoTime();
        ListenTestRun.createTopics(run);
        ListenOptions options =
                ListenOptions.parse(
                        ListenTestRun.arguments(
                                run,
                                "--queries",
                                ListenTestRun.queriesFile(dir),
                                "--keep-unmatched",
                                "--bounded"),
                        Map.of());

        Outcomes expected = new Outcomes();
        try (MentionProducer producer =
                new MentionProducer(
                        options.kafka(), options.inputTopic(), options.deadLetterTopic())) {
            Fuzzer fuzzer = new Fuzzer(new Random(SEED), options.maxTextChars());
            for (int i = 0; i < RECORDS; i++) {
                fuzzer.next(i).send(producer, expected);
            }
            Path hostile = dir.resolve("hostile.jsonl");
            List<HostileLine> lines = HostileLine.all();
            Files.write(hostile, lines.stream().map(HostileLine::json).toList());
            MentionProducer.FileResult loaded =
                    producer.sendJsonLines(hostile, options.maxTextChars(), done -> {});
            assertThat(loaded.lines()).as("lines of %s read", hostile).isEqualTo(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                lines.get(i).expect(expected, hostile.getFileName() + ":" + (i + 1));
            }
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ListenJob.configure(env, options);
        HarkMiniCluster.limitRestarts(env);
        ListenPipeline.define(env, ListenJob.sources(options), ListenJob.sinks(options), options);
        env.execute("fuzz-it");

        Map<String, Integer> actual = new TreeMap<>();
        IndexedDocuments.byId(options.elasticsearch(), options.indices().mentionsAlias())
                .forEach(
                        (id, document) ->
                                actual.merge(
                                        outcome(
                                                id,
                                                Expected.indexed(document.get("text").asText())),
                                        1,
                                        Integer::sum));
        TopicReader.readAll(
                options.kafka(),
                options.deadLetterTopic(),
                record -> {
                    DeadLetter letter = decode(record.value());
                    assertThat(letter.getDetail())
                            .as("detail of %s", letter.getReason())
                            .isNotBlank();
                    String reason =
                            letter.getStage().equals("index") ? "refused" : letter.getReason();
                    actual.merge(
                            outcome(
                                    identity(letter),
                                    Expected.deadLetter(letter.getStage(), reason)),
                            1,
                            Integer::sum);
                });
        assertThat(actual).as("seed %d", SEED).isEqualTo(expected.outcomes);
    }

    /** How many records of each identity should have each fate. */
    private static final class Outcomes {
        private final Map<String, Integer> outcomes = new TreeMap<>();

        void put(String identity, Expected fate) {
            outcomes.merge(outcome(identity, fate), 1, Integer::sum);
        }
    }

    private static String outcome(String identity, Expected fate) {
        return identity + " -> " + fate;
    }

    /**
     * How a dead letter is told apart: its mention's document id, else its file and line, else its
     * payload.
     */
    private static String identity(DeadLetter letter) {
        if (letter.getMentionId() != null) {
            return letter.getMentionId();
        }
        if (letter.getSourceFile() != null) {
            return "line " + letter.getSourceFile();
        }
        return bytesIdentity(letter.getPayload() == null ? null : bytes(letter.getPayload()));
    }

    private static String bytesIdentity(byte[] payload) {
        return payload == null
                ? "null-payload"
                : "bytes:" + Base64.getEncoder().encodeToString(payload);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] raw = new byte[copy.remaining()];
        copy.get(raw);
        return raw;
    }

    private static DeadLetter decode(byte[] value) {
        try {
            return AvroCodec.DEAD_LETTER.decode(value);
        } catch (AvroCodec.UndecodableException e) {
            throw new AssertionError("the dead letter topic holds something else", e);
        }
    }

    /**
     * A line of JSON Lines found by hand to break things, and what should become of it: indexed (no
     * reason), or a dead letter of the stage and reason, {@code ingest} for what cannot be sent to
     * Kafka.
     */
    private record HostileLine(String json, String stage, String reason) {
        private static final String AUTHOR = "\"author\":{\"id\":\"a1\",\"username\":\"hostile\"}";

        static List<HostileLine> all() {
            String recent = Instant.now().minus(Duration.ofHours(2)).toString();
            String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
            byte[] binary = new byte[300];
            new Random(3).nextBytes(binary);
            return List.of(
                    accepted(
                            "h1",
                            recent,
                            "Skyline\u200b Air\u200d \u202eyaled\u202c again \u2067שלום\u2069"),
                    accepted(
                            "h2",
                            recent,
                            "<!channel> <!here> <@U123> BlueJet lost my bag *bold* `code`"),
                    accepted("h3", recent, "\ud83d\udd25".repeat(3_000)),
                    accepted("h4", recent, "lone \\ud83d surrogate and \\udc00 its other half"),
                    accepted(
                            "h5",
                            recent,
                            "nul \\u0000 in the middle \\u0007 bell, escaped as JSON must"),
                    new HostileLine(
                            "{\"id\":\"h6\",\"platform\":\"x\",\"created_at\":\""
                                    + recent
                                    + "\",\"text\":\"t\",\"extras\":"
                                    + deep
                                    + ","
                                    + AUTHOR
                                    + "}",
                            "ingest",
                            "invalid_json"),
                    new HostileLine("[".repeat(20_000), "ingest", "invalid_json"),
                    new HostileLine(
                            "{\"id\":\"h8\",\"platform\":\"x\",\"created_at\":\""
                                    + recent
                                    + "\",\"te",
                            "ingest",
                            "invalid_json"),
                    new HostileLine(
                            new String(binary, StandardCharsets.ISO_8859_1)
                                    .replace('\n', ' ')
                                    .replace('\r', ' '),
                            "ingest",
                            "invalid_json"),
                    new HostileLine(
                            mention(
                                    "h10",
                                    "\"" + recent + "\"",
                                    "\"t\"",
                                    ",\"engagement\":{\"likes\":\"many\"}"),
                            "ingest",
                            "invalid_field"),
                    new HostileLine(
                            mention(
                                    "h11",
                                    "\"" + recent + "\"",
                                    "\"t\"",
                                    ",\"hashtags\":\"notalist\""),
                            "ingest",
                            "invalid_field"),
                    new HostileLine(
                            mention("h12", "\"" + recent + "\"", "{\"a\":1}", ""),
                            "ingest",
                            "missing_text"),
                    new HostileLine(
                            mention("h13", "\"2026-13-45T99:00:00Z\"", "\"t\"", ""),
                            "ingest",
                            "invalid_field"),
                    new HostileLine(mention("h14", "true", "\"t\"", ""), "ingest", "invalid_field"),
                    new HostileLine(
                            mention(
                                    "h15",
                                    "\"" + recent + "\"",
                                    "\"" + "x".repeat(5_000_000) + "\"",
                                    ""),
                            "ingest",
                            "text_too_long"),
                    new HostileLine(
                            mention("h16", "\"1000-01-01T00:00:00Z\"", "\"t\"", ""),
                            "validate",
                            "created_at_too_old"),
                    new HostileLine(
                            mention(
                                    "h17",
                                    String.valueOf(Instant.now().getEpochSecond()),
                                    "\"seconds as millis\"",
                                    ""),
                            "validate",
                            "created_at_too_old"),
                    new HostileLine(
                            mention("h18", "\"9999-12-31T23:59:59Z\"", "\"t\"", ""),
                            "validate",
                            "created_at_in_future"),
                    new HostileLine(
                            mention(
                                    "h19",
                                    "\"" + recent + "\"",
                                    "\"t\"",
                                    ",\"engagement\":{\"likes\":-5}"),
                            "validate",
                            "invalid_field"));
        }

        private static HostileLine accepted(String id, String createdAt, String escapedText) {
            return new HostileLine(
                    mention(id, "\"" + createdAt + "\"", "\"" + escapedText + "\"", ""),
                    null,
                    null);
        }

        private static String mention(String id, String createdAt, String text, String more) {
            return "{\"id\":\""
                    + id
                    + "\",\"platform\":\"x\",\"created_at\":"
                    + createdAt
                    + ",\"text\":"
                    + text
                    + ","
                    + AUTHOR
                    + more
                    + "}";
        }

        void expect(Outcomes expected, String fileAndLine) {
            if ("ingest".equals(stage)) {
                expected.put("line " + fileAndLine, Expected.deadLetter(stage, reason));
                return;
            }
            Mention mention;
            try {
                mention = MentionJson.parse(json, Instant.now(), "test");
            } catch (MentionJson.InvalidMentionException e) {
                throw new AssertionError(fileAndLine + " should be a mention", e);
            }
            expected.put(
                    MentionIds.of(mention),
                    stage == null
                            ? Expected.indexed(
                                    Fuzzer.decodedText(AvroCodec.MENTION.encode(mention)))
                            : Expected.deadLetter(stage, reason));
        }
    }

    /** One record to send and what should become of it. */
    private interface Case {
        void send(MentionProducer producer, Outcomes expected);
    }

    /** Generates the records: each kind of damage in turn, with random details. */
    private static final class Fuzzer {
        private final Random random;
        private final int maxTextChars;
        private final Instant now = Instant.now();
        private final List<Supplier<Case>> kinds;
        private int serial;

        Fuzzer(Random random, int maxTextChars) {
            this.random = random;
            this.maxTextChars = maxTextChars;
            this.kinds =
                    List.of(
                            this::randomBytes,
                            this::truncatedAvro,
                            this::otherSchema,
                            this::unknownFingerprint,
                            this::emptyOrNullValue,
                            this::invalidUtf8,
                            this::nastyText,
                            this::nastyText,
                            this::nullEverywhere,
                            this::hugeText,
                            this::farPastOrFuture,
                            this::blankRequiredField,
                            this::oddId,
                            this::refusedByElasticsearch,
                            this::negativeCount);
        }

        Case next(int i) {
            return kinds.get(i % kinds.size()).get();
        }

        private Mention mention() {
            int n = serial++;
            Instant createdAt = now.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 20)));
            Mention mention = TestMentions.mention(n, createdAt);
            mention.setId("fuzz-" + n);
            return mention;
        }

        private Case raw(byte[] value, String reason) {
            return (producer, expected) -> {
                producer.sendRaw(null, value);
                expected.put(bytesIdentity(value), Expected.deadLetter("decode", reason));
            };
        }

        private Case randomBytes() {
            byte[] garbage = new byte[1 + random.nextInt(2_000)];
            random.nextBytes(garbage);
            return raw(garbage, "undecodable");
        }

        private Case truncatedAvro() {
            byte[] whole = AvroCodec.MENTION.encode(mention());
            return raw(Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1)), "undecodable");
        }

        private Case otherSchema() {
            Mention mention = mention();
            return raw(
                    AvroCodec.ENRICHED_MENTION.encode(
                            EnrichedMention.newBuilder()
                                    .setMention(mention)
                                    .setMatchedQueries(List.of())
                                    .setMatchedGroups(List.of())
                                    .setEnrichedAt(mention.getCreatedAt())
                                    .build()),
                    "undecodable");
        }

        private Case unknownFingerprint() {
            byte[] bytes = AvroCodec.MENTION.encode(mention());
            bytes[2 + random.nextInt(8)] ^= (byte) (1 + random.nextInt(255));
            return raw(bytes, "undecodable");
        }

        private Case emptyOrNullValue() {
            return raw(random.nextBoolean() ? null : new byte[0], "undecodable");
        }

        /** A valid record whose text bytes are not UTF-8: decoders read replacement characters. */
        private Case invalidUtf8() {
            Mention mention = mention();
            String placeholder = "PLACEHOLDER-" + serial;
            mention.setText("bad bytes " + placeholder + " here");
            byte[] bytes = AvroCodec.MENTION.encode(mention);
            byte[][] invalid = {
                {(byte) 0xFF, (byte) 0xFE},
                {(byte) 0xC0, (byte) 0x80},
                {(byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
            };
            byte[] bad = invalid[random.nextInt(invalid.length)];
            int at = indexOf(bytes, placeholder.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < placeholder.length(); i++) {
                bytes[at + i] = bad[i % bad.length];
            }
            return (producer, expected) -> {
                producer.sendRaw(MentionIds.of(mention).getBytes(StandardCharsets.UTF_8), bytes);
                expected.put(MentionIds.of(mention), Expected.indexed(decodedText(bytes)));
            };
        }

        private Case nastyText() {
            Mention mention = mention();
            StringBuilder text = new StringBuilder();
            for (int parts = 1 + random.nextInt(3); parts > 0; parts--) {
                text.append(NASTY_TEXTS[random.nextInt(NASTY_TEXTS.length)])
                        .append(random.nextBoolean() ? " " : "");
            }
            mention.setText(text.toString());
            return acceptable(mention);
        }

        private Case nullEverywhere() {
            Mention mention = mention();
            mention.setLang(null);
            mention.setUrl(null);
            mention.getAuthor().setDisplayName(null);
            mention.getAuthor().setFollowersCount(null);
            mention.getAuthor().setCreatedAt(null);
            mention.getEngagement().setLikes(null);
            mention.getEngagement().setReplies(null);
            mention.getEngagement().setReposts(null);
            mention.getEngagement().setQuotes(null);
            mention.getEngagement().setViews(null);
            mention.setInReplyToId(null);
            mention.setRepostOfId(null);
            mention.setQuoteOfId(null);
            mention.setConversationId(null);
            mention.setGeo(random.nextBoolean() ? null : new Geo(null, null, null));
            mention.setHashtags(List.of());
            mention.setMentions(List.of());
            mention.setUrls(List.of());
            mention.setExtras(Map.of());
            return acceptable(mention);
        }

        /**
         * Texts over the cap, up to a megabyte (Kafka's default record limit), are dead-lettered;
         * just under it are indexed.
         */
        private Case hugeText() {
            Mention mention = mention();
            switch (random.nextInt(8)) {
                case 0 -> mention.setText("a".repeat(1_000_000 - 2_000));
                case 1, 2 -> {
                    mention.setText("BlueJet " + "lost my bag ".repeat((maxTextChars - 20) / 12));
                    return acceptable(mention);
                }
                default ->
                        mention.setText(
                                "🔥".repeat(maxTextChars / 2 + 1 + random.nextInt(maxTextChars)));
            }
            return rejected(mention, "text_too_long");
        }

        /**
         * Dates past the job's bounds: seconds read as milliseconds, before 1970, the year 1000,
         * far ahead.
         */
        private Case farPastOrFuture() {
            Mention mention = mention();
            switch (random.nextInt(6)) {
                case 0 -> {
                    mention.setCreatedAt(
                            Instant.ofEpochMilli(now.getEpochSecond() - random.nextInt(1_000_000)));
                    return rejected(mention, "created_at_too_old");
                }
                case 1 -> {
                    mention.setCreatedAt(
                            Instant.ofEpochMilli(
                                    -1 - (long) random.nextInt(Integer.MAX_VALUE) * 1_000_000L));
                    return rejected(mention, "created_at_too_old");
                }
                case 2 -> {
                    mention.setCreatedAt(
                            Instant.parse("1000-01-01T00:00:00Z")
                                    .plusSeconds(random.nextInt(1_000_000)));
                    return rejected(mention, "created_at_too_old");
                }
                case 3 -> {
                    mention.setCreatedAt(Instant.EPOCH);
                    return rejected(mention, "missing_created_at");
                }
                case 4 -> {
                    mention.setCreatedAt(
                            Instant.ofEpochMilli(Long.MAX_VALUE - random.nextInt(1_000)));
                    return rejected(mention, "created_at_in_future");
                }
                default -> {
                    mention.setCreatedAt(now.plus(Duration.ofDays(1 + random.nextInt(365 * 500))));
                    return rejected(mention, "created_at_in_future");
                }
            }
        }

        /** Counts below zero would flow into reach and engagement sums. */
        private Case negativeCount() {
            Mention mention = mention();
            long negative = -1 - random.nextInt(1_000);
            switch (random.nextInt(3)) {
                case 0 -> mention.getEngagement().setLikes(negative);
                case 1 -> mention.getEngagement().setViews(negative);
                default -> mention.getAuthor().setFollowersCount(negative);
            }
            return rejected(mention, "invalid_field");
        }

        private Case blankRequiredField() {
            Mention mention = mention();
            String[] blanks = {"", " ", "\t\n", "\u2003"};
            String blank = blanks[random.nextInt(blanks.length)];
            if (random.nextBoolean()) {
                mention.setText(blank);
                return rejected(mention, "missing_text");
            }
            mention.setId(blank);
            return (producer, expected) -> {
                producer.send(mention);
                expected.put(
                        bytesIdentity(AvroCodec.MENTION.encode(mention)),
                        Expected.deadLetter("validate", "missing_id"));
            };
        }

        /** Ids with odd characters are fine; one longer than Elasticsearch's limit is not. */
        private Case oddId() {
            Mention mention = mention();
            String[] odd = {
                "a/b/../c", "#?&=%20", "ünï-cødé-🚀", "_id", "..", "x".repeat(400), "  padded  "
            };
            mention.setId(mention.getId() + odd[random.nextInt(odd.length)]);
            if (random.nextInt(3) == 0) {
                mention.setId(mention.getId() + "é".repeat(MAX_DOCUMENT_ID_BYTES / 2));
                return rejected(mention, "id_too_long");
            }
            return acceptable(mention);
        }

        /**
         * Valid mentions whose document Elasticsearch refuses (an immense keyword, a latitude off
         * the globe).
         */
        private Case refusedByElasticsearch() {
            Mention mention = mention();
            if (random.nextBoolean()) {
                mention.getAuthor().setUsername("u".repeat(40_000));
            } else {
                mention.setGeo(new Geo("GB", 91.0 + random.nextInt(1_000), 0.0));
            }
            return (producer, expected) -> {
                producer.send(mention);
                expected.put(MentionIds.of(mention), Expected.deadLetter("index", "refused"));
            };
        }

        private static Case acceptable(Mention mention) {
            return (producer, expected) -> {
                producer.send(mention);
                expected.put(
                        MentionIds.of(mention),
                        Expected.indexed(decodedText(AvroCodec.MENTION.encode(mention))));
            };
        }

        private static Case rejected(Mention mention, String reason) {
            return (producer, expected) -> {
                producer.send(mention);
                expected.put(MentionIds.of(mention), Expected.deadLetter("validate", reason));
            };
        }

        private static String decodedText(byte[] bytes) {
            try {
                return AvroCodec.MENTION.decode(bytes).getText();
            } catch (AvroCodec.UndecodableException e) {
                throw new AssertionError(e);
            }
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            throw new AssertionError("placeholder not in the encoded record");
        }
    }
}
