// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.entities;

import java.util.List;

/**
 * The result of one CoreNLP pass over a mention: what both {@link EntityRecognizer} and the topic
 * extractor need, so a text is tokenized, tagged and NER-labelled only once.
 *
 * @param text the text that was annotated: cleaned of control / invisible characters and capped at
 *     {@link SocialTextAnnotator#MAX_CHARS}; token offsets refer to it
 * @param tokens all tokens in text order
 * @param mentions CRF entity mentions in text order
 */
public record AnnotatedText(String text, List<Token> tokens, List<EntitySpan> mentions) {

    public AnnotatedText {
        tokens = List.copyOf(tokens);
        mentions = List.copyOf(mentions);
    }

    public static AnnotatedText empty() {
        return new AnnotatedText("", List.of(), List.of());
    }

    /** The text covered by tokens {@code [start, end)}, as written. */
    public String span(int start, int end) {
        int from = tokens.get(start).begin();
        int to = tokens.get(end - 1).end();
        if (0 <= from && from <= to && to <= text.length()) {
            return text.substring(from, to);
        }
        // Offsets should always fit; if a tokenizer quirk breaks that, the words still do.
        StringBuilder words = new StringBuilder();
        for (int i = start; i < end; i++) {
            words.append(i > start ? " " : "").append(tokens.get(i).word());
        }
        return words.toString();
    }
}
