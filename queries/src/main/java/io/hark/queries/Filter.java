// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** A condition on the mention's metadata rather than its text, such as {@code lang:en}. */
public sealed interface Filter extends QueryNode permits Filter.FieldFilter, Filter.UrlFilter {
    boolean matches(MatchInput input);

    /** Whether the filter tests the language, which may have to be detected first. */
    default boolean readsLanguage() {
        return false;
    }

    /** A metadata field compared to a value, ignoring case. */
    record FieldFilter(Field field, String value) implements Filter {
        public FieldFilter {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
        }

        @Override
        public boolean matches(MatchInput input) {
            String actual = field.of(input);
            return actual != null && actual.equalsIgnoreCase(value);
        }

        @Override
        public boolean readsLanguage() {
            return field == Field.LANG;
        }

        @Override
        public String toString() {
            boolean plain =
                    value.chars()
                            .noneMatch(
                                    c ->
                                            Character.isWhitespace(c)
                                                    || c == '('
                                                    || c == ')'
                                                    || c == '"');
            return field.key() + ":" + (plain ? value : '"' + value + '"');
        }
    }

    /** The fields {@link FieldFilter} can test. */
    enum Field {
        AUTHOR(MatchInput::author),
        LANG(MatchInput::lang),
        PLATFORM(MatchInput::platform),
        COUNTRY(MatchInput::country);

        private final Function<MatchInput, String> accessor;

        Field(Function<MatchInput, String> accessor) {
            this.accessor = accessor;
        }

        /** The name written in queries, as in {@code lang:en}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        String of(MatchInput input) {
            return accessor.apply(input);
        }
    }

    /**
     * Whether one of the mention's URLs is on {@code host} or one of its subdomains and, if the
     * filter has a path, starts with it: {@code url:example.com/blog} matches
     * https://www.example.com/blog/x but not https://example.com/shop or
     * https://notexample.com/blog. Hosts ignore case, paths do not.
     */
    record UrlFilter(String host, String pathPrefix) implements Filter {
        public UrlFilter {
            Objects.requireNonNull(host);
            Objects.requireNonNull(pathPrefix);
        }

        @Override
        public boolean matches(MatchInput input) {
            for (String url : input.urls()) {
                UrlParts parts = UrlParts.of(url);
                if (parts != null && onHost(parts.host()) && parts.path().startsWith(pathPrefix)) {
                    return true;
                }
            }
            return false;
        }

        private boolean onHost(String candidate) {
            int extra = candidate.length() - host.length();
            return candidate.endsWith(host)
                    && (extra == 0 || (extra > 0 && candidate.charAt(extra - 1) == '.'));
        }

        @Override
        public String toString() {
            return "url:" + host + pathPrefix;
        }
    }
}
