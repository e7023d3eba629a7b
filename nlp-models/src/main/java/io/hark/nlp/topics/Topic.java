// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.topics;

/**
 * A topic key of a mention, normalized so that the same topic in different mentions has the same
 * key (lower-cased, lemmatized, single-spaced).
 *
 * @param key e.g. "bluejetfail", "skyline air", "lost bag"
 * @param kind where the key came from; also its rank class
 */
public record Topic(String key, Kind kind) {

    /** In rank order: explicit hashtags are the author's own labels, keyphrases are guesses. */
    public enum Kind {
        HASHTAG,
        ENTITY,
        KEYPHRASE
    }
}
