// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

/** What a token of a text is: an ordinary word, a #hashtag or an @handle. */
public enum TokenKind {
    WORD(""),
    HASHTAG("#"),
    HANDLE("@");

    private final String marker;

    TokenKind(String marker) {
        this.marker = marker;
    }

    /** The character written before the token's word: "#", "@" or nothing. */
    public String marker() {
        return marker;
    }
}
