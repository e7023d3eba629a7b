// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a target occurs in a text, for {@link TargetedSentiment}: the sentences around its
 * mentions, the words just before and after, and whether a comparative puts the target ahead of
 * something else ("Forkly > DashBite", "better than DashBite", "switched from DashBite to Forkly")
 * or behind it. Stateless and thread-safe; linear in the length of the text (the comparative
 * patterns look at a bounded window around each mention).
 */
final class TargetContext {
    /** Which side of a comparative the target is on. */
    enum Side {
        NONE,
        AHEAD,
        BEHIND
    }

    /**
     * The target's surroundings.
     *
     * @param sentences the sentences from the first mention's to the last one's (the whole text
     *     when it has one sentence)
     * @param wholeText whether {@code sentences} is the whole text
     * @param before the words just before the first mention, within its sentence
     * @param after the words just after the first mention, within its sentence
     * @param side the first comparative found around a mention
     * @param tagged whether a mention is written as a hashtag or handle
     * @param leading whether the text starts with a mention (usually addressing the target)
     */
    record Mention(
            String sentences,
            boolean wholeText,
            String before,
            String after,
            Side side,
            boolean tagged,
            boolean leading) {}

    /** Characters of context read on each side of a mention for the nearby words. */
    private static final int NEAR_CHARS = 40;

    /** Characters before a mention that the comparative patterns read. */
    private static final int COMPARATIVE_WINDOW = 60;

    /** Ends of sentences and clause breaks that usually change the subject or the stance. */
    private static final Pattern BREAK =
            Pattern.compile("[.!?;\\n]+(?=\\s|$)|\\s+(?:but|however|although|though|whereas)\\s+");

    private static final String BETTER = "(?:better|superior|nicer|faster|cheaper|smarter|best)";
    private static final String WORSE = "(?:worse|inferior|slower|worst)";
    private static final String INTENSIFIERS =
            "(?:(?:is|are|was|were|'s|still|so|way|much|far|even|just|a lot)\\s+){0,3}";

    /** Words that open a change of supplier: "switched to Y", "switched from X to Y". */
    private static final String SWITCH = "(?:switch\\w*|mov(?:e|ed|ing)|chang\\w*|convert\\w*)";

    /** Only with "from X to Y": "going to Y" alone is mostly a visit. */
    private static final String GO =
            "(?:switch\\w*|mov(?:e|ed|ing)|chang\\w*|convert\\w*|went|go|going|came)";

    /** Read right after a mention. */
    private static final Pattern AHEAD_AFTER =
            Pattern.compile(
                    "\\s*(?:>+|≫)\\s*(?=[@#\\p{L}\\p{N}])|(?:'s)?\\s+"
                            + INTENSIFIERS
                            + BETTER
                            + "\\s+(?:than|to)\\b"
                            + "|\\s+(?:beats?|destroys?|crushes)\\s");

    private static final Pattern BEHIND_AFTER =
            Pattern.compile(
                    "\\s*<+\\s*(?=[@#\\p{L}])|(?:'s)?\\s+" + INTENSIFIERS + WORSE + "\\s+than\\b");

    /** Read right before a mention (they end at it). */
    private static final Pattern AHEAD_BEFORE =
            Pattern.compile(
                    "(?:"
                            + WORSE
                            + "\\s+than|<+|"
                            + SWITCH
                            + "\\s+(?:back\\s+)?to|"
                            + GO
                            + "\\s+(?:back\\s+)?from\\s+\\S+(?:\\s+\\S+){0,2}?\\s+to|"
                            + "ditch\\w*\\s+\\S+(?:\\s+\\S+){0,2}?\\s+for|prefer\\w*)\\s*[@#]?$");

    private static final Pattern BEHIND_BEFORE =
            Pattern.compile(
                    "(?:"
                            + BETTER
                            + "\\s+(?:than|to)|>+|≫|"
                            + GO
                            + "\\s+(?:back\\s+)?from|ditch\\w*|"
                            + "(?:prefer\\w*|chose|choose|pick\\w*)\\s+\\S+(?:\\s+\\S+){0,2}?\\s+(?:over|to)|instead\\s+of|rather\\s+than|"
                            + "(?:beats?|destroys?|crushes))\\s*[@#]?$");

    private TargetContext() {}

