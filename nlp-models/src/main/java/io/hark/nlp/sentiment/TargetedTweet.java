// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import io.hark.nlp.TextSentiment.Polarity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of a SemEval task 4B file: {@code id<TAB>topic<TAB>label<TAB>text}. */
public record TargetedTweet(String id, String topic, Polarity label, String text) {

    /** Reads a task 4B TSV; skips lines without a known label, unquotes CSV-style quoted texts. */
    public static List<TargetedTweet> readTsv(Path file) throws IOException {
        List<TargetedTweet> tweets = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", 4);
            if (fields.length < 4) {
                continue;
            }
            Polarity label = LabeledTweet.parseLabel(fields[2]);
            if (label != null) {
                tweets.add(
                        new TargetedTweet(
                                fields[0].trim(),
                                fields[1].trim(),
                                label,
                                LabeledTweet.unquote(fields[3])));
            }
        }
        return tweets;
    }
}
