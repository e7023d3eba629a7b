// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import io.hark.queries.Filter.Field;
import io.hark.queries.Filter.FieldFilter;
import io.hark.queries.Filter.UrlFilter;
import io.hark.schema.Platform;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the leaves of a query (terms, phrases, field filters) and NEAR's distance. */
final class QueryAtoms {
    private static final int MAX_NEAR_DISTANCE = 100;
    private static final int MIN_PREFIX_LENGTH = 2;
    private static final Pattern NEAR = Pattern.compile("NEAR/(\\d{1,3})(f?)");
    private static final String FIELDS = "author, lang, platform, country and url";
    private static final String PLATFORMS =
            Arrays.stream(Platform.values()).map(Platform::name).collect(Collectors.joining(", "));

    private QueryAtoms() {}

    /** The distance of NEAR/n or NEAR/nf, the only place their meaning is read. */
    record Distance(int words, boolean ordered) {}

    static Distance nearDistance(QueryToken near) {
        Matcher m = NEAR.matcher(near.text());
        int words = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (words < 1 || words > MAX_NEAR_DISTANCE) {
            throw new QuerySyntaxException(
                    near.position(),
                    "NEAR needs a distance from 1 to "
                            + MAX_NEAR_DISTANCE
                            + ", as in NEAR/5 or NEAR/5f, but found "
                            + near.describe());
        }
        return new Distance(words, !m.group(2).isEmpty());
    }

    /**
     * A bare term. It is cut into words as texts are, so {@code e-mail} is the phrase "e mail",
     * just what the text "e-mail" gives.
     */
    static Term term(QueryToken token) {
        String text = token.text();
        if (text.startsWith("#") || text.startsWith("@")) {
            return tag(token);
        }
        int star = text.indexOf('*');
        if (star >= 0) {
            return prefix(token, star);
        }
        return words(
                TokenizedText.of(text).words(),
                token,
                "'" + text + "' has no letters or digits to search for");
    }

    static Term phrase(QueryToken token) {
        String content = token.text().substring(1, token.text().length() - 1);
        int star = content.indexOf('*');
        if (star >= 0) {
            throw new QuerySyntaxException(
                    token.position() + 1 + star, "wildcards are not allowed inside a phrase");
        }
        return words(TokenizedText.of(content).words(), token, "the phrase has no words");
    }

    static Filter filter(QueryToken token) {
        String text = token.text();
        int colon = text.indexOf(':');
        String name = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = unquote(text.substring(colon + 1)).strip();
        if (value.isEmpty()) {
            throw new QuerySyntaxException(
                    token.position() + colon + 1, "expected a value after '" + name + ":'");
        }
        switch (name) {
            case "url":
                return url(value, token.position() + colon + 1);
            case "author":
                return new FieldFilter(
                        Field.AUTHOR, value.startsWith("@") ? value.substring(1) : value);
            case "platform":
                return new FieldFilter(
                        Field.PLATFORM, platform(value, token.position() + colon + 1));
            case "lang":
                return new FieldFilter(Field.LANG, value);
            case "country":
                return new FieldFilter(Field.COUNTRY, value);
            default:
                throw new QuerySyntaxException(
                        token.position(), "unknown field '" + name + "'; the fields are " + FIELDS);
        }
    }

    private static Term words(List<String> words, QueryToken token, String noWords) {
        if (words.isEmpty()) {
            throw new QuerySyntaxException(token.position(), noWords);
        }
        return words.size() == 1 ? new Term.Word(words.get(0)) : new Term.Phrase(words);
    }

    private static Term tag(QueryToken token) {
        TokenKind kind = token.text().startsWith("#") ? TokenKind.HASHTAG : TokenKind.HANDLE;
        String kindName = kind == TokenKind.HASHTAG ? "a hashtag" : "a handle";
        String value = TextFolding.fold(token.text().substring(1));
        int star = value.indexOf('*');
        if (star >= 0) {
            throw new QuerySyntaxException(
                    token.position() + 1 + star, "wildcards are not allowed in " + kindName);
        }
        if (value.isEmpty() || !value.codePoints().allMatch(TokenizedText::isTagChar)) {
            throw new QuerySyntaxException(
                    token.position(),
                    kindName + " can only have letters, digits and '_' after " + kind.marker());
        }
        return new Term.Tag(kind, value);
    }

    private static Term prefix(QueryToken token, int star) {
        String text = token.text();
        if (star != text.length() - 1) {
            throw new QuerySyntaxException(
                    token.position() + star, "'*' can only end a word, as in deliver*");
        }
        List<String> words = TokenizedText.of(text.substring(0, star)).words();
        if (words.size() > 1) {
            throw new QuerySyntaxException(
                    token.position(), "a wildcard must end a single word, as in deliver*");
        }
        if (words.isEmpty() || words.get(0).length() < MIN_PREFIX_LENGTH) {
            throw new QuerySyntaxException(
                    token.position() + star,
                    "a wildcard needs at least "
                            + MIN_PREFIX_LENGTH
                            + " letters or digits before '*'");
        }
        return new Term.Prefix(words.get(0));
    }

    private static UrlFilter url(String value, int position) {
        UrlParts parts = UrlParts.of(value);
        if (parts == null) {
            throw new QuerySyntaxException(
                    position, "url: needs a host, as in url:example.com or url:example.com/blog");
        }
        // "url:example.com/" means the whole site, like "url:example.com".
        String path = parts.path().equals("/") ? "" : parts.path();
        return new UrlFilter(parts.host(), path);
    }

    private static String platform(String value, int position) {
        for (Platform platform : Platform.values()) {
            if (platform.name().equalsIgnoreCase(value)) {
                return platform.name();
            }
        }
        throw new QuerySyntaxException(
                position, "unknown platform '" + value + "'; the platforms are " + PLATFORMS);
    }

    private static String unquote(String value) {
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
