// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.text;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The small polarity table for emoticons and emoji. It is deliberately short: only symbols whose
 * polarity is unambiguous in tweets are listed; every other emoji is kept as itself, so the
 * classifier can still learn from it.
 *
 * <p>Positive: :) :-) :] =) :D :-D =D ;) ;-) ;D :P :-P :p xD XD :* <3 ^^ ^_^ (: and the emoji 😀-😍
 * (U+1F600-U+1F60D) 😘 😊 🥰 🤩 😻 👍 👏 🙌 💯 🎉 ❤ ♥ 💕 💖 💗 💙 💚 💛 💜 🧡 😂 🤣.
 *
 * <p>Negative: :( :-( :[ =( :'( ;( D: :/ :-/ :\ :| -_- T_T </3 ): and the emoji 😞 😟 😠 😡 😢 😣
 * 😤 😥 😦 😧 😨 😩 😫 😬 😭 😰 😱 😒 😓 😔 😕 🙁 ☹ 🤬 🤮 🤢 👎 💔 😑 😐 🙄 😪.
 */
final class Emoticons {
    private Emoticons() {}

    static final String POSITIVE = "EMO_POS";
    static final String NEGATIVE = "EMO_NEG";

    /** Emoticon alternatives for the tokenizer's regular expression, longest first. */
    static final String EMOTICON_PATTERN =
            "(?:[:=;][-o^']?[)\\]Dd*3pP](?![\\p{L}\\p{N}])"
                    + "|:'\\(|[:=;][-o^']?[(\\[\\\\/|](?![\\p{L}\\p{N}/])"
                    + "|(?<![\\p{L}\\p{N}])(?:xD|XD|D:|T_T|-_-|\\^_?\\^)(?![\\p{L}\\p{N}])"
                    + "|</3|<3|\\(:|\\):)";

    private static final Set<String> NEGATIVE_EMOTICON_PREFIXES =
            Set.of("D:", "T_T", "-_-", "</3", "):", ":'(");

    private static final Set<Integer> POSITIVE_EMOJI =
            Stream.concat(
                            IntStream.rangeClosed(0x1F600, 0x1F60D).boxed(),
                            Stream.of(
                                    0x1F618, 0x1F60A, 0x1F970, 0x1F929, 0x1F63B, 0x1F44D, 0x1F44F,
                                    0x1F64C, 0x1F4AF, 0x1F389, 0x2764, 0x2665, 0x1F495, 0x1F496,
                                    0x1F497, 0x1F499, 0x1F49A, 0x1F49B, 0x1F49C, 0x1F9E1, 0x1F602,
                                    0x1F923))
                    .collect(Collectors.toUnmodifiableSet());

    private static final Set<Integer> NEGATIVE_EMOJI =
            Set.of(
                    0x1F61E, 0x1F61F, 0x1F620, 0x1F621, 0x1F622, 0x1F623, 0x1F624, 0x1F625, 0x1F626,
                    0x1F627, 0x1F628, 0x1F629, 0x1F62B, 0x1F62C, 0x1F62D, 0x1F630, 0x1F631, 0x1F612,
                    0x1F613, 0x1F614, 0x1F615, 0x1F641, 0x2639, 0x1F92C, 0x1F92E, 0x1F922, 0x1F44E,
                    0x1F494, 0x1F611, 0x1F610, 0x1F644, 0x1F62A);

    private static final Map<Integer, String> BY_CODE_POINT =
            Stream.concat(
                            POSITIVE_EMOJI.stream().map(c -> Map.entry(c, POSITIVE)),
                            NEGATIVE_EMOJI.stream().map(c -> Map.entry(c, NEGATIVE)))
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** The polarity token of an emoticon matched by {@link #EMOTICON_PATTERN}. */
    static String emoticonPolarity(String emoticon) {
        if (NEGATIVE_EMOTICON_PREFIXES.contains(emoticon)) {
            return NEGATIVE;
        }
        char last = emoticon.charAt(emoticon.length() - 1);
        return switch (last) {
            case '(', '[', '/', '\\', '|' -> NEGATIVE;
            default -> POSITIVE;
        };
    }

    /** The polarity token of an emoji, or null when it is not in the table. */
    static String emojiPolarity(int codePoint) {
        return BY_CODE_POINT.get(codePoint);
    }
}
