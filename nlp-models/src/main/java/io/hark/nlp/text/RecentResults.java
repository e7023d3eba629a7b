// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Results of text analyses kept for texts seen lately: copies and reposts of a text arrive close
 * together, so the least recently used entry is the one to drop when the map is full.
 */
public final class RecentResults {
    private RecentResults() {}

    /** A map of at most {@code capacity} entries that drops the least recently read or written. */
    public static <K, V> Map<K, V> upTo(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
