// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in options: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 1d}, {@code 0} (no unit needed for nothing), or ISO-8601.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern NOTHING = Pattern.compile("0+");

    private Durations() {}

    public static Duration parse(String text) {
        if (NOTHING.matcher(text.trim()).matches()) {
            return Duration.ZERO;
        }
        Matcher matcher = SHORT.matcher(text.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "not a duration: '" + text + "' (examples: 500ms, 30s, 5m, 2h, 1d)");
        }
    }
}
