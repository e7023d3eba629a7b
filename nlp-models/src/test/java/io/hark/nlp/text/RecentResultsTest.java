// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentResultsTest {
    @Test
    void dropsTheLeastRecentlyUsedEntryWhenFull() {
        Map<String, Integer> results = RecentResults.upTo(2);
        results.put("a", 1);
        results.put("b", 2);
        results.get("a");
        results.put("c", 3);

        assertEquals(Map.of("a", 1, "c", 3), results);
    }

    @Test
    void refusesACapacityThatKeepsNothing() {
        assertThrows(IllegalArgumentException.class, () -> RecentResults.upTo(0));
    }
}
