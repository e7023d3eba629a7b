// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.spam;

import io.hark.nlp.text.FoldedWords;
import io.hark.nlp.text.NormalizedText;
import io.hark.nlp.text.SocialTextNormalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@link SpamSignal}s that can be read off one mention's text and entities: the vocabulary
 * signals and the stuffing signals. Stateless and thread-safe.
 *
 * <p>The platform's entity lists and the text are both consulted, taking whichever shows more,
 * because either can be incomplete: texts get truncated, and some sources send no entities.
 */
public final class SpamText {
    static final int STUFFED_HASHTAGS = 6;

    /** Below this, a text that is mostly hashtags ("#tbt #summer") is just short. */
    static final int MIN_HASHTAGS_FOR_SHARE = 3;

    static final int STUFFED_HANDLES = 5;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SpamText() {}

    /**
     * @param text the mention's text; may be null
     * @param urls the platform's URL entities; may be null
     * @param hashtags the platform's hashtag entities; may be null
     * @param handles the platform's mentioned handles; may be null
     */
    public static EnumSet<SpamSignal> signals(
            String text, List<String> urls, List<String> hashtags, List<String> handles) {
        NormalizedText normalized = SocialTextNormalizer.instance().normalize(text);
        EnumSet<SpamSignal> signals = EnumSet.noneOf(SpamSignal.class);
        if (!SpamVocabulary.instance().categoriesIn(FoldedWords.of(normalized)).isEmpty()) {
            boolean hasLink = normalized.cues().urls() > 0 || size(urls) > 0;
            signals.add(
                    hasLink ? SpamSignal.LINK_WITH_SPAM_VOCABULARY : SpamSignal.SPAM_VOCABULARY);
        }
        if (isHashtagStuffed(text, Math.max(normalized.hashtags().size(), size(hashtags)))) {
            signals.add(SpamSignal.HASHTAG_STUFFING);
        }
        // The normalizer has already dropped a leading "RT @user:", which is no stuffing.
        if (Math.max(normalized.handles().size(), size(handles)) >= STUFFED_HANDLES) {
            signals.add(SpamSignal.HANDLE_STUFFING);
        }
        return signals;
    }

    private static boolean isHashtagStuffed(String text, int hashtags) {
        if (hashtags >= STUFFED_HASHTAGS) {
            return true;
        }
        int words = Math.max(whitespaceSeparatedWords(text), hashtags);
        return hashtags >= MIN_HASHTAGS_FOR_SHARE && 2 * hashtags > words;
    }

    private static int whitespaceSeparatedWords(String text) {
        return text == null || text.isBlank() ? 0 : WHITESPACE.split(text.strip()).length;
    }

    private static int size(List<String> entities) {
        return entities == null ? 0 : entities.size();
    }
}