    /**
     * The target's surroundings in {@code text}, or null when none of {@code targets} occurs in it.
     * A target matches case-insensitively as whole words, with or without a leading {@code @} or
     * {@code #} and with or without the spaces, dashes or underscores between its words (so "ant
     * man" finds "#AntMan" and "Ant-Man").
     */
    static Mention find(String text, List<String> targets) {
        if (text == null || targets == null) {
            return null;
        }
        Pattern pattern = targetPattern(targets);
        if (pattern == null) {
            return null;
        }
        String lower =
                decodeComparisonSigns(
                                text.length() > TweetFeatures.MAX_CHARS
                                        ? text.substring(0, TweetFeatures.MAX_CHARS)
                                        : text)
                        .toLowerCase(Locale.ROOT);
        Matcher m = pattern.matcher(lower);
        List<int[]> mentions = new ArrayList<>();
        while (m.find()) {
            mentions.add(new int[] {m.start(), m.end()});
        }
        if (mentions.isEmpty()) {
            return null;
        }
        List<int[]> breaks = new ArrayList<>();
        Matcher b = BREAK.matcher(lower);
        while (b.find()) {
            breaks.add(new int[] {b.start(), b.end()});
        }
        int[] first = mentions.get(0);
        int[] last = mentions.get(mentions.size() - 1);
        int firstSentenceStart = sentenceStart(breaks, first[0]);
        int firstSentenceEnd = sentenceEnd(breaks, first[1], lower.length());
        int start = firstSentenceStart;
        int end = sentenceEnd(breaks, last[1], lower.length());
        Side side = Side.NONE;
        boolean tagged = false;
        for (int[] mention : mentions) {
            tagged |= lower.charAt(mention[0]) == '@' || lower.charAt(mention[0]) == '#';
            if (side == Side.NONE) {
                side = side(lower, mention);
            }
        }
        return new Mention(
                lower.substring(start, end).strip(),
                start == 0 && end == lower.length(),
                lower.substring(Math.max(firstSentenceStart, first[0] - NEAR_CHARS), first[0]),
                lower.substring(first[1], Math.min(firstSentenceEnd, first[1] + NEAR_CHARS)),
                side,
                tagged,
                lower.substring(0, first[0]).isBlank());
    }

    private static Side side(String lower, int[] mention) {
        String before = lower.substring(Math.max(0, mention[0] - COMPARATIVE_WINDOW), mention[0]);
        if (AHEAD_AFTER.matcher(lower).region(mention[1], lower.length()).lookingAt()
                || AHEAD_BEFORE.matcher(before).find()) {
            return Side.AHEAD;
        }
        if (BEHIND_AFTER.matcher(lower).region(mention[1], lower.length()).lookingAt()
                || BEHIND_BEFORE.matcher(before).find()) {
            return Side.BEHIND;
        }
        return Side.NONE;
    }

    private static int sentenceStart(List<int[]> breaks, int position) {
        int start = 0;
        for (int[] b : breaks) {
            if (b[1] <= position) {
                start = b[1];
            }
        }
        return start;
    }

    private static int sentenceEnd(List<int[]> breaks, int position, int length) {
        for (int[] b : breaks) {
            if (b[0] >= position) {
                return b[0];
            }
        }
        return length;
    }

    /** One pattern for all targets, longest first so that "aaron rodgers" wins over "aaron". */
    private static Pattern targetPattern(List<String> targets) {
        List<String> alternatives = new ArrayList<>();
        for (String target : targets) {
            if (target == null) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (String word : target.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    words.add(Pattern.quote(word));
                }
            }
            if (!words.isEmpty()) {
                alternatives.add(String.join("[\\s_-]*", words));
            }
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        alternatives.sort(Comparator.comparingInt(String::length).reversed());
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}_])[@#]?(?:"
                        + String.join("|", alternatives)
                        + ")(?![\\p{L}\\p{N}])",
                Pattern.UNICODE_CHARACTER_CLASS);
    }

    /**
     * Tweets often arrive with {@code >} and {@code <} escaped, and those signs are comparatives
     * here.
     */
    private static String decodeComparisonSigns(String text) {
        return text.indexOf('&') < 0
                ? text
                : text.replace("&gt;", ">").replace("&GT;", ">").replace("&lt;", "<");
    }
}
