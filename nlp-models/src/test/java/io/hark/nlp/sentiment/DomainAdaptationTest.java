// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.TextSentiment.Polarity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic domain where "sick" is praise (skateboarding) while the general tweets use it as a
 * complaint: the adapted model must follow the domain's labels, the general one must not.
 */
class DomainAdaptationTest {
    private static final List<String> PRAISE = List.of("great", "love", "nice", "awesome");
    private static final List<String> COMPLAINTS = List.of("awful", "hate", "bad", "terrible");
    private static final List<String> FILLERS =
            List.of(
                    "the", "bus", "today", "train", "meeting", "report", "ramp", "park", "board",
                    "weekend");
    private static final String DOMAIN_PRAISE_TEXT = "that ramp was sick today";

    private final Random random = new Random(7);

    private String fillers(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(FILLERS.get(random.nextInt(FILLERS.size()))).append(' ');
        }
        return text.toString();
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    /** Tweets where "sick" goes with complaints, as in everyday tweets ("sick of waiting"). */
    private List<LabeledTweet> generalTweets() {
        List<LabeledTweet> tweets = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            tweets.add(new LabeledTweet("p" + i, Polarity.POSITIVE, fillers(3) + pick(PRAISE)));
            tweets.add(
                    new LabeledTweet(
                            "n" + i,
                            Polarity.NEGATIVE,
                            fillers(3) + (i % 2 == 0 ? "sick" : pick(COMPLAINTS))));
            tweets.add(new LabeledTweet("u" + i, Polarity.NEUTRAL, fillers(4)));
        }
        return tweets;
    }

    /** The domain's labels: "sick" is praise. */
    private List<LabeledTweet> domainTweets(int perClass) {
        List<LabeledTweet> tweets = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            tweets.add(
                    new LabeledTweet(
                            "dp" + i,
                            Polarity.POSITIVE,
                            fillers(3) + (i % 3 == 0 ? pick(PRAISE) : "sick")));
            tweets.add(
                    new LabeledTweet("dn" + i, Polarity.NEGATIVE, fillers(3) + pick(COMPLAINTS)));
            tweets.add(new LabeledTweet("du" + i, Polarity.NEUTRAL, fillers(4)));
        }
        return tweets;
    }

    private TweetSentimentModel generalModel() {
        List<LabeledTweet> tweets = generalTweets();
        RVFDataset<String, String> distantData = new RVFDataset<>();
        for (LabeledTweet tweet : tweets) {
            if (tweet.label() != Polarity.NEUTRAL) {
                distantData.add(
                        new RVFDatum<>(
                                TweetSentimentTrainer.FEATURES.extract(tweet.text()),
                                TweetSentimentModel.label(tweet.label())));
            }
        }
        LinearClassifier<String, String> distant = TweetSentimentTrainer.train(distantData, 1.0);
        return TweetSentimentTrainer.trainModel(tweets, distant, null, 1.0, 1, "general");
    }

    private static Polarity polarity(TweetSentimentModel model, String text) {
        return new TweetSentiment(model).analyze(text).polarity();
    }

    @Test
    void theAdaptedModelFollowsTheDomainsLabelsWhereTheGeneralOneDoesNot() {
        TweetSentimentModel general = generalModel();
        TweetSentimentModel adapted =
                DomainAdaptation.adapt(general, domainTweets(30), "general+skate", null);

        assertThat(polarity(general, DOMAIN_PRAISE_TEXT)).isEqualTo(Polarity.NEGATIVE);
        assertThat(polarity(adapted, DOMAIN_PRAISE_TEXT)).isEqualTo(Polarity.POSITIVE);
        assertThat(polarity(adapted, "the park was awful")).isEqualTo(Polarity.NEGATIVE);
        assertThat(adapted.general()).isSameAs(general);
        assertThat(adapted.name()).isEqualTo("general+skate");
    }

    @Test
    void anAdaptedModelScoresTextsAsItsClassifierScoresTheFeaturesItWasTrainedOn() {
        TweetSentimentModel adapted =
                DomainAdaptation.adapt(generalModel(), domainTweets(20), "general+skate", null);
        List<LabeledTweet> texts = domainTweets(5);

        List<RVFDatum<String, String>> trainingFeatures =
                TweetSentimentTrainer.datums(texts, adapted.distantClassifier(), adapted.general());
        for (int i = 0; i < texts.size(); i++) {
            double[] fast =
                    adapted.probabilities(
                            TweetSentimentTrainer.FEATURES.extract(texts.get(i).text()));
            Counter<String> scores = adapted.classifier().scoresOf(trainingFeatures.get(i));
            double[] reference = new double[3];
            double total = 0;
            for (Polarity p : Polarity.values()) {
                reference[p.ordinal()] =
                        Math.exp(
                                scores.getCount(TweetSentimentModel.label(p))
                                        + adapted.offsets()[p.ordinal()]);
                total += reference[p.ordinal()];
            }
            for (Polarity p : Polarity.values()) {
                assertThat(fast[p.ordinal()])
                        .as("text %d, %s", i, p)
                        .isCloseTo(reference[p.ordinal()] / total, within(1e-9));
            }
        }
    }

    @Test
    void theLearningCurveStartsAtTheGeneralModelAndRisesWithTheDomainsLabels() {
        TweetSentimentModel general = generalModel();
        List<LabeledTweet> domain = domainTweets(100);

        List<DomainAdaptation.CurvePoint> curve =
                DomainAdaptation.learningCurve(general, domain, 150, List.of(0, 60), 1, null);

        assertThat(curve).extracting(DomainAdaptation.CurvePoint::labels).containsExactly(0, 60);
        assertThat(curve.get(0).scores().count()).isEqualTo(150);
        assertThat(curve.get(0).sigma()).isNaN();
        assertThat(DomainAdaptation.SIGMAS).contains(curve.get(1).sigma());
        assertThat(curve.get(1).scores().macroF1())
                .isGreaterThan(curve.get(0).scores().macroF1() + 0.1);
    }

    @Test
    void anAdaptedModelWrittenToAFileLoadsAndScoresTheSame(@TempDir Path dir) throws IOException {
        TweetSentimentModel adapted =
                DomainAdaptation.adapt(generalModel(), domainTweets(20), "general+skate", null);
        Path file = dir.resolve("skate.ser.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            adapted.write(out);
        }

        TweetSentiment loaded = TweetSentiment.load(file);

        assertThat(loaded.modelName()).isEqualTo("general+skate");
        for (String text : List.of(DOMAIN_PRAISE_TEXT, "i hate the bus", "meeting today", "")) {
            assertThat(loaded.analyze(text).score())
                    .as(text)
                    .isCloseTo(new TweetSentiment(adapted).analyze(text).score(), within(1e-12));
        }
    }

    @Test
    void aClassWithTooFewLabelsIsRefusedByName() {
        List<LabeledTweet> noNegatives =
                domainTweets(10).stream().filter(t -> t.label() != Polarity.NEGATIVE).toList();

        assertThatThrownBy(() -> DomainAdaptation.adapt(generalModel(), noNegatives, "x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 negative texts, found 0");
    }

    @Test
    void everyCrossValidationTrainingSetHasEveryClass() {
        List<LabeledTweet> labels = new ArrayList<>(domainTweets(10));
        labels.add(new LabeledTweet("rare1", Polarity.NEGATIVE, "bad"));
        List<LabeledTweet> twoNegatives =
                labels.stream()
                        .filter(
                                t ->
                                        t.label() != Polarity.NEGATIVE
                                                || t.id().equals("rare1")
                                                || t.id().equals("dn0"))
                        .toList();

        int[] folds = DomainAdaptation.stratifiedFolds(twoNegatives);

        for (int fold = 0; fold < DomainAdaptation.FOLDS; fold++) {
            List<Polarity> trained = new ArrayList<>();
            for (int i = 0; i < folds.length; i++) {
                if (folds[i] != fold) {
                    trained.add(twoNegatives.get(i).label());
                }
            }
            assertThat(trained).as("fold %d", fold).contains(Polarity.values());
        }
    }
}
