// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import io.hark.nlp.Sentiment.Polarity;
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
        tweets.add(new LabeledTweet(fields[0].trim(), label, unquote(stripTrailingEmptyFields(fields[2]))));
      }
    }
    return tweets;
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
