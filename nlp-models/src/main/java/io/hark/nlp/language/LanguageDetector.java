// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.hark.nlp.text.TextCap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Detects the language of a mention, restricted to the languages Hark supports.
 *
 * <p>Returns an ISO 639-1 code ("en", "es", ...) or {@link #UNDETERMINED} when the text is too
 * short to judge or the best language is not clearly ahead. Never throws.
 *
 * <p>A text with a few English-only function words and none of another supported language's is
 * English without lingua ({@link #readsAsEnglish}). Otherwise lingua's low-accuracy mode answers
 * texts of {@link #QUICK_MIN_LETTERS} letters or more when it is sure; its high-accuracy mode, with
 * its models preloaded, the rest. Measured for the seven languages ({@code
 * LanguageDetectorBenchmark}, busy 2-core machine): high accuracy loads in ~3.5 s, retains ~190 MB
 * of heap and scores ~2,400-4,600 tweets/s per caller; low accuracy (trigrams only) loads in ~0.4
 * s, retains ~13 MB and scores ~8,000-13,000 tweets/s. Either is far faster than NER, and tweets
 * are mostly under 120 characters, exactly where low accuracy loses (on 21 two-to-five-word
 * phrases: high 21 right, low 20 and one wrong). Preloading moves the load to {@link #shared()}
 * instead of pausing the first mentions of each language.
 *
 * <p>Thread-safe: lingua's detector keeps its models in static, read-only maps after loading. Note
 * that lingua fans each call out over {@link java.util.concurrent.ForkJoinPool#commonPool()}.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";

    /** The languages Hark supports; anything else detected is reported as one of these or "und". */
    public static final List<Language> SUPPORTED_LANGUAGES =
            List.of(
                    Language.ENGLISH,
                    Language.SPANISH,
                    Language.FRENCH,
                    Language.GERMAN,
                    Language.PORTUGUESE,
                    Language.ITALIAN,
                    Language.DUTCH);

    private static final Set<String> SUPPORTED_CODES =
            SUPPORTED_LANGUAGES.stream()
                    .map(language -> language.getIsoCode639_1().name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());

    /** Below this many letters (after cleaning) n-gram statistics are mostly noise. */
    static final int MIN_LETTERS = 8;

    /** Minimum confidence (lingua's values sum to 1 over the candidate languages). */
    static final double MIN_CONFIDENCE = 0.5;

    /**
     * Only the first characters are scored: language rarely changes within a post, and lingua's
     * cost grows with the length, so this bounds the time per text.
     */
    static final int MAX_CHARS = 1_000;

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_]+");
    private static final Pattern HASH =
            Pattern.compile("(?<![\\p{L}\\p{N}_&])#(?=[\\p{L}\\p{N}_])");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]+");

    /**
     * How sure lingua's low-accuracy mode must be, and how many letters the text must have, for the
     * low-accuracy answer to stand without the high-accuracy mode: short texts are where the two
     * differ. Chosen with {@code bench nlp} on semeval-2016devtest.tsv: 99.65% of its 2,000 tweets
     * get the language the high-accuracy mode alone gives (99.55% with 40 letters).
     */
    static final double QUICK_CONFIDENCE = 0.9;

    static final int QUICK_MIN_LETTERS = 50;

    /**
     * Function words that no other supported language writes the same way. A text with {@link
     * #ENGLISH_WORDS_ENOUGH} of them and none of {@link #OTHER_FUNCTION_WORDS} is English without
     * asking lingua: most English posts say so in their first few words, and lingua costs a quarter
     * of an enrichment without the platform's language.
     */
    private static final Set<String> ENGLISH_ONLY_FUNCTION_WORDS =
            Set.of(
                    "the", "and", "you", "to", "of", "that", "for", "with", "this", "are", "have",
                    "my", "your", "be", "it's", "i'm", "just", "but", "at", "what", "when", "can",
                    "don't", "from", "they", "their", "there", "been", "about", "would", "could",
                    "should", "because", "get", "got", "know", "like", "our");

    /**
     * Function words of the other supported languages (Spanish, French, German, Portuguese,
     * Italian, Dutch): one of them sends the text to lingua, however many English words it has.
     */
    private static final Set<String> OTHER_FUNCTION_WORDS =
            Set.of(
                    "el", "los", "las", "que", "por", "para", "con", "una", "del", "es", "y", "muy",
                    "pero", "como", "más", "está", "le", "les", "des", "est", "et", "une", "pour",
                    "pas", "dans", "qui", "sur", "avec", "je", "vous", "nous", "c'est", "au", "aux",
                    "der", "die", "das", "und", "ist", "nicht", "ich", "mit", "ein", "eine", "auf",
                    "für", "sie", "wir", "auch", "sich", "dem", "den", "não", "com", "uma", "os",
                    "em", "da", "é", "eu", "você", "muito", "il", "di", "che", "è", "non", "per",
                    "sono", "della", "anche", "ma", "gli", "de", "het", "een", "en", "niet", "van",
                    "ik", "dat", "met", "voor", "op", "zijn");

    /**
     * Chosen on semeval-2016dev, semeval-2016devtest and semeval-2013dev (5,653 tweets with enough
     * letters): with two words 88.1% of them are decided so, and 11 of those get another language
     * than lingua's high-accuracy mode gives, each an English tweet that lingua calls German or
     * Dutch ("the 22nd GS", "my 19th birthday"). English words that other languages write the same
     * way ("was", "will", "we", "in") count for neither.
     */
    static final int ENGLISH_WORDS_ENOUGH = 2;

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+(?:'[\\p{L}]+)?");

    private final com.github.pemistahl.lingua.api.LanguageDetector detector;

    /** Trigrams only, tried first; null to use {@link #detector} alone. */
    private final com.github.pemistahl.lingua.api.LanguageDetector quick;

    private LanguageDetector(
            com.github.pemistahl.lingua.api.LanguageDetector detector,
            com.github.pemistahl.lingua.api.LanguageDetector quick) {
        this.detector = detector;
        this.quick = quick;
    }

    /**
     * The one instance per JVM; the first call loads the models (see class comment). A text that
     * {@link #readsAsEnglish} is English; for another of {@link #QUICK_MIN_LETTERS} letters or more
     * it asks lingua's low-accuracy mode first, about a third of the cost, and the high-accuracy
     * mode only when the first is not {@link #QUICK_CONFIDENCE} sure; shorter texts of {@link
     * #MIN_LETTERS} letters or more go to the high-accuracy mode alone.
     */
    public static LanguageDetector shared() {
        return Holder.SHARED;
    }

    /**
     * The high-accuracy mode alone, as Hark detected before (no function words either): {@code
     * bench nlp}'s baseline.
     */
    public static LanguageDetector reference() {
        return Holder.REFERENCE;
    }

    private static final class Holder {
        static final com.github.pemistahl.lingua.api.LanguageDetector HIGH_ACCURACY = lingua(false);
        static final LanguageDetector SHARED = new LanguageDetector(HIGH_ACCURACY, lingua(true));
        static final LanguageDetector REFERENCE = new LanguageDetector(HIGH_ACCURACY, null);
    }

    /**
     * A new detector; prefer {@link #shared()}. Low-accuracy mode uses trigrams only: smaller and
     * faster but noticeably worse on short texts. Package-private for the benchmark.
     */
    static LanguageDetector create(boolean lowAccuracy) {
        return new LanguageDetector(lingua(lowAccuracy), null);
    }

    private static com.github.pemistahl.lingua.api.LanguageDetector lingua(boolean lowAccuracy) {
        LanguageDetectorBuilder builder =
                LanguageDetectorBuilder.fromLanguages(SUPPORTED_LANGUAGES.toArray(Language[]::new))
                        .withPreloadedLanguageModels();
        if (lowAccuracy) {
            builder = builder.withLowAccuracyMode();
        }
        return builder.build();
    }

    /**
     * The platform's own language code when it names a supported language ({@code "en"}, {@code
     * "EN"}, {@code "en-GB"}: X, Reddit and others detect it per post), else {@link #detect}. An
     * unsupported or non-committal claim ({@code "und"}, X's {@code "qme"}, {@code "ja"}) is
     * detected again, so the answer stays one of {@link #SUPPORTED_LANGUAGES} or {@link
     * #UNDETERMINED}, as before.
     *
     * @param claimed the mention's {@code lang} as the platform gave it; may be null
     */
    public String detect(String text, String claimed) {
        String code = supportedCode(claimed);
        return code != null ? code : detect(text);
    }

    private static String supportedCode(String claimed) {
        if (claimed == null) {
            return null;
        }
        int subtag = claimed.indexOf('-');
        String primary =
                (subtag < 0 ? claimed : claimed.substring(0, subtag))
                        .strip()
                        .toLowerCase(Locale.ROOT);
        return SUPPORTED_CODES.contains(primary) ? primary : null;
    }

    /** ISO 639-1 code of the text's language, or {@link #UNDETERMINED}. */
    public String detect(String text) {
        String cleaned = clean(text);
        int letters = countLetters(cleaned);
        if (letters < MIN_LETTERS) {
            return UNDETERMINED;
        }
        if (quick != null && readsAsEnglish(cleaned)) {
            return "en";
        }
        try {
            if (quick != null && letters >= QUICK_MIN_LETTERS) {
                Map.Entry<Language, Double> sure = best(quick, cleaned);
                if (sure != null && sure.getValue() >= QUICK_CONFIDENCE) {
                    return code(sure.getKey());
                }
            }
            Map.Entry<Language, Double> best = best(detector, cleaned);
            return best == null || best.getValue() < MIN_CONFIDENCE
                    ? UNDETERMINED
                    : code(best.getKey());
        } catch (RuntimeException e) {
            // A detector failure must not drop the mention; "und" is the honest answer.
            return UNDETERMINED;
        }
    }

    /** The most likely language and lingua's confidence in it, or null if it names none. */
    private static Map.Entry<Language, Double> best(
            com.github.pemistahl.lingua.api.LanguageDetector lingua, String text) {
        SortedMap<Language, Double> confidences = lingua.computeLanguageConfidenceValues(text);
        if (confidences.isEmpty()) {
            return null;
        }
        // SortedMap is ordered by descending confidence.
        Map.Entry<Language, Double> best = confidences.entrySet().iterator().next();
        return best.getKey() == Language.UNKNOWN ? null : best;
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Removes what says nothing about the language: URLs, @handles, the '#' of hashtags, control
     * chars.
     */
    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String capped = TextCap.capAtBoundary(text, MAX_CHARS);
        String withoutInvisible = INVISIBLE.matcher(capped).replaceAll(" ");
        String withoutUrls = URL.matcher(withoutInvisible).replaceAll(" ");
        String withoutHandles = HANDLE.matcher(withoutUrls).replaceAll(" ");
        return HASH.matcher(withoutHandles).replaceAll("").strip();
    }

    /**
     * Whether the text has {@link #ENGLISH_WORDS_ENOUGH} English-only function words and no
     * function word of another supported language.
     */
    static boolean readsAsEnglish(String cleaned) {
        int english = 0;
        Matcher words = WORD.matcher(cleaned.replace('\u2019', '\''));
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            if (OTHER_FUNCTION_WORDS.contains(word)) {
                return false;
            }
            if (ENGLISH_ONLY_FUNCTION_WORDS.contains(word)) {
                english++;
            }
        }
        return english >= ENGLISH_WORDS_ENOUGH;
    }

    private static int countLetters(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }
}
