// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.nlp.sentiment.DomainAdaptation;
import io.hark.nlp.sentiment.LabeledTweet;
import io.hark.nlp.sentiment.SentimentEvaluation;
import io.hark.nlp.sentiment.TweetSentiment;
import io.hark.nlp.sentiment.TweetSentimentModel;
import io.hark.nlp.sentiment.TweetSentimentTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Part of {@code bench nlp}: the shipped recipe trained without the extra set (TSE) and scored on
 * it, then adapted to it with more and more of its labels (a learning curve).
 */
final class DomainSentimentBenchmark {
    /** TSE tweets held back to score the curve's models; the labels are drawn from the rest. */
    static final int HELD_BACK = 10_000;

    static final List<Integer> LABELS = List.of(0, 100, 300, 1000);
    static final long SEED = 42;

    private DomainSentimentBenchmark() {}

    static void run(Path dataDir) throws IOException {
        System.out.println(
                "training the general model without tweet-sentiment-extraction (TSE), the shipped recipe (a few minutes)...");
        TweetSentimentModel general = TweetSentimentTrainer.trainWithoutExtra(dataDir);
        List<LabeledTweet> extra = TweetSentimentTrainer.extraSet(dataDir);
        TweetSentiment generalSentiment = new TweetSentiment(general);
        BenchCommand.print(
                "Hark's recipe trained without TSE, on all of TSE (left out)",
                SentimentEvaluation.score(
                        extra, text -> generalSentiment.analyze(text).polarity()));

        System.out.printf(
                "domain adaptation learning curve: %d TSE tweets held back (seed %d), labels drawn from the other %d,"
                        + " sigma by %d-fold cross-validation within them:%n",
                HELD_BACK, SEED, extra.size() - HELD_BACK, DomainAdaptation.FOLDS);
        List<DomainAdaptation.CurvePoint> curve =
                DomainAdaptation.learningCurve(general, extra, HELD_BACK, LABELS, SEED, System.err);
        SentimentEvaluation.Scores base = curve.get(0).scores();
        for (DomainAdaptation.CurvePoint point : curve) {
            SentimentEvaluation.Scores scores = point.scores();
            System.out.printf(
                    "  %4d TSE labels%s: macro-F1 %.4f (%+.4f), macro recall %.4f (%+.4f), accuracy %.4f%n",
                    point.labels(),
                    point.labels() == 0
                            ? " (general model)"
                            : String.format(Locale.ROOT, " (sigma %.2f)", point.sigma()),
                    scores.macroF1(),
                    scores.macroF1() - base.macroF1(),
                    scores.macroRecall(),
                    scores.macroRecall() - base.macroRecall(),
                    scores.accuracy());
        }
    }
}
