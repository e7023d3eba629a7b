// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes tweets and similar social text for bag-of-words models. Plain Java, stateless and
 * thread-safe; linear in the length of the text.
 *
 * <p>What it does, in order: decodes HTML entities (twice, because tweets are often escaped twice),
 * drops invisible format characters (zero-width spaces and joiners, bidi marks, variation
 * selectors, skin tones), strips leading {@code RT @user:} prefixes, then tokenizes: URLs become
 * {@value #URL}, @handles {@value #USER}, hashtags their camel-case-split words, polar emoticons
 * and emoji {@code EMO_POS}/{@code EMO_NEG} (see {@link Emoticons}), letters repeated three or more
 * times are cut to two, runs of {@code !}/{@code ?} to two, and everything is lower-cased. Words
 * after a negation cue get {@value #NEGATED_SUFFIX} up to the next punctuation.
 *
 * <p>Only the first {@link #MAX_CHARS} characters are read (cut at whitespace), so spam signals and
 * copy fingerprints, which read through here, take bounded time whatever a platform sends.
 */
public final class SocialTextNormalizer {
    public static final String URL = "URL";
    public static final String USER = "USER";
    public static final String NEGATED_SUFFIX = "_NEG";

    /** Whether a token of {@code negationMarkedTokens()} is in a negation's scope. */
    public static boolean isNegated(String markedToken) {
        return markedToken.endsWith(NEGATED_SUFFIX);
    }

    /** The word of a negation-marked token, without the mark. */
    public static String unmarked(String markedToken) {
        return isNegated(markedToken)
                ? markedToken.substring(0, markedToken.length() - NEGATED_SUFFIX.length())
                : markedToken;
    }

    /** The listen job's default --max-text-chars: within it, texts are read whole. */
    public static final int MAX_CHARS = 40_000;

    private static final Pattern HTML_ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED_ENTITIES =
            Map.ofEntries(
                    Map.entry("amp", "&"),
                    Map.entry("lt", "<"),
                    Map.entry("gt", ">"),
                    Map.entry("quot", "\""),
                    Map.entry("apos", "'"),
                    Map.entry("nbsp", " "),
                    Map.entry("hellip", "…"),
                    Map.entry("mdash", "—"),
                    Map.entry("ndash", "–"),
                    Map.entry("rsquo", "'"),
                    Map.entry("lsquo", "'"),
                    Map.entry("rdquo", "\""),
                    Map.entry("ldquo", "\""),
                    Map.entry("heart", "♥"));

    /**
     * Zero-width, bidi and other format characters (Cf), variation selectors and skin-tone
     * modifiers.
     */
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\p{Cf}\\x{FE00}-\\x{FE0F}\\x{1F3FB}-\\x{1F3FF}]+");

    private static final Pattern RETWEET_PREFIX =
            Pattern.compile("\\s*(?:RT|rt)\\s*@\\w+\\s*:?\\s*");

    private static final String PUNCTUATION = "[!?.,;:…]";
    // Repeated groups are bounded ({0,3}) or single-character: java.util.regex recurses once per
    // repetition of a variable-length group, so "a'a'a'..." of a megabyte would overflow the stack.
    private static final Pattern TOKEN =
            Pattern.compile(
                    "(?<url>(?:https?://|www\\.)(?:(?!https?://)[^\\s<>\"])*(?!https?://)[^\\s<>\".,!?;:)\\]}'’”…])"
                            + "|(?<user>@\\w{1,50})"
                            + "|(?<hashtag>#[\\p{L}\\p{M}\\p{N}_]+)"
                            + "|(?<emoticon>"
                            + Emoticons.EMOTICON_PATTERN
                            + ")"
                            + "|(?<word>[\\p{L}\\p{M}\\p{N}]+(?:['’][\\p{L}\\p{M}\\p{N}]+){0,3})"
                            + "|(?<punct>"
                            + PUNCTUATION
                            + "+)"
                            + "|(?<other>\\S)",
                    Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern CAMEL_BOUNDARY =
            Pattern.compile(
                    "_+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

    private static final Set<String> NEGATION_WORDS =
            Set.of(
                    "not",
                    "no",
                    "never",
                    "cannot",
                    "nothing",
                    "nobody",
                    "none",
                    "nowhere",
                    "neither",
                    "nor",
                    "without",
                    "aint",
                    "dont",
                    "cant",
                    "wont",
                    "isnt",
                    "arent",
                    "wasnt",
                    "werent",
                    "didnt",
                    "doesnt",
                    "couldnt",
                    "shouldnt",
                    "wouldnt",
                    "havent",
                    "hasnt",
                    "hadnt",
                    "mustnt",
                    "neednt");

    private static final SocialTextNormalizer INSTANCE = new SocialTextNormalizer();

    private SocialTextNormalizer() {}

    public static SocialTextNormalizer instance() {
        return INSTANCE;
    }

    /** Normalizes {@code text}; null and blank give an empty result. */
    public NormalizedText normalize(String text) {
        Builder out = new Builder();
        if (text == null || text.isBlank()) {
            return out.build();
        }
        String cleaned =
                decodeHtmlEntities(decodeHtmlEntities(TextCap.capAtBoundary(text, MAX_CHARS)));
        cleaned = INVISIBLE.matcher(cleaned).replaceAll("");
        cleaned = stripRetweetPrefixes(cleaned);
        Matcher m = TOKEN.matcher(cleaned);
        while (m.find()) {
            if (m.start("url") >= 0) {
                out.special(URL);
                out.urls++;
            } else if (m.start("user") >= 0) {
                out.handles.add(m.group("user").substring(1).toLowerCase(Locale.ROOT));
                out.special(USER);
            } else if (m.start("hashtag") >= 0) {
                addHashtag(m.group("hashtag").substring(1), out);
            } else if (m.start("emoticon") >= 0) {
                out.emotion(Emoticons.emoticonPolarity(m.group("emoticon")));
            } else if (m.start("word") >= 0) {
                out.word(m.group("word"));
            } else if (m.start("punct") >= 0) {
                out.punctuation(m.group("punct"));
            } else {
                String symbol = m.group("other");
                String polarity = Emoticons.emojiPolarity(symbol.codePointAt(0));
                if (polarity != null) {
                    out.emotion(polarity);
                } else {
                    out.special(symbol);
                }
            }
        }
        return out.build();
    }

    private static void addHashtag(String tag, Builder out) {
        out.hashtags.add(tag.toLowerCase(Locale.ROOT));
        for (String part : CAMEL_BOUNDARY.split(tag)) {
            if (!part.isEmpty()) {
                out.word(part);
            }
        }
    }

    static String decodeHtmlEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = HTML_ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(decodeEntity(m.group(1), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String decodeEntity(String name, String whole) {
        if (name.charAt(0) != '#') {
            return NAMED_ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), whole);
        }
        try {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int codePoint =
                    hex
                            ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(codePoint) && codePoint != 0
                    ? Character.toString(codePoint)
                    : whole;
        } catch (NumberFormatException e) {
            return whole;
        }
    }

    /** Strips any number of leading {@code RT @user:} prefixes, in linear time. */
    private static String stripRetweetPrefixes(String text) {
        Matcher m = RETWEET_PREFIX.matcher(text);
        int start = 0;
        while (m.region(start, text.length()).lookingAt() && m.end() > start) {
            start = m.end();
        }
        return text.substring(start);
    }

    /** Collects tokens and cues; tracks the open negation scope. */
    private static final class Builder {
        final List<String> tokens = new ArrayList<>();
        final List<String> negated = new ArrayList<>();
        final List<String> handles = new ArrayList<>();
        final List<String> hashtags = new ArrayList<>();
        int positive, negative, elongated, exclamations, questions, allCaps, urls, negations;
        boolean inNegationScope;

        void special(String token) {
            tokens.add(token);
            negated.add(token);
        }

        void emotion(String polarity) {
            if (polarity.equals(Emoticons.POSITIVE)) {
                positive++;
            } else {
                negative++;
            }
            // An emoticon closes a clause as punctuation does.
            inNegationScope = false;
            special(polarity);
        }

        void word(String raw) {
            if (isAllCaps(raw)) {
                allCaps++;
            }
            String word = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
            Matcher elongation = ELONGATION.matcher(word);
            if (elongation.find()) {
                elongated++;
                word = elongation.replaceAll("$1$1");
            }
            tokens.add(word);
            negated.add(inNegationScope ? word + NEGATED_SUFFIX : word);
            if (isNegation(word)) {
                negations++;
                inNegationScope = true;
            }
        }

        void punctuation(String run) {
            inNegationScope = false;
            boolean hasBang = run.indexOf('!') >= 0;
            boolean hasQuestion = run.indexOf('?') >= 0;
            String token;
            if (hasBang || hasQuestion) {
                boolean repeated = run.length() > 1;
                if (hasBang && repeated) {
                    exclamations++;
                } else if (hasQuestion && repeated) {
                    questions++;
                }
                token = hasBang && hasQuestion ? "?!" : (hasBang ? "!" : "?");
                if (repeated && token.length() == 1) {
                    token = token + token;
                }
            } else if (run.length() > 1 && (run.startsWith("..") || run.contains("…"))) {
                token = "...";
            } else {
                token = run.substring(0, 1);
            }
            special(token);
        }

        NormalizedText build() {
            return new NormalizedText(
                    tokens,
                    negated,
                    handles,
                    hashtags,
                    new NormalizedText.Cues(
                            positive,
                            negative,
                            elongated,
                            exclamations,
                            questions,
                            allCaps,
                            urls,
                            negations));
        }

        private static boolean isNegation(String word) {
            return NEGATION_WORDS.contains(word) || word.endsWith("n't");
        }

        private static boolean isAllCaps(String word) {
            int letters = 0;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isLowerCase(c)) {
                    return false;
                }
                if (Character.isUpperCase(c)) {
                    letters++;
                }
            }
            return letters >= 2;
        }
    }
}
