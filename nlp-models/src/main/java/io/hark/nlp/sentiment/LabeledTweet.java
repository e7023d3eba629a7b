// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import io.hark.nlp.TextSentiment.Polarity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One line of a SemEval tweet sentiment file: {@code id<TAB>label<TAB>text}. */
public record LabeledTweet(String id, Polarity label, String text) {

    /** Reads a SemEval TSV; skips lines without a known label, unquotes CSV-style quoted texts. */
    public static List<LabeledTweet> readTsv(Path file) throws IOException {
        List<LabeledTweet> tweets = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", 3);
            if (fields.length < 3) {
                continue;
            }
            Polarity label = parseLabel(fields[1]);
            if (label != null) {
                tweets.add(
                        new LabeledTweet(
                                fields[0].trim(),
                                label,
                                unquote(stripTrailingEmptyFields(fields[2]))));
            }
        }
        return tweets;
    }

    /**
     * Reads labelled texts, such as analysts' labels from {@code scripts/hark labels export}: one
     * {@code id<TAB>label<TAB>text} line per text, label negative, neutral or positive in any case;
     * blank lines are skipped. Unlike {@link #readTsv}, which takes the public sets as they come,
     * any other line is an error: a few hundred labels are too few to lose some silently.
     *
     * @throws IllegalArgumentException naming the file and line of the first malformed line
     */
    public static List<LabeledTweet> readLabels(Path file) throws IOException {
        List<LabeledTweet> tweets = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            String where = file + ":" + (i + 1) + ": ";
            if (fields.length < 3) {
                throw new IllegalArgumentException(
                        where
                                + "expected id<TAB>label<TAB>text, found "
                                + (fields.length - 1)
                                + " tab(s) in: "
                                + abbreviate(line));
            }
            Polarity label = parseLabel(fields[1]);
            if (label == null) {
                throw new IllegalArgumentException(
                        where
                                + "expected the label negative, neutral or positive, found '"
                                + abbreviate(fields[1])
                                + "'");
            }
            if (fields[0].isBlank() || fields[2].isBlank()) {
                throw new IllegalArgumentException(
                        where + "expected a non-empty id and text in: " + abbreviate(line));
            }
            tweets.add(
                    new LabeledTweet(
                            fields[0].trim(), label, unquote(stripTrailingEmptyFields(fields[2]))));
        }
        return tweets;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    static Polarity parseLabel(String label) {
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "negative" -> Polarity.NEGATIVE;
            case "neutral", "objective", "objective-or-neutral" -> Polarity.NEUTRAL;
            case "positive" -> Polarity.POSITIVE;
            default -> null;
        };
    }

    private static String stripTrailingEmptyFields(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\t' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1).replace("\"\"", "\"");
        }
        return t;
    }
}
