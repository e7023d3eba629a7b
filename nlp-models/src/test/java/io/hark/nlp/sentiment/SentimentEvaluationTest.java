// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static io.hark.nlp.TextSentiment.Polarity.NEGATIVE;
import static io.hark.nlp.TextSentiment.Polarity.NEUTRAL;
import static io.hark.nlp.TextSentiment.Polarity.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentEvaluationTest {
    @Test
    void computesMacroRecallF1AndAccuracy() {
        var gold = List.of(NEGATIVE, NEGATIVE, NEUTRAL, NEUTRAL, POSITIVE, POSITIVE);
        var predicted = List.of(NEGATIVE, NEUTRAL, NEUTRAL, NEUTRAL, POSITIVE, NEGATIVE);
        SentimentEvaluation.Scores s = SentimentEvaluation.score(gold, predicted);
        assertThat(s.macroRecall()).isCloseTo((0.5 + 1 + 0.5) / 3, within(1e-9));
        assertThat(s.accuracy()).isCloseTo(4 / 6.0, within(1e-9));
        // F1: negative p=1/2 r=1/2 -> 0.5; neutral p=2/3 r=1 -> 0.8; positive p=1 r=1/2 -> 2/3
        assertThat(s.macroF1()).isCloseTo((0.5 + 0.8 + 2 / 3.0) / 3, within(1e-9));
        assertThat(s.f1PN()).isCloseTo((0.5 + 2 / 3.0) / 2, within(1e-9));
        assertThat(s.confusion()[NEGATIVE.ordinal()][NEUTRAL.ordinal()]).isEqualTo(1);
    }

    @Test
    void computesTheTargetedMeasureFromTheScoresSign() {
        var gold = List.of(POSITIVE, POSITIVE, POSITIVE, POSITIVE, NEGATIVE, NEGATIVE, NEUTRAL);
        var scores = List.of(0.9, 0.1, -0.2, 0.0, -0.5, 0.3, 0.7);
        // positive: 2 of 4 above 0 (0 counts as negative); negative: 1 of 2; the neutral one is not
        // counted
        assertThat(SentimentEvaluation.targetedMacroRecall(gold, scores))
                .isCloseTo((2 / 4.0 + 1 / 2.0) / 2, within(1e-9));
        assertThat(
                        SentimentEvaluation.targetedMacroRecall(
                                List.of(POSITIVE, NEGATIVE), List.of(-1.0, 1.0)))
                .isZero();
    }

    @Test
    void readsTargetedTsv(@TempDir Path dir) throws IOException {
        Path file =
                Files.writeString(
                        dir.resolve("b.tsv"),
                        "1\tant-man\tpositive\t\"Loved \"\"Ant-Man\"\"\"\n2\tsony\tnegative\tmeh\n3\tsony\tbogus\tx\nbroken\n");
        assertThat(TargetedTweet.readTsv(file))
                .containsExactly(
                        new TargetedTweet("1", "ant-man", POSITIVE, "Loved \"Ant-Man\""),
                        new TargetedTweet("2", "sony", NEGATIVE, "meh"));
    }

    @Test
    void readsSemEvalTsvWithQuotesAndTrailingFields(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.tsv");
        Files.writeString(
                file,
                "1\tpositive\t\"He said \"\"great\"\"\"\t\n2\tneutral\tplain text\n3\tbogus\tskipped\nbroken line\n");
        List<LabeledTweet> tweets = LabeledTweet.readTsv(file);
        assertThat(tweets)
                .containsExactly(
                        new LabeledTweet("1", POSITIVE, "He said \"great\""),
                        new LabeledTweet("2", NEUTRAL, "plain text"));
    }
}
