// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.entities;

/**
 * One token of an {@link AnnotatedText}, detached from CoreNLP's mutable classes so it can be kept
 * and shared freely.
 *
 * @param word the token as written
 * @param tag Penn Treebank POS tag
 * @param lemma lemma (for non-words, the word itself)
 * @param ner CRF label: PERSON, ORGANIZATION, LOCATION or "O"
 * @param sentence index of the sentence the token belongs to
 * @param begin char offset in {@link AnnotatedText#text()} (inclusive)
 * @param end char offset in {@link AnnotatedText#text()} (exclusive)
 */
public record Token(
        String word, String tag, String lemma, String ner, int sentence, int begin, int end) {

    public boolean isHashtag() {
        return word.length() > 1 && word.charAt(0) == '#';
    }

    public boolean isHandle() {
        return word.length() > 1 && word.charAt(0) == '@';
    }

    public boolean isUrl() {
        // CoreNLP's tokenizer keeps URLs whole and tags them ADD (email / web address).
        return "ADD".equals(tag)
                || word.startsWith("http://")
                || word.startsWith("https://")
                || word.startsWith("www.");
    }
}
