// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.nlp.Sentiment;
import io.hark.nlp.sentiment.TweetSentiment;
import java.nio.file.Path;
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
        "A line without a tab is taken as an id with empty text. Every text is scored as English."})
final class SentimentCommand implements Callable<Integer> {
  @Option(names = "--in", description = "input file (default: standard input)")
  Path in;

  @Override
  public Integer call() throws Exception {
    TweetSentiment sentiment = TweetSentiment.shared();
    CommandFiles.mapLines(in, (line, number) -> {
      int tab = line.indexOf('\t');
      String id = tab < 0 ? line : line.substring(0, tab);
      Sentiment result = sentiment.analyze(tab < 0 ? "" : line.substring(tab + 1));
      return id + '\t' + result.polarity().name().toLowerCase(Locale.ROOT) + '\t'
          + String.format(Locale.ROOT, "%.4f", result.score());
    });
    return 0;
  }
}
