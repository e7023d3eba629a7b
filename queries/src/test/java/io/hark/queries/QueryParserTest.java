// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.queries.Filter.Field;
import io.hark.queries.Filter.FieldFilter;
import io.hark.queries.Filter.UrlFilter;
import io.hark.queries.QueryNode.Near;
import io.hark.queries.Term.Phrase;
import io.hark.queries.Term.Prefix;
import io.hark.queries.Term.Tag;
import io.hark.queries.Term.Word;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {
    private static String tree(String query) {
        return QueryParser.parse(query).toString();
    }

    @Test
    void notBindsTighterThanNearThanAndThanOr() {
        assertThat(tree("a OR b AND c")).isEqualTo("(a OR (b AND c))");
        assertThat(tree("a AND b OR c")).isEqualTo("((a AND b) OR c)");
        assertThat(tree("a AND b NEAR/3 c")).isEqualTo("(a AND (b NEAR/3 c))");
        assertThat(tree("NOT a AND b")).isEqualTo("((NOT a) AND b)");
        assertThat(tree("a OR b NEAR/2 c AND NOT d"))
                .isEqualTo("(a OR ((b NEAR/2 c) AND (NOT d)))");
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(tree("(a OR b) AND c")).isEqualTo("((a OR b) AND c)");
        assertThat(tree("NOT (a OR b)")).isEqualTo("(NOT (a OR b))");
        assertThat(tree("((a))")).isEqualTo("a");
    }

    @Test
    void chainsOfOneOperatorAreOneNode() {
        assertThat(tree("a OR b OR c")).isEqualTo("(a OR b OR c)");
        assertThat(tree("a AND b AND c AND d")).isEqualTo("(a AND b AND c AND d)");
    }

    @Test
    void notStandsAloneAndRepeats() {
        assertThat(tree("NOT acme")).isEqualTo("(NOT acme)");
        assertThat(tree("NOT NOT acme")).isEqualTo("(NOT (NOT acme))");
    }

    @Test
    void termsAreFoldedAndCutLikeText() {
        assertThat(QueryParser.parse("Café")).isEqualTo(new Word("cafe"));
        assertThat(QueryParser.parse("ACME")).isEqualTo(new Word("acme"));
        assertThat(QueryParser.parse("don't")).isEqualTo(new Phrase(List.of("don", "t")));
        assertThat(QueryParser.parse("e-mail")).isEqualTo(new Phrase(List.of("e", "mail")));
    }

    @Test
    void phrasesWildcardsHashtagsAndHandles() {
        assertThat(QueryParser.parse("\"Acme   Coffee\""))
                .isEqualTo(new Phrase(List.of("acme", "coffee")));
        assertThat(QueryParser.parse("\"acme\"")).isEqualTo(new Word("acme"));
        assertThat(QueryParser.parse("Deliver*")).isEqualTo(new Prefix("deliver"));
        assertThat(QueryParser.parse("#AcmeCoffee"))
                .isEqualTo(new Tag(TokenKind.HASHTAG, "acmecoffee"));
        assertThat(QueryParser.parse("@Acme_UK")).isEqualTo(new Tag(TokenKind.HANDLE, "acme_uk"));
        assertThat(tree("\"acme coffee\" OR deliver* OR #acme OR @acme"))
                .isEqualTo("(\"acme coffee\" OR deliver* OR #acme OR @acme)");
    }

    @Test
    void lowerCaseOperatorsAreWords() {
        assertThat(QueryParser.parse("and")).isEqualTo(new Word("and"));
        assertThat(tree("acme OR not")).isEqualTo("(acme OR not)");
        assertThat(tree("or AND near")).isEqualTo("(or AND near)");
        assertThat(QueryParser.parse("\"rock and roll\""))
                .isEqualTo(new Phrase(List.of("rock", "and", "roll")));
    }

    @Test
    void nearTakesTermsPhrasesWildcardsAndOrGroups() {
        assertThat(QueryParser.parse("acme NEAR/3 late"))
                .isEqualTo(new Near(new Word("acme"), new Word("late"), 3, false));
        assertThat(QueryParser.parse("acme NEAR/3f late"))
                .isEqualTo(new Near(new Word("acme"), new Word("late"), 3, true));
        assertThat(tree("(acme OR acmeco) NEAR/5 (late OR delay* OR \"so slow\")"))
                .isEqualTo("((acme OR acmeco) NEAR/5 (late OR delay* OR \"so slow\"))");
        assertThat(tree("#acme NEAR/100f @acme")).isEqualTo("(#acme NEAR/100f @acme)");
        assertThat(tree("((a OR b) OR c) NEAR/1 d")).isEqualTo("(((a OR b) OR c) NEAR/1 d)");
    }

    @Test
    void fieldFilters() {
        assertThat(QueryParser.parse("author:@JaneDoe"))
                .isEqualTo(new FieldFilter(Field.AUTHOR, "JaneDoe"));
        assertThat(QueryParser.parse("lang:en")).isEqualTo(new FieldFilter(Field.LANG, "en"));
        assertThat(QueryParser.parse("Lang:EN")).isEqualTo(new FieldFilter(Field.LANG, "EN"));
        assertThat(QueryParser.parse("platform:Reddit"))
                .isEqualTo(new FieldFilter(Field.PLATFORM, "reddit"));
        assertThat(QueryParser.parse("country:gb")).isEqualTo(new FieldFilter(Field.COUNTRY, "gb"));
        assertThat(QueryParser.parse("url:example.com"))
                .isEqualTo(new UrlFilter("example.com", ""));
        assertThat(QueryParser.parse("url:https://www.Example.com/"))
                .isEqualTo(new UrlFilter("www.example.com", ""));
        assertThat(QueryParser.parse("url:example.com/Blog?x=1"))
                .isEqualTo(new UrlFilter("example.com", "/Blog"));
    }

    @Test
    void fieldValuesMayBeQuoted() {
        assertThat(QueryParser.parse("author:\"Jane Doe\""))
                .isEqualTo(new FieldFilter(Field.AUTHOR, "Jane Doe"));
        assertThat(tree("author:\"Jane Doe\" AND (lang:en)"))
                .isEqualTo("(author:\"Jane Doe\" AND lang:en)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(acme OR \"acme coffee\" OR #acmecoffee) AND NOT lang:de",
                "a OR b AND NOT c AND d NEAR/2f (e OR ee*)",
                "((a AND b) AND c) OR NOT (NOT d)",
                "author:\"Jane Doe\" OR url:example.com/blog OR platform:x OR country:GB",
                "@acme_uk NEAR/7 \"very late\""
            })
    void theTreeReadsBackAsItself(String query) {
        QueryNode parsed = QueryParser.parse(query);
        assertThat(QueryParser.parse(parsed.toString())).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``|0|the query is empty",
                "`   `|0|the query is empty",
                "(acme OR coffee|0|this '(' is never closed",
                "acme OR (coffee AND (tea)|8|this '(' is never closed",
                "acme OR coffee)|14|')' has no matching '('",
                "\"acme coffee|0|this quote is never closed",
                "author:\"jane|7|this quote is never closed",
                "acme AND|8|expected a term, phrase or '(' but found the end of the query",
                "acme AND NOT|12|expected a term, phrase or '(' but found the end of the query",
                "acme AND )|9|expected a term, phrase or '(' but found ')'",
                "()|1|expected a term, phrase or '(' but found ')'",
                "OR acme|0|expected a term, phrase or '(' but found 'OR'",
                "acme OR AND coffee|8|expected a term, phrase or '(' but found 'AND'",
                "acme coffee|5|expected AND, OR or NEAR/n between terms but found 'coffee'",
                "acme and coffee|5|expected AND, OR or NEAR/n between terms but found 'and'",
                "(acme \"cold brew\")|6|expected AND, OR or NEAR/n between terms but found \"cold brew\"",
                "acme NOT coffee|5|expected AND, OR or NEAR/n between terms but found 'NOT' (NOT only negates: write AND NOT)",
                "acme (coffee)|5|expected AND, OR or NEAR/n between terms but found '('",
                "foo:bar|0|unknown field 'foo'; the fields are author, lang, platform, country and url",
                "acme AND http://example.com|9|unknown field 'http'; the fields are author, lang, platform, country and url",
                "lang:|5|expected a value after 'lang:'",
                "author:\"\"|7|expected a value after 'author:'",
                "platform:twitter|9|unknown platform 'twitter'; the platforms are x, reddit, instagram, tiktok, facebook, youtube, news, review, other",
                "url:/blog|4|url: needs a host, as in url:example.com or url:example.com/blog",
                "a NEAR/0 b|2|NEAR needs a distance from 1 to 100, as in NEAR/5 or NEAR/5f, but found 'NEAR/0'",
                "a NEAR/101 b|2|NEAR needs a distance from 1 to 100, as in NEAR/5 or NEAR/5f, but found 'NEAR/101'",
                "a NEAR b|2|NEAR needs a distance from 1 to 100, as in NEAR/5 or NEAR/5f, but found 'NEAR'",
                "a NEAR/x b|2|NEAR needs a distance from 1 to 100, as in NEAR/5 or NEAR/5f, but found 'NEAR/x'",
                "a NEAR/5F b|2|NEAR needs a distance from 1 to 100, as in NEAR/5 or NEAR/5f, but found 'NEAR/5F'",
                "a NEAR/3|8|expected a term, phrase or '(' but found the end of the query",
                "d*|1|a wildcard needs at least 2 letters or digits before '*'",
                "*|0|a wildcard needs at least 2 letters or digits before '*'",
                "acme OR de*ver|10|'*' can only end a word, as in deliver*",
                "*acme|0|'*' can only end a word, as in deliver*",
                "don't*|0|a wildcard must end a single word, as in deliver*",
                "\"deliver* now\"|8|wildcards are not allowed inside a phrase",
                "#acme*|5|wildcards are not allowed in a hashtag",
                "@acme*|5|wildcards are not allowed in a handle",
                "#acme!|0|a hashtag can only have letters, digits and '_' after #",
                "@|0|a handle can only have letters, digits and '_' after @",
                "!!!|0|'!!!' has no letters or digits to search for",
                "\"?!\"|0|the phrase has no words",
                "lang:en NEAR/3 acme|0|a NEAR operand must be a term, wildcard, phrase or an OR group of those, not a field filter",
                "acme NEAR/3 (late AND slow)|12|a NEAR operand must be a term, wildcard, phrase or an OR group of those, not an AND",
                "acme NEAR/3 NOT late|12|a NEAR operand must be a term, wildcard, phrase or an OR group of those, not a NOT",
                "(a NEAR/2 b) NEAR/3 c|0|a NEAR operand must be a term, wildcard, phrase or an OR group of those, not another NEAR",
                "(a OR lang:en) NEAR/2 b|0|a NEAR operand must be a term, wildcard, phrase or an OR group of those, not an OR group with more than terms in it",
                "a NEAR/2 b NEAR/3 c|11|NEAR cannot follow NEAR; join NEAR groups with AND",
            })
    void errorsSayWhereAndWhat(String query, int position, String problem) {
        assertThatThrownBy(() -> QueryParser.parse(query))
                .isInstanceOfSatisfying(
                        QuerySyntaxException.class,
                        e -> {
                            assertThat(e.problem()).isEqualTo(problem);
                            assertThat(e.position()).isEqualTo(position);
                            assertThat(e.getMessage())
                                    .isEqualTo("at position " + position + ": " + problem);
                        });
    }
}
