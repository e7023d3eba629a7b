// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import io.hark.analytics.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * One {@code --name value} option of a job, declared once: its name, default (null: none), the help
 * text {@code --help} prints, whether it is a flag, and how its value is read and checked, with
 * errors that name it. {@link JobArguments} parses a job's options and reads their values through
 * these.
 */
public record Option<T>(
        String name, String defaultValue, String description, boolean flag, Reader<T> reader) {
    /** Reads an option's text as its value, or throws an error naming the option. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(String name, String text);
    }

    public static <T> Option<T> of(
            String name, String defaultValue, String description, Reader<T> reader) {
        return new Option<>(name, defaultValue, description, false, reader);
    }

    public static Option<String> string(String name, String defaultValue, String description) {
        return of(name, defaultValue, description, (option, text) -> text);
    }

    public static Option<Path> path(String name, String defaultValue, String description) {
        return of(name, defaultValue, description, (option, text) -> Path.of(text));
    }

    public static Option<Integer> positive(String name, String defaultValue, String description) {
        return of(
                name,
                defaultValue,
                description,
                (option, text) -> {
                    try {
                        int parsed = Integer.parseInt(text.trim());
                        if (parsed > 0) {
                            return parsed;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw new IllegalArgumentException(
                            "--" + option + " must be a positive whole number, not '" + text + "'");
                });
    }

    public static Option<Duration> duration(String name, String defaultValue, String description) {
        return of(
                name,
                defaultValue,
                description,
                (option, text) -> {
                    try {
                        return Durations.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--" + option + ": " + e.getMessage());
                    }
                });
    }

    public static <E extends Enum<E>> Option<E> choice(
            String name, String defaultValue, String description, Class<E> type) {
        return of(
                name,
                defaultValue,
                description,
                (option, text) -> {
                    try {
                        return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "--"
                                        + option
                                        + " must be one of "
                                        + Arrays.toString(type.getEnumConstants())
                                                .toLowerCase(Locale.ROOT)
                                        + ", not '"
                                        + text
                                        + "'");
                    }
                });
    }

    /** Off unless given; given alone ({@code --name}) it means {@code --name true}. */
    public static Option<Boolean> flag(String name, String description) {
        return new Option<>(
                name,
                "false",
                description,
                true,
                (option, text) -> {
                    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(text);
                    }
                    throw new IllegalArgumentException(
                            "--" + option + " must be true or false, not '" + text + "'");
                });
    }

    /** The same option with another default, for a job whose default differs. */
    public Option<T> withDefault(String otherDefault) {
        return new Option<>(name, otherDefault, description, flag, reader);
    }

    /** The same option with another help text, for a job where it means something more specific. */
    public Option<T> describedAs(String otherDescription) {
        return new Option<>(name, defaultValue, otherDescription, flag, reader);
    }

    /** The value {@code text} stands for, or null for no text. */
    public T read(String text) {
        return text == null ? null : reader.read(name, text);
    }
}
