// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hark.nlp.Sentiment;
import io.hark.nlp.Sentiment.Polarity;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TweetSentimentTest {
  /** Recorded in MODEL.md when the shipped model was trained. */
  static final double RECORDED_DEV_MACRO_RECALL = 0.5526;

  /** The shared data lives beside the project ({@code ../shared}); tests run in the module directory. */
  static final Path DEV_FILE = Path.of("../../shared/data/sentiment", TweetSentimentTrainer.DEV_FILE);

  private final TweetSentiment sentiment = TweetSentiment.shared();

  @Test
  void getsTheObviousOnesRight() {
    assertThat(sentiment.analyze("I love this so much!! 😍").polarity()).isEqualTo(Polarity.POSITIVE);
    assertThat(sentiment.analyze("Worst service ever, I hate waiting :(").polarity()).isEqualTo(Polarity.NEGATIVE);
  }

  @Test
  void returnsAWellFormedSentiment() {
    Sentiment s = sentiment.analyze("@united thanks for nothing #fail");
    assertThat(s.score()).isBetween(-1.0, 1.0);
    assertThat(s.confidence()).isBetween(1 / 3.0, 1.0);
    assertThat(s.model()).isEqualTo(TweetSentimentTrainer.MODEL_NAME);
  }

  @Test
  void neverThrows() {
    for (String text : new String[] {null, "", " ", "\u200B\u200F", "💩".repeat(100_000), "a".repeat(1_000_000), "\uD800"}) {
      Sentiment s = sentiment.analyze(text);
      assertThat(s).isNotNull();
      assertThat(s.score()).isBetween(-1.0, 1.0);
    }
  }

  @Test
  void isSafeToShareAcrossThreads() {
    String text = "not bad at all, actually pretty good";
    Sentiment expected = sentiment.analyze(text);
    List<Sentiment> results = IntStream.range(0, 2_000).parallel().mapToObj(i -> sentiment.analyze(text)).toList();
    assertThat(results).allMatch(expected::equals);
  }

  @Test
  void reproducesTheRecordedDevScore() throws Exception {
    assertThat(DEV_FILE).as("SemEval data beside the project (../shared)").exists();
    List<LabeledTweet> dev = LabeledTweet.readTsv(DEV_FILE);
    SentimentEvaluation.Scores scores = SentimentEvaluation.score(dev, text -> sentiment.analyze(text).polarity());
    assertThat(scores.macroRecall()).isCloseTo(RECORDED_DEV_MACRO_RECALL, within(0.002));
  }
}
