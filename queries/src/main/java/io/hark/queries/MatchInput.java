// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import io.hark.schema.Mention;
import java.util.ArrayList;
import java.util.List;

/**
 * What queries are matched against: a mention's text and the metadata field filters test. Any field
 * may be null (a null text is empty, null lists are empty); a filter on a null field does not
 * match. {@code platform} is a {@link io.hark.schema.Platform} name, {@code hashtags} and {@code
 * handles} are written without # and @.
 */
public record MatchInput(
        String text,
        String author,
        String lang,
        String platform,
        String country,
        List<String> urls,
        List<String> hashtags,
        List<String> handles) {

    public MatchInput {
        text = text == null ? "" : text;
        urls = urls == null ? List.of() : urls;
        hashtags = hashtags == null ? List.of() : hashtags;
        handles = handles == null ? List.of() : handles;
    }

    /** This input with {@code lang} as its language. */
    public MatchInput withLang(String lang) {
        return new MatchInput(text, author, lang, platform, country, urls, hashtags, handles);
    }

    /**
     * The input for a mention, with the platform's language if it gave one; a detected language is
     * {@link CompiledQueries#match(MatchInput, java.util.function.Supplier) supplied when needed}.
     */
    public static MatchInput of(Mention mention) {
        List<String> urls = new ArrayList<>();
        if (mention.getUrl() != null) {
            urls.add(mention.getUrl());
        }
        if (mention.getUrls() != null) {
            urls.addAll(mention.getUrls());
        }
        return new MatchInput(
                mention.getText(),
                mention.getAuthor() == null ? null : mention.getAuthor().getUsername(),
                mention.getLang(),
                mention.getPlatform() == null ? null : mention.getPlatform().name(),
                mention.getGeo() == null ? null : mention.getGeo().getCountryCode(),
                urls,
                mention.getHashtags(),
                mention.getMentions());
    }
}
