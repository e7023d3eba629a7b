// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.hark.nlp.TextSentiment.Polarity;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TweetSentimentModelTest {
    private static final List<String> WORDS =
            List.of("love", "great", "hate", "awful", "the", "bus", "today", "meh");
    private final Random random = new Random(11);

    private Counter<String> randomFeatures() {
        Counter<String> features = new ClassicCounter<>();
        for (String word : WORDS) {
            if (random.nextBoolean()) {
                features.setCount("w:" + word, 1 + random.nextInt(3));
            }
        }
        return features;
    }

    private static String labelOf(Counter<String> features, boolean threeClasses) {
        double polarity =
                features.getCount("w:love")
                        + features.getCount("w:great")
                        - features.getCount("w:hate")
                        - features.getCount("w:awful");
        if (threeClasses && Math.abs(polarity) < 1) {
            return TweetSentimentModel.label(Polarity.NEUTRAL);
        }
        return TweetSentimentModel.label(polarity > 0 ? Polarity.POSITIVE : Polarity.NEGATIVE);
    }

    @Test
    void theOneTableLookupScoresAsBothCoreNlpClassifiersDoInTurn() {
        RVFDataset<String, String> distantData = new RVFDataset<>();
        RVFDataset<String, String> data = new RVFDataset<>();
        for (int i = 0; i < 300; i++) {
            Counter<String> features = randomFeatures();
            distantData.add(new RVFDatum<>(features, labelOf(features, false)));
        }
        LinearClassifier<String, String> distant =
                new LinearClassifierFactory<String, String>().trainClassifier(distantData);
        for (int i = 0; i < 300; i++) {
            Counter<String> features = randomFeatures();
            String label = labelOf(features, true);
            TweetSentimentModel.addDistantFeatures(distant, features);
            data.add(new RVFDatum<>(features, label));
        }
        LinearClassifier<String, String> classifier =
                new LinearClassifierFactory<String, String>().trainClassifier(data);
        double[] offsets = {0.6, 0, 0.1};
        TweetSentimentModel model = new TweetSentimentModel(classifier, distant, offsets, "test");

        for (int i = 0; i < 50; i++) {
            Counter<String> features = randomFeatures();
            features.setCount("w:unseen", 1);
            double[] fast = model.probabilities(new ClassicCounter<>(features));

            TweetSentimentModel.addDistantFeatures(distant, features);
            Counter<String> scores = classifier.scoresOf(new RVFDatum<>(features));
            double[] reference = new double[3];
            double total = 0;
            for (Polarity p : Polarity.values()) {
                reference[p.ordinal()] =
                        Math.exp(
                                scores.getCount(TweetSentimentModel.label(p))
                                        + offsets[p.ordinal()]);
                total += reference[p.ordinal()];
            }
            for (Polarity p : Polarity.values()) {
                assertThat(fast[p.ordinal()])
                        .as("text %d, %s", i, p)
                        .isCloseTo(reference[p.ordinal()] / total, within(1e-9));
            }
        }
    }
}
