// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.entities;

import java.util.Locale;

/**
 * A named entity found in a mention.
 *
 * @param text the entity as written in the text (CRF) or the gazetteer's canonical name
 * @param type {@link #PERSON}, {@link #ORGANIZATION}, {@link #LOCATION} or a gazetteer type
 */
public record NamedEntity(String text, String type) {

    public static final String PERSON = "PERSON";
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String LOCATION = "LOCATION";

    /** Case-insensitive identity, so "Skyline Air" and "SKYLINE AIR" count once. */
    String dedupeKey() {
        return type + '\u0000' + text.toLowerCase(Locale.ROOT);
    }
}
