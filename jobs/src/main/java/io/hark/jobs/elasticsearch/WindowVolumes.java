// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-query window volumes read back from Elasticsearch, as the metrics job indexed them and as the
 * indexed mentions say they should be: what the fault tests and {@code hark bench chaos} compare.
 */
public final class WindowVolumes {
    private WindowVolumes() {}

    /** Volume per {@code query@window_start} of the window metrics documents {@code windows}. */
    public static Map<String, Long> counted(Collection<JsonNode> windows) {
        Map<String, Long> volumes = new TreeMap<>();
        windows.forEach(
                window -> {
                    String key = windowOf(window);
                    if (key != null) {
                        volumes.put(key, window.path("volume").asLong());
                    }
                });
        return volumes;
    }

    /**
     * The {@code query@window_start} of a window metrics document, or null for a group's document.
     */
    public static String windowOf(JsonNode window) {
        return window.path("scope").asText().equals("query")
                ? window.path("key").asText()
                        + "@"
                        + Instant.parse(window.path("window_start").asText())
                : null;
    }

    /**
     * The true volume per {@code query@window_start} of the mention documents {@code mentions}: not
     * spam, by their matched queries and minute.
     */
    public static Map<String, Long> ofMentions(Collection<JsonNode> mentions) {
        Map<String, Long> volumes = new TreeMap<>();
        mentions.forEach(
                mention ->
                        windowsOf(mention).forEach(window -> volumes.merge(window, 1L, Long::sum)));
        return volumes;
    }

    /**
     * The {@code query@window_start} of each window a mention document counts in: one per matched
     * query, none if it is spam.
     */
    public static List<String> windowsOf(JsonNode mention) {
        if (mention.path("flags").toString().contains("\"spam\"")) {
            return List.of();
        }
        Instant minute =
                Instant.parse(mention.path("created_at").asText()).truncatedTo(ChronoUnit.MINUTES);
        List<String> windows = new ArrayList<>();
        mention.path("matched_queries")
                .forEach(query -> windows.add(query.asText() + "@" + minute));
        return windows;
    }
}
