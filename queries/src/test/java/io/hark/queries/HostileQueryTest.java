// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Queries arrive from a Kafka topic anyone with write access can fill: whatever they hold, the
 * parser answers with a positioned error or a query that compiles and matches, in bounded time and
 * stack. The time bound catches hangs; it is not a benchmark.
 */
class HostileQueryTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String TOO_DEEP =
            "parentheses and NOTs nest more than "
                    + QueryParser.MAX_DEPTH
                    + " deep; simplify the query";
    private static final String TOO_LONG =
            "the query is longer than " + QueryParser.MAX_LENGTH + " characters";

    @Test
    void deepNestingIsRejectedAtTheFirstParenthesisTooDeep() {
        int depth = QueryParser.MAX_DEPTH + 1;
        String query = "(".repeat(depth) + "acme" + ")".repeat(depth);

        assertRejected(query, QueryParser.MAX_DEPTH, TOO_DEEP);
    }

    @Test
    void deepNotsAreRejectedAtTheFirstNotTooDeep() {
        String query = "NOT ".repeat(QueryParser.MAX_DEPTH + 1) + "acme";

        assertRejected(query, "NOT ".length() * QueryParser.MAX_DEPTH, TOO_DEEP);
    }

    @Test
    void nestingUpToTheLimitCompilesAndMatches() {
        int depth = QueryParser.MAX_DEPTH;
        String nested = "(".repeat(depth) + "acme" + ")".repeat(depth);

        CompiledQueries compiled =
                assertTimeoutPreemptively(
                        BOUND,
                        () ->
                                CompiledQueries.compile(
                                        List.of(new QueryDefinition("deep", null, nested, null))));

        assertThat(compiled.match(text("acme again"))).containsExactly("deep");
    }

    @Test
    void aHundredThousandLevelsFailFastOnLength() {
        String query = "(".repeat(100_000) + "acme" + ")".repeat(100_000);

        assertRejected(query, QueryParser.MAX_LENGTH, TOO_LONG);
    }

    @Test
    void aMegabyteTermIsRejectedOnLength() {
        assertRejected("a".repeat(1 << 20), QueryParser.MAX_LENGTH, TOO_LONG);
    }

    @Test
    void innerWildcardsAreRejectedAtTheFirst() {
        String query =
                IntStream.range(0, 5_000).mapToObj(i -> "a").collect(Collectors.joining("*")) + "*";

        assertRejected(query, 1, "'*' can only end a word, as in deliver*");
    }

    @Test
    void thousandsOfTermsAndWildcardsCompileAndMatchInBoundedTime() {
        String terms = words(1_000, "term", "");
        String wildcards = words(1_000, "wild", "*");
        List<QueryDefinition> queries =
                List.of(
                        new QueryDefinition("terms", null, terms, null),
                        new QueryDefinition("wildcards", null, wildcards, null),
                        new QueryDefinition(
                                "near",
                                null,
                                "("
                                        + words(500, "n", "")
                                        + ") NEAR/3f ("
                                        + words(500, "m", "*")
                                        + ")",
                                null));
        assertThat(queries)
                .allSatisfy(
                        query ->
                                assertThat(query.query().length())
                                        .isLessThanOrEqualTo(QueryParser.MAX_LENGTH));
        // The worst text for NEAR: every word one of its terms, never close enough in the asked
        // order.
        String text = "m1x ".repeat(5_000) + "n1 ".repeat(5_000) + "term999 wild999ness";

        List<String> matched =
                assertTimeoutPreemptively(
                        BOUND, () -> CompiledQueries.compile(queries).match(text(text)));

        assertThat(matched).containsExactly("terms", "wildcards");
    }

    @Test
    void anUnclosedQuoteInALongQueryIsPositioned() {
        String query = "\"" + "acme ".repeat(3_000);

        assertRejected(query, 0, "this quote is never closed");
    }

    @Test
    void compilingNamesTheQueryThatIsTooDeep() {
        String deep =
                "(".repeat(QueryParser.MAX_DEPTH + 1) + "x" + ")".repeat(QueryParser.MAX_DEPTH + 1);

        assertTimeoutPreemptively(
                BOUND,
                () ->
                        assertThatThrownBy(
                                        () ->
                                                CompiledQueries.compile(
                                                        List.of(
                                                                new QueryDefinition(
                                                                        "deep", null, deep, null))))
                                .isInstanceOf(InvalidQueryException.class)
                                .hasMessage(
                                        "query 'deep': at position "
                                                + QueryParser.MAX_DEPTH
                                                + ": "
                                                + TOO_DEEP));
    }

    private static void assertRejected(String query, int position, String problem) {
        QuerySyntaxException error =
                assertTimeoutPreemptively(
                        BOUND,
                        () ->
                                catchThrowableOfType(
                                        QuerySyntaxException.class,
                                        () -> QueryParser.parse(query)));

        assertThat(error).as("the error for a query of %d chars", query.length()).isNotNull();
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.problem()).isEqualTo(problem);
    }

    /**
     * {@code count} numbered words joined by OR: {@code prefix0 OR prefix1 ...}, each followed by
     * {@code suffix}.
     */
    private static String words(int count, String prefix, String suffix) {
        return IntStream.range(0, count)
                .mapToObj(i -> prefix + i + suffix)
                .collect(Collectors.joining(" OR "));
    }

    private static MatchInput text(String text) {
        return new MatchInput(text, null, null, null, null, null, null, null);
    }
}
