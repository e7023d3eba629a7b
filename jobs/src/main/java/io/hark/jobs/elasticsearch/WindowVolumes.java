// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
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
        windows.stream()
                .filter(window -> window.path("scope").asText().equals("query"))
                .forEach(
                        window ->
                                volumes.put(
                                        window.path("key").asText()
                                                + "@"
                                                + Instant.parse(
                                                        window.path("window_start").asText()),
                                        window.path("volume").asLong()));
        return volumes;
    }

    /**
     * The true volume per {@code query@window_start} of the mention documents {@code mentions}: not
     * spam, by their matched queries and minute.
     */
    public static Map<String, Long> ofMentions(Collection<JsonNode> mentions) {
        Map<String, Long> volumes = new TreeMap<>();
        mentions.stream()
                .filter(mention -> !mention.path("flags").toString().contains("\"spam\""))
                .forEach(
                        mention -> {
                            Instant minute =
                                    Instant.parse(mention.path("created_at").asText())
                                            .truncatedTo(ChronoUnit.MINUTES);
                            mention.path("matched_queries")
                                    .forEach(
                                            query ->
                                                    volumes.merge(
                                                            query.asText() + "@" + minute,
                                                            1L,
                                                            Long::sum));
                        });
        return volumes;
    }
}
