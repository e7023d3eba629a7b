// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hark.analytics.Durations;
import io.hark.schema.StrictYaml;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A named alert-rule setting: the spike detector's and the episodes' settings, written as changes
 * to the shipped defaults. Backtests compare several; the metrics job runs one ({@code
 * --alert-rules}). A YAML file holds a list of them:
 *
 * <pre>
 * - name: shipped            # no changes: the defaults
 * - name: sensitive
 *   spike_threshold: 5       # noise units (default 7)
 *   min_volume: 5            # mentions per window (default 10)
 *   cooldown: 6h             # (default 1d)
 * </pre>
 *
 * The keys are {@link #KEYS}; see {@link DetectorSettings}, {@link EpisodeSettings} and {@link
 * SilenceSettings} ({@code silence_after} is its minimum duration) for what each means.
 *
 * @param changes key to value as written, validated when parsed
 */
public record AlertRules(String name, Map<String, String> changes) implements Serializable {
    /** The settings a rule file may change, with the unit its value is read in. */
    public static final Map<String, String> KEYS =
            Map.ofEntries(
                    Map.entry("spike_threshold", "number"),
                    Map.entry("shift_threshold", "number"),
                    Map.entry("peak_cap", "number"),
                    Map.entry("warm_up", "duration"),
                    Map.entry("level_memory", "duration"),
                    Map.entry("min_volume", "count"),
                    Map.entry("calm_to_resolve", "duration"),
                    Map.entry("cooldown", "duration"),
                    Map.entry("update_every", "duration"),
                    Map.entry("severity_step", "number"),
                    Map.entry("sustained", "duration"),
                    Map.entry("silence_after", "duration"),
                    Map.entry("silence_min_expected", "number"));

    public AlertRules {
        changes = new TreeMap<>(changes);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            check(name, change.getKey(), change.getValue());
        }
        // building both once tells every inconsistent combination (e.g. a non-positive threshold)
        // now
        Built built = new Built(name, changes);
        built.detector(Duration.ofMinutes(1));
        built.episodes();
        built.silence();
    }

    /** The shipped defaults. */
    public static AlertRules defaults() {
        return new AlertRules("default", Map.of());
    }

    public DetectorSettings detector(Duration step) {
        return new Built(name, changes).detector(step);
    }

    public EpisodeSettings episodes() {
        return new Built(name, changes).episodes();
    }

    public SilenceSettings silence() {
        return new Built(name, changes).silence();
    }

    public static List<AlertRules> load(Path file) {
        try {
            return parse(StrictYaml.read(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alert rules " + file, e);
        }
    }

    /**
     * The settings in {@code yaml}, in file order; errors name {@code source}, the setting and the
     * key.
     */
    public static List<AlertRules> parse(String yaml, String source) {
        JsonNode root;
        try {
            root = StrictYaml.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    source
                            + ": not valid YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException(
                    source + ": expected a list of settings, each with a name (- name: ...)");
        }
        List<AlertRules> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : root) {
            if (!entry.isObject()
                    || !entry.path("name").isTextual()
                    || entry.get("name").asText().isBlank()) {
                throw new IllegalArgumentException(
                        source + ": every setting needs a name (- name: ...)");
            }
            String name = entry.get("name").asText().strip();
            if (!names.add(name)) {
                throw new IllegalArgumentException(
                        source + ": two settings are named '" + name + "'");
            }
            Map<String, String> changes = new TreeMap<>();
            entry.properties()
                    .forEach(
                            field -> {
                                if (!field.getKey().equals("name")) {
                                    if (!field.getValue().isValueNode()) {
                                        throw new IllegalArgumentException(
                                                source
                                                        + ": "
                                                        + name
                                                        + ": "
                                                        + field.getKey()
                                                        + " must be a single value");
                                    }
                                    changes.put(field.getKey(), field.getValue().asText());
                                }
                            });
            try {
                rules.add(new AlertRules(name, changes));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage());
            }
        }
        return rules;
    }

    private static void check(String name, String key, String value) {
        String unit = KEYS.get(key);
        if (unit == null) {
            throw new IllegalArgumentException(
                    name
                            + ": unknown setting '"
                            + key
                            + "'; known: "
                            + new TreeMap<>(KEYS).keySet());
        }
        try {
            switch (unit) {
                case "number" -> Double.parseDouble(value);
                case "count" -> Long.parseLong(value.strip());
                default -> Durations.parse(value);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    name + ": " + key + " must be a " + unit + ", not '" + value + "'");
        }
    }

    /** The defaults with the changes applied. */
    private record Built(String name, Map<String, String> changes) {
        DetectorSettings detector(Duration step) {
            DetectorSettings d = DetectorSettings.defaults(step);
            try {
                return new DetectorSettings(
                        d.step(),
                        d.season(),
                        d.seasonSlot(),
                        d.seasonMemory(),
                        duration("level_memory", d.levelMemory()),
                        d.noiseMemory(),
                        duration("warm_up", d.warmUp()),
                        number("spike_threshold", d.spikeThreshold()),
                        d.shiftMemory(),
                        number("shift_threshold", d.shiftThreshold()),
                        d.peakMemory(),
                        number("peak_cap", d.peakCap()),
                        d.learningClip(),
                        d.maxExpectedInGap(),
                        d.scale());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage());
            }
        }

        EpisodeSettings episodes() {
            EpisodeSettings e = EpisodeSettings.defaults();
            try {
                return new EpisodeSettings(
                        changes.containsKey("min_volume")
                                ? Long.parseLong(changes.get("min_volume").strip())
                                : e.minVolume(),
                        duration("calm_to_resolve", e.calmToResolve()),
                        duration("cooldown", e.cooldown()),
                        duration("update_every", e.updateEvery()),
                        number("severity_step", e.severityStep()),
                        duration("sustained", e.sustained()));
            } catch (IllegalArgumentException failure) {
                throw new IllegalArgumentException(name + ": " + failure.getMessage());
            }
        }

        SilenceSettings silence() {
            SilenceSettings s = SilenceSettings.defaults();
            try {
                return new SilenceSettings(
                        duration("silence_after", s.minDuration()),
                        number("silence_min_expected", s.minExpected()));
            } catch (IllegalArgumentException failure) {
                throw new IllegalArgumentException(name + ": " + failure.getMessage());
            }
        }

        private double number(String key, double fallback) {
            return changes.containsKey(key) ? Double.parseDouble(changes.get(key)) : fallback;
        }

        private Duration duration(String key, Duration fallback) {
            return changes.containsKey(key) ? Durations.parse(changes.get(key)) : fallback;
        }
    }
}
