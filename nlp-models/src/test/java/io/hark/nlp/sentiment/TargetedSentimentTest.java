// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hark.nlp.TextSentiment;
import io.hark.nlp.TextSentiment.Polarity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TargetedSentimentTest {
    private static final String COMPARISON =
            "Forkly > DashBite. They sent a driver who was super kind.";

    private final TargetedSentiment sentiment = TargetedSentiment.shared();

    @Test
    void givesTheWinnerOfAComparativeThePraiseAndTheLoserTheBlame() {
        TextSentiment forkly =
                sentiment.analyze(COMPARISON, List.of("forkly", "@forkly", "#forkly"));
        TextSentiment dashBite =
                sentiment.analyze(COMPARISON, List.of("dashbite", "@dashbite", "#dashbite"));
        assertThat(forkly.polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(forkly.score()).isPositive();
        assertThat(dashBite.polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(dashBite.score()).isNegative();
        assertThat(forkly.model()).isEqualTo(TargetedSentimentTrainer.MODEL_NAME);
    }

    @Test
    void followsASwitchFromOneToTheOther() {
        String text = "switched from DashBite to @forkly last week";
        assertThat(sentiment.analyze(text, List.of("forkly")).score()).isPositive();
        assertThat(sentiment.analyze(text, List.of("dashbite")).score()).isNegative();
    }

    @Test
    void fallsBackToTheWholeTextSentimentWhenTheTargetIsAbsent() {
        for (String text :
                new String[] {
                    "I love this so much!! 😍",
                    "Worst service ever, I hate waiting :(",
                    "the bus is at 5"
                }) {
            assertThat(sentiment.analyze(text, List.of("forkly", "@forkly")))
                    .isEqualTo(TweetSentiment.shared().analyze(text));
        }
        assertThat(sentiment.analyze("Forkly-ish", List.of("forkl")))
                .isEqualTo(TweetSentiment.shared().analyze("Forkly-ish"));
    }

    @Test
    void scoresTheTargetWhenItOccurs() {
        TextSentiment s =
                sentiment.analyze("I love @Forkly, best delivery app ever", List.of("forkly"));
        assertThat(s.model()).isEqualTo(TargetedSentimentTrainer.MODEL_NAME);
        assertThat(s.score()).isPositive();
        assertThat(
                        sentiment
                                .analyze("#Forkly lost my order again, useless", List.of("forkly"))
                                .score())
                .isNegative();
    }

    @Test
    void oddInputGetsAReadingNotTheFallback() {
        // the fallback for input the model cannot read is neutral at exactly 1/3
        TextSentiment longText = sentiment.analyze("forkly ".repeat(100_000), List.of("forkly"));
        assertThat(longText.score()).isBetween(-1.0, 1.0);
        assertThat(longText.confidence()).isNotEqualTo(1.0 / 3);
        for (String text : new String[] {"", " ", "\uD800 forkly is late", "forkly was great"}) {
            for (List<String> noTarget : List.of(List.<String>of(), List.of("", "#", "@"))) {
                assertThat(sentiment.analyze(text, noTarget))
                        .as("without a usable target, the whole text's sentiment")
                        .isEqualTo(TweetSentiment.shared().analyze(text));
            }
        }
        assertThat(sentiment.analyze("forkly", null))
                .isEqualTo(TweetSentiment.shared().analyze("forkly"));
        assertThat(sentiment.analyze(null, List.of("forkly")).polarity())
                .isEqualTo(Polarity.NEUTRAL);
    }

    @Test
    void readsEachTargetOfOneTextAsOnItsOwn() {
        List<List<String>> targets =
                List.of(
                        List.of("dashbite"),
                        List.of("forkly", "@forkly"),
                        List.of("ubereats"),
                        List.of(),
                        List.of("driver"));
        for (String text :
                new String[] {
                    COMPARISON,
                    "switched from DashBite to @forkly last week. Never again DashBite!",
                    "",
                    "\uD800"
                }) {
            assertThat(sentiment.analyzeEach(text, targets))
                    .as(text)
                    .containsExactlyElementsOf(
                            targets.stream().map(t -> sentiment.analyze(text, t)).toList());
        }
        assertThat(sentiment.analyzeEach(COMPARISON, List.of())).isEmpty();
    }

    @Test
    void givenTheWholeTextsReadingGivesTheSameAnswersWithoutScoringItAgain() throws IOException {
        List<List<String>> targets =
                List.of(
                        List.of("skyline air", "skylineair", "@skylineairhelp"),
                        List.of("bluejet", "@bluejetsupport"),
                        List.of("brewhaus", "maple oat latte"),
                        List.of("pixelion"),
                        List.of("forkly"),
                        List.of("dashbite"));
        int towardATarget = 0;
        for (String text : sampleTexts()) {
            List<TextSentiment> computed = sentiment.analyzeEach(text, targets);
            List<TextSentiment> given =
                    sentiment.analyzeEach(text, TweetSentiment.shared().analyze(text), targets);
            for (int i = 0; i < targets.size(); i++) {
                assertThat(given.get(i).polarity()).as(text).isEqualTo(computed.get(i).polarity());
                assertThat(given.get(i).score()).isCloseTo(computed.get(i).score(), within(1e-9));
                assertThat(given.get(i).confidence())
                        .isCloseTo(computed.get(i).confidence(), within(1e-9));
                assertThat(given.get(i).model()).isEqualTo(computed.get(i).model());
                if (computed.get(i).model().equals(sentiment.modelName())) {
                    towardATarget++;
                }
            }
        }
        assertThat(towardATarget).isGreaterThan(50);
    }

    /** The texts of the enrichment agreement sample, a few of each brand of the sample stream. */
    private static List<String> sampleTexts() throws IOException {
        try (InputStream in =
                Objects.requireNonNull(
                        TargetedSentimentTest.class.getResourceAsStream(
                                "/io/hark/nlp/agreement-sample.tsv"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.substring(line.indexOf('\t') + 1).replace("\\n", "\n"))
                    .toList();
        }
    }

    @Test
    void isSafeToShareAcrossThreads() {
        TextSentiment expected = sentiment.analyze(COMPARISON, List.of("dashbite"));
        List<TextSentiment> results =
                IntStream.range(0, 2_000)
                        .parallel()
                        .mapToObj(i -> sentiment.analyze(COMPARISON, List.of("dashbite")))
                        .toList();
        assertThat(results).allMatch(expected::equals);
    }
}
