// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hark.nlp.duplicates.TextFingerprint;
import io.hark.nlp.language.LanguageDetector;
import io.hark.nlp.sentiment.TweetSentiment;
import io.hark.nlp.spam.SpamText;
import io.hark.nlp.text.NormalizedText;
import io.hark.nlp.text.SocialTextNormalizer;
import io.hark.nlp.topics.TopicExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whatever a platform sends, every NLP stage answers, with sane values, in bounded time. Random
 * inputs come from a fixed seed, so a failure names an input that can be replayed.
 */
class HostileTextTest {
    private static final long SEED = 20261122L;
    private static final int RANDOM_INPUTS = 2_000;

    /** Far above a real mention's cost: this catches hangs and blow-ups, it is not a benchmark. */
    private static final Duration PER_MENTION = Duration.ofSeconds(10);

    private static final int MEGABYTE = 1 << 20;

    private static final String[] WORDS = {
        "Skyline", "Air", "flight", "delayed", "the", "not", "never", "love", "worst", "Paris",
        "bag", "lost", "great", "café", "über", "مرحبا", "שלום", "你好", "привет", "😡", ":(", ":-)",
        "!!!", "...", "sooooo"
    };
    private static final String[] EMOJI = {
        "😀",
        "🔥",
        "👍🏽",
        "👩🏿‍🚀",
        "👨‍👩‍👧‍👦",
        "🏳️‍🌈",
        "🇬🇧",
        "🇺🇸",
        "1️⃣",
        "❤️",
        "🫠",
        "🧑‍🤝‍🧑",
        "🏴󠁧󠁢󠁳󠁣󠁴󠁿"
    };
    private static final String[] INVISIBLE = {
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D",
        "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\uFEFF", "\u00AD", "\u2028", "\u2029"
    };
    private static final String[] MARKUP = {
        "{\"text\":\"hi\",\"n\":[1,2,{\"x\":null}]}",
        "<script>alert('x')</script>",
        "<a href=\"http://evil\">x</a>",
        "&amp;amp;lt;",
        "&#x1F600;",
        "&#99999999;",
        "&nosuchentity;",
        "\\u0000",
        "\"\\\"",
        "<!channel>",
        "<@U123>",
        "https://example.com/a?b=c&d=e#f",
        "http://",
        "www.x",
        "#",
        "@",
        "#tag",
        "@user",
        "RT @x:",
        "$$$",
        "%s%n"
    };

    private static final MentionEnricher ENRICHER =
            new MentionEnricher(Map.of("Skyline Air", "BRAND"));

    @Test
    void nastyTextsAreAnsweredSanely() {
        List<String> nasty =
                new ArrayList<>(
                        List.of(
                                "",
                                " ",
                                "\t\n\r  ",
                                "\u0000",
                                "\u0000".repeat(1000),
                                "\uD800",
                                "\uDC00\uD800",
                                "x\uD83D",
                                "\uFFFD\uFFFE\uFFFF",
                                "🔥".repeat(5_000),
                                String.join("", EMOJI).repeat(200),
                                String.join("", INVISIBLE).repeat(200),
                                "\u202Eriaf ton si siht\u202C Skyline Air",
                                "https://a.example/" + "a/".repeat(20_000),
                                "https://a.example https://b.example http://c.example/x?y=z",
                                "#a #b #c #d #e #f #g #h #i #j",
                                "#" + "a".repeat(100_000),
                                "@" + "b".repeat(100_000),
                                "#".repeat(100_000),
                                "@".repeat(100_000),
                                "x".repeat(MEGABYTE),
                                "delayed again ".repeat(MEGABYTE / 14),
                                "😡".repeat(MEGABYTE / 2),
                                "RT @a: ".repeat(20_000) + "hello",
                                "not ".repeat(50_000) + "good",
                                "s" + "o".repeat(200_000),
                                "!".repeat(100_000),
                                ":)".repeat(100_000),
                                "&amp;".repeat(100_000),
                                "&#".repeat(100_000),
                                "<p>"
                                        + "<b>".repeat(10_000)
                                        + "Skyline Air"
                                        + "</b>".repeat(10_000)
                                        + "</p>",
                                String.join(" ", MARKUP),
                                randomCodePoints(new Random(SEED), MEGABYTE / 4),
                                new String(
                                        randomBytes(new Random(SEED), MEGABYTE),
                                        StandardCharsets.UTF_8)));
        for (int i = 0; i < nasty.size(); i++) {
            String text = nasty.get(i);
            assertAnsweredSanely(
                    text, "nasty #" + i + " (" + text.length() + " chars): " + preview(text));
        }
        assertAnsweredSanely(null, "null");
    }

