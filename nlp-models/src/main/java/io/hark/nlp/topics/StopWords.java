// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.topics;

import java.util.Set;

/**
 * Words that never make a useful topic on their own nor inside a keyphrase. Besides the usual
 * English function words that the tagger sometimes labels as nouns or adjectives, this holds
 * evaluative adjectives ("great crew" and "awful crew" should aggregate as "crew"; sentiment is
 * measured elsewhere) and social-media filler.
 */
final class StopWords {

    private StopWords() {
    }

    static boolean contains(String lowerCaseWord) {
        return WORDS.contains(lowerCaseWord);
    }

    private static final Set<String> WORDS = Set.of(
            // function words and vague nouns
            "a", "an", "the", "this", "that", "these", "those", "i", "me", "my", "we", "our", "you", "your",
            "he", "she", "it", "its", "they", "them", "their", "what", "which", "who", "whom", "whose",
            "and", "or", "but", "if", "of", "at", "by", "for", "with", "about", "to", "from", "in", "on",
            "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had",
            "not", "no", "nor", "so", "than", "too", "very", "can", "will", "just", "should", "now",
            "other", "such", "same", "own", "more", "most", "some", "any", "all", "each", "few", "many",
            "much", "several", "first", "last", "next", "only", "else", "ever", "never", "also",
            "thing", "things", "stuff", "lot", "lots", "way", "time", "times", "day", "days", "today",
            "yesterday", "tomorrow", "tonight", "night", "morning", "evening", "week", "weeks", "year", "years",
            "hour", "hours", "minute", "minutes", "second", "seconds", "meh", "hold", "everyone", "someone", "anyone", "nothing",
            "something", "anything", "everything", "people", "guy", "guys", "one", "ones", "bit", "kind", "sort",
            "yes", "yeah", "ok", "okay", "please", "thanks", "thank", "mr", "mrs", "ms",
            // evaluative adjectives
            "good", "great", "bad", "best", "worst", "better", "worse", "awesome", "amazing", "terrible",
            "horrible", "awful", "nice", "excellent", "poor", "perfect", "fantastic", "wonderful", "happy",
            "sad", "angry", "ridiculous", "crazy", "whole", "real", "big", "little", "new", "old",
            // social filler
            "rt", "via", "amp", "lol", "lmao", "omg", "wtf", "smh", "tbh", "imo", "imho", "pls", "plz",
            "u", "ur", "im", "idk", "btw", "fyi", "dm", "haha", "hahaha");
}
