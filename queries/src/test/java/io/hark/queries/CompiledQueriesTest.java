// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompiledQueriesTest {
    private static MatchInput text(String text) {
        return new MatchInput(text, null, null, null, null, null, null, null);
    }

    private static boolean matches(String query, MatchInput input) {
        CompiledQueries compiled =
                CompiledQueries.compile(List.of(new QueryDefinition("q", null, query, null)));
        return compiled.match(input).contains("q");
    }

    private static boolean matches(String query, String text) {
        return matches(query, text(text));
    }

    @ParameterizedTest(name = "{0} in \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // whole words, any case, accents folded
                "acme|I love Acme!|true",
                "acme|ACME coffee|true",
                "acme|acmecorp is bigger|false",
                "acme|two acmes|false",
                "café|CAFE au lait|true",
                "CAFE|un café, s'il vous plaît|true",
                "crème|creme brulee|true",
                "don't|I DON'T know|true",
                "don't|I dont know|false",
                // a plain word also inside hashtags and handles, but a longer hashtag is another
                // word
                "acme|#acme rocks|true",
                "acme|thanks @Acme|true",
                "acme|#AcmeCoffee rocks|false",
                // phrases: consecutive words, punctuation between them does not matter
                "\"acme coffee\"|the Acme Coffee shop|true",
                "\"acme coffee\"|acme, coffee|true",
                "\"acme coffee\"|#acme coffee|true",
                "\"acme coffee\"|coffee acme|false",
                "\"acme coffee\"|acme hot coffee|false",
                "\"acme coffee\"|acme|false",
                // trailing wildcards
                "deliver*|Delivery was late|true",
                "deliver*|it DELIVERED|true",
                "deliver*|#deliveries|true",
                "deliver*|deliver|true",
                "deliver*|redeliver|false",
                "deliver*|deli|false",
                // hashtags and handles only as such
                "#acme|#Acme rocks|true",
                "#acme|acme rocks|false",
                "#acme|@acme rocks|false",
                "#acmecoffee|#AcmeCoffee|true",
                "@acme|ping @ACME|true",
                "@acme|ping acme|false",
                "@acme_uk|ping @Acme_UK|true",
                "@acme|mail bob@acme.com|false",
            })
    void matchesTextAsDocumented(String query, String text, boolean expected) {
        assertThat(matches(query, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "acme NEAR/2 late|acme was very late|true",
                "acme NEAR/2 late|acme was really very late|false",
                "acme NEAR/2 late|late again, acme!|true",
                "acme NEAR/1 late|acme late|true",
                "acme NEAR/3f late|acme is so late|true",
                "acme NEAR/3f late|late is acme|false",
                "late NEAR/3f acme|late is acme|true",
                "acme NEAR/3 acme|acme|false",
                "acme NEAR/3 acme|acme and acme|true",
                // phrases count from their nearest edge
                "\"acme coffee\" NEAR/1 late|acme coffee so late|true",
                "\"acme coffee\" NEAR/1 late|late, acme coffee|true",
                "\"acme coffee\" NEAR/1 late|acme late coffee|false",
                "\"acme coffee\" NEAR/1 coffee|acme coffee|false",
                // groups, wildcards, tags
                "(acme OR acmeco) NEAR/5 (late OR delay*)|AcmeCo delays again|true",
                "(acme OR acmeco) NEAR/5 (late OR delay*)|acme is the best coffee in town and never late|false",
                "#acme NEAR/2 late|#acme late|true",
                "#acme NEAR/2 late|acme late|false",
            })
    void nearCountsTheWordsBetween(String query, String text, boolean expected) {
        assertThat(matches(query, text)).isEqualTo(expected);
    }

    @Test
    void combinesWithAndOrNot() {
        assertThat(matches("acme AND NOT jobs", "acme is hiring")).isTrue();
        assertThat(matches("acme AND NOT (jobs OR hiring)", "acme is hiring")).isFalse();
        assertThat(matches("acme OR coffee", "coffee time")).isTrue();
        assertThat(matches("NOT acme", "")).isTrue();
        assertThat(matches("NOT acme", "acme")).isFalse();
        assertThat(matches("NOT NOT acme", "acme")).isTrue();
        assertThat(matches("NOT (acme AND late)", "acme late")).isFalse();
        assertThat(matches("NOT (acme AND late)", "late")).isTrue();
    }

    @Test
    void hashtagsAndHandlesAlsoComeFromTheMentionsLists() {
        MatchInput listed =
                new MatchInput(
                        "no tags in this text",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("AcmeCoffee"),
                        List.of("@Acme"));
        assertThat(matches("#acmecoffee", listed)).isTrue();
        assertThat(matches("@acme", listed)).isTrue();
        assertThat(matches("#acme", listed)).isFalse();
        assertThat(matches("acmecoffee", listed)).isFalse();
        assertThat(matches("#acmecoffee NEAR/5 tags", listed)).isFalse();
    }

    @Test
    void fieldFiltersIgnoreCase() {
        MatchInput input =
                new MatchInput("hello", "JaneDoe", "en", "reddit", "GB", null, null, null);
        assertThat(matches("author:janedoe", input)).isTrue();
        assertThat(matches("author:@JANEDOE", input)).isTrue();
        assertThat(matches("author:jane", input)).isFalse();
        assertThat(matches("lang:EN", input)).isTrue();
        assertThat(matches("lang:de", input)).isFalse();
        assertThat(matches("platform:reddit", input)).isTrue();
        assertThat(matches("platform:x", input)).isFalse();
        assertThat(matches("country:gb", input)).isTrue();
        assertThat(matches("country:us", input)).isFalse();
        assertThat(matches("hello AND lang:en AND NOT platform:x", input)).isTrue();
    }

    @Test
    void aMissingFieldMatchesNoFilter() {
        MatchInput bare = text("hello");
        assertThat(matches("lang:en", bare)).isFalse();
        assertThat(matches("NOT lang:de", bare)).isTrue();
        assertThat(matches("author:x OR country:gb OR platform:x", bare)).isFalse();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
        "url:example.com, https://example.com/x, true",
        "url:example.com, http://www.EXAMPLE.com, true",
        "url:example.com, example.com, true",
        "url:example.com, https://user@shop.example.com:8443/a?b#c, true",
        "url:example.com, https://notexample.com/x, false",
        "url:example.com, https://example.com.evil.org/x, false",
        "url:www.example.com, https://example.com/x, false",
        "url:example.com/blog, https://www.example.com/blog/post-1, true",
        "url:example.com/blog, https://example.com/blog, true",
        "url:example.com/blog, https://example.com/blogroll, true",
        "url:example.com/blog, https://example.com/shop/blog, false",
        "url:example.com/blog, https://example.com/Blog, false",
        "url:example.com/blog, https://example.com/?q=/blog, false",
        "url:example.com/blog, https://other.com/blog, false",
    })
    void urlFiltersMatchHostSubdomainsAndPath(String query, String url, boolean expected) {
        MatchInput input =
                new MatchInput(
                        "",
                        null,
                        null,
                        null,
                        null,
                        List.of("https://unrelated.org", url),
                        null,
                        null);
        assertThat(matches(query, input)).isEqualTo(expected);
    }

    @Test
    void returnsMatchingIdsInDefinitionOrder() {
        CompiledQueries compiled =
                CompiledQueries.compile(
                        List.of(
                                new QueryDefinition("z-last-word", null, "late", null),
                                new QueryDefinition("a-brand", null, "acme", null),
                                new QueryDefinition("m-never", null, "zzz", null),
                                new QueryDefinition("b-not", null, "NOT jobs", null),
                                new QueryDefinition("c-lang", null, "lang:en", null)));
        assertThat(
                        compiled.match(
                                new MatchInput(
                                        "acme is late", null, "en", null, null, null, null, null)))
                .containsExactly("z-last-word", "a-brand", "b-not", "c-lang");
        assertThat(compiled.match(text("jobs"))).isEmpty();
        assertThat(compiled.size()).isEqualTo(5);
    }

    @Test
    void reportsGroups() {
        CompiledQueries compiled =
                CompiledQueries.compile(
                        List.of(
                                new QueryDefinition("a", null, "acme", "coffee"),
                                new QueryDefinition("b", null, "bolt AND NOT lang:de", null)));
        assertThat(compiled.groupsById()).isEqualTo(Map.of("a", "coffee"));
        assertThat(compiled.group("a")).isEqualTo("coffee");
        assertThat(compiled.group("b")).isNull();
        assertThatThrownBy(() -> compiled.group("c")).hasMessage("no query has the id 'c'");
    }

    @Test
    void detectsTheLanguageOnlyWhenALanguageFilterDecides() {
        CompiledQueries compiled =
                CompiledQueries.compile(
                        List.of(
                                new QueryDefinition("a", null, "acme", null),
                                new QueryDefinition("b", null, "bolt AND NOT lang:de", null),
                                new QueryDefinition(
                                        "c", null, "(bolt OR volt) AND lang:en", null)));
        AtomicInteger detections = new AtomicInteger();
        Supplier<String> german =
                () -> {
                    detections.incrementAndGet();
                    return "de";
                };

        assertThat(compiled.match(text("acme coffee"), german)).containsExactly("a");
        assertThat(compiled.match(text("a volt of thunder"), () -> "fr")).isEmpty();
        assertThat(detections).as("no query with a language filter was triggered").hasValue(0);

        assertThat(compiled.match(text("bolt"), german)).isEmpty();
        assertThat(detections).as("two filters, one detection").hasValue(1);
        assertThat(compiled.match(text("bolt and volt"), () -> "en")).containsExactly("b", "c");

        MatchInput given = new MatchInput("bolt", null, "de", null, null, null, null, null);
        assertThat(compiled.match(given, german)).isEmpty();
        assertThat(detections).as("the platform's language is used as given").hasValue(1);
        MatchInput english = new MatchInput("bolt", null, "en", null, null, null, null, null);
        assertThat(compiled.match(english, german))
                .as("the platform's language wins over the detected one")
                .containsExactly("b", "c");
        assertThat(compiled.match(text("bolt"), null))
                .as("without a language, lang:de does not match, so NOT lang:de does")
                .containsExactly("b");
    }

    @Test
    void rejectsTheFirstInvalidQuery() {
        assertThatThrownBy(
                        () ->
                                CompiledQueries.compile(
                                        List.of(
                                                new QueryDefinition("ok", null, "acme", null),
                                                new QueryDefinition(
                                                        "bad", null, "acme coffee", null),
                                                new QueryDefinition("worse", null, "(", null))))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> {
                            assertThat(e.queryId()).isEqualTo("bad");
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "query 'bad': at position 5: expected AND, OR or NEAR/n between terms but found 'coffee'");
                            assertThat(e.getCause()).isInstanceOf(QuerySyntaxException.class);
                        });
    }

    @Test
    void rejectsRepeatedIds() {
        assertThatThrownBy(
                        () ->
                                CompiledQueries.compile(
                                        List.of(
                                                new QueryDefinition("a", null, "acme", null),
                                                new QueryDefinition("a", null, "bolt", null))))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> {
                            assertThat(e.queryId()).isEqualTo("a");
                            assertThat(e.getMessage())
                                    .isEqualTo("query 'a': the id is used by an earlier query");
                        });
    }

    @Test
    void threadsDoNotSeeEachOthersMatches() throws Exception {
        CompiledQueries compiled =
                CompiledQueries.compile(
                        List.of(
                                new QueryDefinition("acme", null, "acme NEAR/2 late", null),
                                new QueryDefinition("bolt", null, "bolt* AND NOT slow", null)));
        List<MatchInput> inputs =
                IntStream.range(0, 20_000)
                        .mapToObj(
                                i ->
                                        text(
                                                i % 3 == 0
                                                        ? "acme so late"
                                                        : i % 3 == 1
                                                                ? "bolts are slow"
                                                                : "bolted acme, never late"))
                        .toList();
        List<List<String>> expected = inputs.stream().map(compiled::match).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<String>>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> inputs.stream().map(compiled::match).toList()));
            }
            for (Future<List<List<String>>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
