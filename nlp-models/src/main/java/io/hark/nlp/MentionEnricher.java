// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

import io.hark.nlp.entities.AnnotatedText;
import io.hark.nlp.entities.EntityRecognizer;
import io.hark.nlp.entities.NamedEntity;
import io.hark.nlp.entities.SocialTextAnnotator;
import io.hark.nlp.language.LanguageDetector;
import io.hark.nlp.sentiment.TweetFeatures;
import io.hark.nlp.sentiment.TweetSentiment;
import io.hark.nlp.text.RecentResults;
import io.hark.nlp.text.TextCap;
import io.hark.nlp.topics.TopicExtractor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hark's enrichment of a mention's text: language, tweet-tuned sentiment, entities (CoreNLP's fast
 * NER plus a gazetteer) and topics. Thread-safe; the models load once per JVM.
 *
 * <p>The language is the platform's when it names one Hark supports, else detected. Sentiment,
 * entities and keyphrases need English models, so they run only on text in English or undetermined;
 * other languages keep their language and hashtag topics. Results are cached by text, because
 * reposts and copy-paste campaigns repeat the same text many times; a repost ({@code RT @user:
 * text}) reuses its original's enrichment.
 *
 * <p>Only the first {@link #MAX_TEXT_CHARS} characters of a text are read, cut at whitespace: no
 * stage looks further, and the cache, keyed by what is read, stays bounded however long the texts.
 */
public final class MentionEnricher {
    public static final String FLAG_SENTIMENT_UNSUPPORTED_LANGUAGE =
            "sentiment_unsupported_language";
    public static final String FLAG_NLP_FAILED = "nlp_failed";
    private static final Set<String> ENGLISH_MODELS = Set.of("en", "und");

    /** The most any stage reads: sentiment's features; language and entities read less. */
    public static final int MAX_TEXT_CHARS = TweetFeatures.MAX_CHARS;

    private static final int CACHE_SIZE = 10_000;

    /** A repost's text is the original's behind this prefix: both share one cache entry. */
    private static final Pattern REPOST_PREFIX = Pattern.compile("^RT @\\w+:\\s*");

    private final LanguageDetector languages;
    private final TweetSentiment sentiment;
    private final SocialTextAnnotator annotator;
    private final EntityRecognizer entities;
    private final TopicExtractor topics = new TopicExtractor();
    private final Map<String, Enrichment> cache =
            Collections.synchronizedMap(RecentResults.upTo(CACHE_SIZE));

    /**
     * @param gazetteer names of brands, products and people to recognise, with their entity type
     */
    public MentionEnricher(Map<String, String> gazetteer) {
        this(gazetteer, TweetSentiment.shared());
    }

    /**
     * @param sentiment the whole-text sentiment model, such as a domain-adapted one
     */
    public MentionEnricher(Map<String, String> gazetteer, TweetSentiment sentiment) {
        this(gazetteer, sentiment, SocialTextAnnotator.shared(), LanguageDetector.shared());
    }

    private MentionEnricher(
            Map<String, String> gazetteer,
            TweetSentiment sentiment,
            SocialTextAnnotator annotator,
            LanguageDetector languages) {
        this.annotator = annotator;
        this.languages = languages;
        this.entities = new EntityRecognizer(annotator, gazetteer);
        this.sentiment = sentiment;
    }

    /**
     * The enrichment as Hark did it before its shortcuts (CoreNLP's tagger on every text, lingua's
     * high-accuracy mode alone): the baseline {@code bench nlp} and the agreement test measure the
     * shipped enrichment against.
     */
    public static MentionEnricher reference(
            Map<String, String> gazetteer, TweetSentiment sentiment) {
        return new MentionEnricher(
                gazetteer,
                sentiment,
                SocialTextAnnotator.reference(),
                LanguageDetector.reference());
    }

    /**
     * @param platformLang the mention's {@code lang} as the platform gave it, or null
     * @param hashtags the platform's hashtags of the mention (they rank first among topics)
     */
    public Enrichment enrich(String text, String platformLang, List<String> hashtags) {
        String original = readText(text);
        String key = original + '\u0000' + platformLang + '\u0000' + hashtags;
        Enrichment cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Enrichment result = compute(original, platformLang, hashtags);
        cache.put(key, result);
        return result;
    }

    /**
     * The part of a mention's text that enrichment reads: without a repost's prefix, cut at {@link
     * #MAX_TEXT_CHARS}.
     */
    public static String readText(String text) {
        return text == null
                ? ""
                : TextCap.capAtBoundary(
                        REPOST_PREFIX.matcher(text).replaceFirst(""), MAX_TEXT_CHARS);
    }

    private Enrichment compute(String text, String platformLang, List<String> hashtags) {
        List<String> flags = new ArrayList<>();
        String language = languages.detect(text, platformLang);
        if (!ENGLISH_MODELS.contains(language)) {
            flags.add(FLAG_SENTIMENT_UNSUPPORTED_LANGUAGE);
            return new Enrichment(
                    language, null, List.of(), hashtagTopics(hashtags), List.copyOf(flags));
        }
        try {
            AnnotatedText annotated = annotator.annotate(text);
            List<NamedEntity> found = entities.recognize(annotated);
            return new Enrichment(
                    language,
                    sentiment.analyze(text),
                    found,
                    topics.extractKeys(annotated, hashtags, found),
                    List.copyOf(flags));
        } catch (RuntimeException e) {
            // A text that trips CoreNLP keeps what is known; the flag makes it findable.
            flags.add(FLAG_NLP_FAILED);
            return new Enrichment(
                    language,
                    sentiment.analyze(text),
                    List.of(),
                    hashtagTopics(hashtags),
                    List.copyOf(flags));
        }
    }

    private static List<String> hashtagTopics(List<String> hashtags) {
        return hashtags.stream()
                .map(tag -> tag.toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .limit(8)
                .toList();
    }
}
