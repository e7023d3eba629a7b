// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

import io.hark.nlp.entities.NamedEntity;
import java.util.List;

/**
 * What Hark's NLP says about one text.
 *
 * @param language the ISO 639-1 code, the platform's when supported, else detected; {@code und}
 *     when unsure
 * @param sentiment null where unsupported (languages other than English) or failed: never a guess
 * @param flags markers such as {@link MentionEnricher#FLAG_SENTIMENT_UNSUPPORTED_LANGUAGE}
 */
public record Enrichment(
        String language,
        TextSentiment sentiment,
        List<NamedEntity> entities,
        List<String> topics,
        List<String> flags) {}
