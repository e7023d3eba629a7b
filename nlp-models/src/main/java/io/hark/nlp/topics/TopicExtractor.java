// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.topics;

import io.hark.nlp.entities.AnnotatedText;
import io.hark.nlp.entities.NamedEntity;
import io.hark.nlp.entities.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks a few (at most {@link #MAX_TOPICS}) topic keys per mention that aggregate well across
 * mentions: hashtags, then entity names, then keyphrases, each kind in text order, deduplicated.
 *
 * <p>Keyphrases are noun phrases found with the POS pattern {@code (JJ|NN.*)* NN.*} within a
 * sentence, at most {@value #MAX_PHRASE_WORDS} words (the last ones: English heads come last),
 * lemmatized and lower-cased so "delayed flights" and "Delayed flight" share the key "delayed
 * flight". Stop words break phrases.
 *
 * <p>Works on an {@link AnnotatedText}, so the same CoreNLP pass serves NER and topics. Stateless
 * and thread-safe; never throws on the inputs it is given.
 */
public final class TopicExtractor {

    public static final int MAX_TOPICS = 8;
    static final int MAX_PHRASE_WORDS = 3;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * @param annotated the mention after {@link io.hark.nlp.entities.SocialTextAnnotator#annotate}
     * @param hashtags the platform's hashtag list (with or without '#'); may be null. Hashtags
     *     written in the text are added after these.
     * @param entities the mention's entities, e.g. from {@link
     *     io.hark.nlp.entities.EntityRecognizer}; may be null
     */
    public List<Topic> extract(
            AnnotatedText annotated, List<String> hashtags, List<NamedEntity> entities) {
        Map<String, Topic> ranked = new LinkedHashMap<>();
        if (hashtags != null) {
            for (String hashtag : hashtags) {
                add(ranked, hashtagKey(hashtag), Topic.Kind.HASHTAG);
            }
        }
        List<Token> tokens = annotated == null ? List.of() : annotated.tokens();
        for (Token token : tokens) {
            if (token.isHashtag()) {
                add(ranked, hashtagKey(token.word()), Topic.Kind.HASHTAG);
            }
        }
        if (entities != null) {
            for (NamedEntity entity : entities) {
                add(ranked, entity == null ? null : normalize(entity.text()), Topic.Kind.ENTITY);
            }
        }
        for (String keyphrase : keyphrases(tokens, entityWords(entities))) {
            // "london london" or "skyline air" in lower case (missed by the CRF) add nothing new.
            boolean wordsAlreadyTopics =
                    Arrays.stream(keyphrase.split(" ")).allMatch(ranked::containsKey);
            if (!wordsAlreadyTopics) {
                add(ranked, keyphrase, Topic.Kind.KEYPHRASE);
            }
        }
        return List.copyOf(ranked.values());
    }

    /** Just the keys of {@link #extract}, for callers that don't care about the kind. */
    public List<String> extractKeys(
            AnnotatedText annotated, List<String> hashtags, List<NamedEntity> entities) {
        return extract(annotated, hashtags, entities).stream().map(Topic::key).toList();
    }

    private static void add(Map<String, Topic> ranked, String key, Topic.Kind kind) {
        if (key != null && !key.isEmpty() && ranked.size() < MAX_TOPICS) {
            ranked.putIfAbsent(key, new Topic(key, kind));
        }
    }

    /**
     * "#BlueJetFail" → "bluejetfail": the tag as a whole, since splitting camelCase guesses wrong
     * too often.
     */
    static String hashtagKey(String hashtag) {
        if (hashtag == null) {
            return null;
        }
        String tag = hashtag.strip();
        while (tag.startsWith("#") || tag.startsWith("＃")) {
            tag = tag.substring(1);
        }
        // A tag ends where platforms end it: at the first char that is not a letter, digit, mark or
        // '_'.
        int end = 0;
        while (end < tag.length()) {
            int codePoint = tag.codePointAt(end);
            if (!(Character.isLetterOrDigit(codePoint)
                    || codePoint == '_'
                    || Character.getType(codePoint) == Character.NON_SPACING_MARK)) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        tag = tag.substring(0, end).toLowerCase(Locale.ROOT);
        return tag.codePoints().anyMatch(Character::isLetterOrDigit) ? tag : null;
    }

    /**
     * Words of the entities, lower-cased: they end a keyphrase, so a gazetteer name the CRF missed
     * ("Skyline Air customer service") does not leak into one ("air customer service").
     */
    private static Set<String> entityWords(List<NamedEntity> entities) {
        Set<String> words = new HashSet<>();
        if (entities != null) {
            for (NamedEntity entity : entities) {
                if (entity != null && entity.text() != null) {
                    words.addAll(
                            Arrays.asList(
                                    WHITESPACE.split(entity.text().toLowerCase(Locale.ROOT))));
                }
            }
        }
        return words;
    }

    static List<String> keyphrases(List<Token> tokens) {
        return keyphrases(tokens, Set.of());
    }

    static List<String> keyphrases(List<Token> tokens, Set<String> stopAt) {
        List<String> phrases = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean continuesRun =
                    isPhraseWordAt(tokens, i, stopAt)
                            && (i == runStart || sameChunk(tokens.get(i - 1), tokens.get(i)));
            if (!continuesRun) {
                String phrase = phraseOf(tokens, runStart, i);
                if (phrase != null) {
                    phrases.add(phrase);
                }
                runStart = isPhraseWordAt(tokens, i, stopAt) ? i : i + 1;
            }
        }
        return phrases;
    }

    /**
     * A phrase stays within a sentence and does not cross a name's edge: "Skyline Air customer
     * service" is the entity "skyline air" plus the keyphrase "customer service".
     */
    private static boolean sameChunk(Token previous, Token current) {
        return previous.sentence() == current.sentence()
                && "O".equals(previous.ner()) == "O".equals(current.ner());
    }

    private static boolean isPhraseWordAt(List<Token> tokens, int i, Set<String> stopAt) {
        return i < tokens.size()
                && isPhraseWord(tokens.get(i))
                && !stopAt.contains(tokens.get(i).word().toLowerCase(Locale.ROOT));
    }

    /**
     * The noun phrase in run {@code [start, end)}: trailing adjectives dropped, last words kept.
     */
    private static String phraseOf(List<Token> tokens, int start, int end) {
        int last = end - 1;
        while (last >= start && !isNoun(tokens.get(last))) {
            last--;
        }
        if (last < start) {
            return null;
        }
        int first = Math.max(start, last - MAX_PHRASE_WORDS + 1);
        boolean allNamedEntity = true;
        StringBuilder phrase = new StringBuilder();
        for (int i = first; i <= last; i++) {
            Token token = tokens.get(i);
            allNamedEntity &= !"O".equals(token.ner());
            if (phrase.length() > 0) {
                phrase.append(' ');
            }
            phrase.append(lemmaOf(token));
        }
        // Names are covered by the entity topics, in their proper spelling.
        return allNamedEntity ? null : phrase.toString();
    }

    private static boolean isPhraseWord(Token token) {
        String tag = token.tag();
        boolean nounOrAdjective = tag.startsWith("NN") || tag.startsWith("JJ");
        return nounOrAdjective
                && !token.isHashtag()
                && !token.isHandle()
                && !token.isUrl()
                && token.word().length() > 1
                && token.word().codePoints().anyMatch(Character::isLetter)
                && !StopWords.contains(lemmaOf(token))
                && !StopWords.contains(token.word().toLowerCase(Locale.ROOT));
    }

    private static boolean isNoun(Token token) {
        return token.tag().startsWith("NN");
    }

    private static String lemmaOf(Token token) {
        return token.lemma().toLowerCase(Locale.ROOT);
    }

    private static String normalize(String text) {
        return text == null
                ? null
                : WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
