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
 * <p>Lingua runs in high-accuracy mode with its models preloaded. Measured for the seven languages
 * ({@code LanguageDetectorBenchmark}, busy 2-core machine): high accuracy loads in ~3.5 s, retains
 * ~190 MB of heap and scores ~2,400-4,600 tweets/s per caller; low accuracy (trigrams only) loads
 * in ~0.4 s, retains ~13 MB and scores ~8,000-13,000 tweets/s. Either is far faster than NER, and
 * tweets are mostly under 120 characters, exactly where low accuracy loses (on 21 two-to-five-word
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

    private final com.github.pemistahl.lingua.api.LanguageDetector detector;

    private LanguageDetector(com.github.pemistahl.lingua.api.LanguageDetector detector) {
        this.detector = detector;
    }

    /** The one instance per JVM; the first call loads the models (see class comment). */
    public static LanguageDetector shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final LanguageDetector INSTANCE = create(false);
    }

    /**
     * A new detector; prefer {@link #shared()}. Low-accuracy mode uses trigrams only: smaller and
     * faster but noticeably worse on short texts. Package-private for the benchmark.
     */
    static LanguageDetector create(boolean lowAccuracy) {
        LanguageDetectorBuilder builder =
                LanguageDetectorBuilder.fromLanguages(SUPPORTED_LANGUAGES.toArray(Language[]::new))
                        .withPreloadedLanguageModels();
        if (lowAccuracy) {
            builder = builder.withLowAccuracyMode();
        }
        return new LanguageDetector(builder.build());
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
        if (countLetters(cleaned) < MIN_LETTERS) {
            return UNDETERMINED;
        }
        try {
            SortedMap<Language, Double> confidences =
                    detector.computeLanguageConfidenceValues(cleaned);
            if (confidences.isEmpty()) {
                return UNDETERMINED;
            }
            // SortedMap is ordered by descending confidence.
            Map.Entry<Language, Double> best = confidences.entrySet().iterator().next();
            if (best.getKey() == Language.UNKNOWN || best.getValue() < MIN_CONFIDENCE) {
                return UNDETERMINED;
            }
            return best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            // A detector failure must not drop the mention; "und" is the honest answer.
            return UNDETERMINED;
        }
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
