// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.Arrays;
import java.util.List;

/**
 * A text cut into folded tokens, the way query terms see it. A word is a maximal run of letters and
 * digits, so punctuation and apostrophes separate words ("don't" is "don" and "t"; a query term is
 * cut the same way, so the term {@code don't} still finds it). A '#' or '@' that is not preceded by
 * a letter or digit starts a hashtag or handle token, which also takes underscores: "#Acme_Coffee"
 * is the single hashtag token "acme_coffee", while "bob@acme.com" is three words.
 */
public final class TokenizedText {
    private String[] words = new String[16];
    private TokenKind[] kinds = new TokenKind[16];
    private int size;

    private TokenizedText() {}

    public static TokenizedText of(String text) {
        TokenizedText tokens = new TokenizedText();
        String s = TextFolding.fold(text);
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (isWordChar(c)) {
                int end = endOfRun(s, i, false);
                tokens.add(s.substring(i, end), TokenKind.WORD);
                i = end;
            } else if (startsTag(s, i)) {
                int end = endOfRun(s, i + 1, true);
                tokens.add(
                        s.substring(i + 1, end), c == '#' ? TokenKind.HASHTAG : TokenKind.HANDLE);
                i = end;
            } else {
                i += Character.charCount(c);
            }
        }
        return tokens;
    }

    public int size() {
        return size;
    }

    /** The folded word of token {@code i}, without the # or @ of a hashtag or handle. */
    public String word(int i) {
        return words[i];
    }

    public TokenKind kind(int i) {
        return kinds[i];
    }

    public List<String> words() {
        return List.of(Arrays.copyOf(words, size));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < size; i++) {
            s.append(i == 0 ? "" : " ").append(kinds[i].marker()).append(words[i]);
        }
        return s.toString();
    }

    private void add(String word, TokenKind kind) {
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        words[size] = word;
        kinds[size] = kind;
        size++;
    }

    /** Whether a hashtag or handle starts at {@code i}. */
    private static boolean startsTag(String s, int i) {
        char c = s.charAt(i);
        return (c == '#' || c == '@')
                && i + 1 < s.length()
                && isTagChar(s.codePointAt(i + 1))
                && (i == 0 || !isWordChar(s.codePointBefore(i)));
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }

    static boolean isTagChar(int codePoint) {
        return codePoint == '_' || isWordChar(codePoint);
    }

    private static int endOfRun(String s, int from, boolean tag) {
        int i = from;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (!(tag ? isTagChar(c) : isWordChar(c))) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }
}
