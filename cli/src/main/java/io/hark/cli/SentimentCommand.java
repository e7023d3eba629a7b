// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.nlp.TextSentiment;
import io.hark.nlp.sentiment.TargetedSentiment;
import io.hark.nlp.sentiment.TweetSentiment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Hark's tweet-tuned sentiment over {@code id<TAB>text} lines. */
@Command(
        name = "sentiment",
        description = {
            "Reads id<TAB>text lines (stdin or --in) and writes id<TAB>label<TAB>score lines, one per input line,",
            "in order, and nothing else on stdout. label: negative, neutral or positive; score in [-1, 1].",
            "A line without a tab is taken as an id with empty text. Every text is scored as English.",
            "With --targets, lines are id<TAB>target<TAB>text and the sentiment is toward the target: one phrase",
            "or several separated by commas (forkly,@forkly,#forkly); the whole text's when none occurs in it."
        })
final class SentimentCommand implements Callable<Integer> {
    @Option(names = "--in", description = "input file (default: standard input)")
    Path in;

    @Option(
            names = "--targets",
            description = "read id<TAB>target<TAB>text lines: sentiment toward the target")
    boolean targets;

    @Option(
            names = "--model",
            description =
                    "a model written by train-sentiment, such as a domain-adapted one (default: the shipped one)")
    Path model;

    @Override
    public Integer call() throws Exception {
        TweetSentiment wholeText =
                model == null ? TweetSentiment.shared() : TweetSentiment.load(model);
        if (targets) {
            TargetedSentiment sentiment = TargetedSentiment.shared().withWholeText(wholeText);
            CommandFiles.mapLines(
                    in,
                    (line, number) -> {
                        String[] fields = line.split("\t", 3);
                        List<String> phrases =
                                fields.length > 1 ? Arrays.asList(fields[1].split(",")) : List.of();
                        return format(
                                fields[0],
                                sentiment.analyze(fields.length > 2 ? fields[2] : "", phrases));
                    });
            return 0;
        }
        TweetSentiment sentiment = wholeText;
        CommandFiles.mapLines(
                in,
                (line, number) -> {
                    int tab = line.indexOf('\t');
                    String id = tab < 0 ? line : line.substring(0, tab);
                    return format(id, sentiment.analyze(tab < 0 ? "" : line.substring(tab + 1)));
                });
        return 0;
    }

    private static String format(String id, TextSentiment result) {
        return id
                + '\t'
                + result.polarity().name().toLowerCase(Locale.ROOT)
                + '\t'
                + String.format(Locale.ROOT, "%.4f", result.score());
    }
}