    @Test
    void randomTextsAreAnsweredSanely() {
        Random random = new Random(SEED);
        List<Function<Random, String>> generators =
                List.of(
                        r -> randomCodePoints(r, r.nextInt(300)),
                        r -> new String(randomBytes(r, r.nextInt(400)), StandardCharsets.UTF_8),
                        r -> pick(r, EMOJI, r.nextInt(40), ""),
                        r -> mixed(r, r.nextInt(40)),
                        r -> pick(r, MARKUP, r.nextInt(10), " "),
                        r ->
                                pick(
                                        r,
                                        new String[] {
                                            "https://t.co/" + r.nextInt(1000),
                                            "http://x.example/?a=" + r.nextLong()
                                        },
                                        1 + r.nextInt(5),
                                        " "),
                        r ->
                                pick(
                                        r,
                                        new String[] {
                                            "#travel", "#FailAir", "#a_b", "#123", "#über"
                                        },
                                        1 + r.nextInt(15),
                                        " "),
                        r -> " \t\n\u00A0\u3000".repeat(r.nextInt(50)),
                        r ->
                                String.valueOf((char) ('a' + r.nextInt(26)))
                                        .repeat(1 + r.nextInt(20_000)));
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            int kind = random.nextInt(generators.size());
            String text = generators.get(kind).apply(random);
            assertAnsweredSanely(
                    text,
                    "random #"
                            + i
                            + " of seed "
                            + SEED
                            + " (generator "
                            + kind
                            + "): "
                            + preview(text));
        }
    }

    /** Every stage on {@code text}: no exception, values in range, within {@link #PER_MENTION}. */
    private static void assertAnsweredSanely(String text, String description) {
        assertTimeoutPreemptively(
                PER_MENTION,
                () -> {
                    Enrichment enrichment =
                            ENRICHER.enrich(text, null, List.of("Travel", "FailAir"));
                    assertThat(enrichment.language())
                            .as(description)
                            .matches("[a-z]{2}|" + LanguageDetector.UNDETERMINED);
                    Stream.of(enrichment.sentiment(), TweetSentiment.shared().analyze(text))
                            .filter(Objects::nonNull)
                            .forEach(
                                    sentiment -> {
                                        assertThat(sentiment.polarity())
                                                .as(description)
                                                .isNotNull();
                                        assertThat(sentiment.score())
                                                .as(description)
                                                .isBetween(-1.0, 1.0);
                                        assertThat(sentiment.confidence())
                                                .as(description)
                                                .isBetween(0.0, 1.0);
                                    });
                    assertThat(enrichment.entities())
                            .as(description)
                            .doesNotContainNull()
                            .allSatisfy(entity -> assertThat(entity.text()).isNotBlank());
                    assertThat(enrichment.topics())
                            .as(description)
                            .doesNotContainNull()
                            .hasSizeLessThanOrEqualTo(TopicExtractor.MAX_TOPICS);
                    assertThat(enrichment.flags()).as(description).doesNotContainNull();

                    assertThat(LanguageDetector.shared().detect(text)).as(description).isNotNull();
                    NormalizedText normalized = SocialTextNormalizer.instance().normalize(text);
                    assertThat(normalized.tokens()).as(description).doesNotContainNull();
                    assertThat(TextFingerprint.of(text))
                            .as(description)
                            .hasSize(TextFingerprint.SIZE);
                    assertThat(SpamText.signals(text, null, null, null))
                            .as(description)
                            .isNotNull();
                },
                description);
    }

    private static String randomCodePoints(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 ->
                        text.append(
                                (char)
                                        random.nextInt(
                                                Character.MAX_VALUE
                                                        + 1)); // lone surrogates included
                case 1 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                case 2 -> text.append((char) random.nextInt(0x20));
                default -> text.append((char) (' ' + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Words, emoji, invisible characters and markup run together, as real posts mix them. */
    private static String mixed(Random random, int parts) {
        String[][] sources = {WORDS, WORDS, EMOJI, INVISIBLE, MARKUP};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            String[] source = sources[random.nextInt(sources.length)];
            text.append(source[random.nextInt(source.length)])
                    .append(random.nextBoolean() ? " " : "");
        }
        return text.toString();
    }

    private static String pick(Random random, String[] choices, int count, String separator) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(choices[random.nextInt(choices.length)]);
        }
        return String.join(separator, picked);
    }

    private static String preview(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
