// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.entities;

/**
 * A CRF entity mention as a token span of an {@link AnnotatedText}.
 *
 * @param start index of the first token
 * @param end index after the last token
 * @param type PERSON, ORGANIZATION or LOCATION
 */
public record EntitySpan(int start, int end, String type) {

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
