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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Detects the language of a mention, restricted to the languages Hark supports.
 *
 * <p>Returns an ISO 639-1 code ("en", "es", ...) or {@link #UNDETERMINED} when the text is too
 * short to judge or the best language is not clearly ahead. Never throws.
 *
 * <p>Lingua's low-accuracy mode answers texts of {@link #QUICK_MIN_LETTERS} letters or more when it
 * is sure; its high-accuracy mode, with its models preloaded, the rest. Measured for the seven
 * languages ({@code LanguageDetectorBenchmark}, busy 2-core machine): high accuracy loads in ~3.5
 * s, retains ~190 MB of heap and scores ~2,400-4,600 tweets/s per caller; low accuracy (trigrams
 * only) loads in ~0.4 s, retains ~13 MB and scores ~8,000-13,000 tweets/s. Either is far faster
 * than NER, and tweets are mostly under 120 characters, exactly where low accuracy loses (on 21
 * two-to-five-word phrases: high 21 right, low 20 and one wrong). Preloading moves the load to
 * {@link #shared()} instead of pausing the first mentions of each language.
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
     * The one instance per JVM; the first call loads the models (see class comment). For a text of
     * {@link #QUICK_MIN_LETTERS} letters or more it asks lingua's low-accuracy mode first, about a
     * third of the cost, and the high-accuracy mode only when the first is not {@link
     * #QUICK_CONFIDENCE} sure; shorter texts of {@link #MIN_LETTERS} letters or more go to the
     * high-accuracy mode alone.
     */
    public static LanguageDetector shared() {
        return Holder.SHARED;
    }

    /** The high-accuracy mode alone, as Hark detected before: {@code bench nlp}'s baseline. */
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

    private static int countLetters(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }
}
