// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.schema.Alert;
import io.hark.schema.AvroCodec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the fault tests read back: window volumes as indexed and as they should be. */
final class WindowVolumes {
    private WindowVolumes() {}

    /** Volume per {@code query@window_start} as the metrics job indexed it. */
    static Map<String, Long> ofQueries(Map<String, JsonNode> windows) {
        Map<String, Long> volumes = new TreeMap<>();
        windows.values().stream()
                .filter(window -> window.get("scope").asText().equals("query"))
                .forEach(
                        window ->
                                volumes.put(
                                        window.get("key").asText()
                                                + "@"
                                                + Instant.parse(
                                                        window.get("window_start").asText()),
                                        window.get("volume").asLong()));
        return volumes;
    }

    /**
     * The true volume per {@code query@window_start}: indexed mentions, not spam, by their matched
     * queries and minute.
     */
    static Map<String, Long> expected(Map<String, JsonNode> mentions) {
        Map<String, Long> volumes = new TreeMap<>();
        mentions.values().stream()
                .filter(mention -> !mention.path("flags").toString().contains("\"spam\""))
                .forEach(
                        mention -> {
                            Instant minute =
                                    Instant.parse(mention.get("created_at").asText())
                                            .truncatedTo(ChronoUnit.MINUTES);
                            mention.get("matched_queries")
                                    .forEach(
                                            query ->
                                                    volumes.merge(
                                                            query.asText() + "@" + minute,
                                                            1L,
                                                            Long::sum));
                        });
        return volumes;
    }

    static Alert decodeAlert(byte[] value) {
        try {
            return AvroCodec.ALERT.decode(value);
        } catch (AvroCodec.UndecodableException e) {
            throw new AssertionError("the alert topic holds something else", e);
        }
    }

    static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
