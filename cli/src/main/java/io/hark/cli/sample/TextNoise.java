// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import io.hark.schema.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What ordinary people do to their texts: shouting, stretched words and typos. */
final class TextNoise {
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final List<String> STRETCHY =
            List.of(
                    "so", "no", "love", "please", "why", "good", "bad", "what", "really", "sorry",
                    "hate", "cold", "slow", "ugh");

    private final SplittableRandom rnd;

    TextNoise(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    /** Shouting, stretched words and typos, for English texts by ordinary people. */
    String apply(String text, SampleDraft d) {
        if (!"en".equals(d.lang) && d.lang != null) {
            return text;
        }
        boolean casual =
                d.platform == Platform.x
                        || d.platform == Platform.tiktok
                        || d.platform == Platform.instagram;
        if ((d.kind == SampleKind.COMPLAINT || d.kind == SampleKind.CRISIS)
                && rnd.nextDouble() < 0.15) {
            text = mapTokens(text, t -> t.toUpperCase(Locale.ROOT));
        } else if (casual && rnd.nextDouble() < 0.08) {
            text = mapTokens(text, t -> t.toLowerCase(Locale.ROOT));
        }
        if (rnd.nextDouble() < 0.15) {
            text = stretch(text);
        }
        if (rnd.nextDouble() < 0.05) {
            text = typo(text);
        }
        return text;
    }

    /** Applies {@code f} to every token but links and handles, keeping the whitespace. */
    static String mapTokens(String text, UnaryOperator<String> f) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String t = m.group();
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            t.startsWith("http") || t.startsWith("@") ? t : f.apply(t)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Plain words (letters, maybe followed by punctuation): their start and end offsets. */
    private static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int end = m.start();
            while (end < m.end() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            boolean rest = true;
            for (int i = end; i < m.end(); i++) {
                rest &= ".,!?".indexOf(text.charAt(i)) >= 0;
            }
            if (end > m.start() && rest) {
                words.add(new int[] {m.start(), end});
            }
        }
        return words;
    }

    /** "so" to "soooo", "please" to "pleaseee", "bad" to "baaad": one word. */
    private String stretch(String text) {
        for (int[] w : words(text)) {
            String word = text.substring(w[0], w[1]);
            if (STRETCHY.contains(word.toLowerCase(Locale.ROOT))) {
                int at = w[1] - 1;
                if ("aeiouyAEIOUY".indexOf(text.charAt(at)) < 0) {
                    while (at > w[0] && "aeiouAEIOU".indexOf(text.charAt(at)) < 0) {
                        at--;
                    }
                }
                String extra = String.valueOf(text.charAt(at)).repeat(2 + rnd.nextInt(3));
                return text.substring(0, at + 1) + extra + text.substring(at + 1);
            }
        }
        return text;
    }

    /** Two neighbouring letters swapped in one longer word. */
    private String typo(String text) {
        List<int[]> candidates = new ArrayList<>();
        for (int[] w : words(text)) {
            if (w[1] - w[0] >= 5) {
                candidates.add(w);
            }
        }
        if (candidates.isEmpty()) {
            return text;
        }
        int[] w = candidates.get(rnd.nextInt(candidates.size()));
        int i = w[0] + 1 + rnd.nextInt(w[1] - w[0] - 2);
        char[] chars = text.toCharArray();
        char c = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = c;
        return new String(chars);
    }
}
