// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.text;

/**
 * Length caps that keep the NLP's time per text bounded without cutting words or characters in
 * half.
 */
public final class TextCap {
    private TextCap() {}

    /**
     * Cuts at most {@code max} chars, backing off to whitespace and never splitting a surrogate
     * pair.
     */
    public static String capAtBoundary(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        for (int i = max; i > max / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                end = i;
                break;
            }
        }
        if (Character.isLowSurrogate(text.charAt(end))
                && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
