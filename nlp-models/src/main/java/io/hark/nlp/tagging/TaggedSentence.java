// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.tagging;

import java.util.List;

/** One sentence's tokens and their tags, in order. */
public record TaggedSentence(List<String> words, List<String> tags) {
    public TaggedSentence {
        if (words.size() != tags.size()) {
            throw new IllegalArgumentException(
                    words.size() + " words but " + tags.size() + " tags");
        }
        words = List.copyOf(words);
        tags = List.copyOf(tags);
    }
}
