// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How query terms and texts are compared: lower-cased and with accents removed, so "Café", "CAFE"
 * and "cafe" are one word.
 */
final class TextFolding {
    private TextFolding() {}

    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        // Almost all social text is ASCII, which has no accents to remove: skip the costly
        // normalizer.
        if (isAscii(lower)) {
            return lower;
        }
        // Lower-casing first lets decomposition also strip marks lower-casing adds (İ becomes i +
        // dot).
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (!isMark(c)) {
                folded.append(c);
            }
        }
        return folded.toString();
    }

    /** A hashtag or handle from a mention's metadata, folded; a leading # or @ is tolerated. */
    static String foldTag(String tag) {
        boolean marked = !tag.isEmpty() && (tag.charAt(0) == '#' || tag.charAt(0) == '@');
        return fold(marked ? tag.substring(1) : tag);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
