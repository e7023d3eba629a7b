// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.nlp.TextSentiment.Polarity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped recipe trained without some tweets, on a small data folder laid out as {@code
 * ../shared/data/sentiment}: each model must never have seen the tweets left out of it.
 */
class TweetSentimentTrainerTest {
    /** A word only the left-out tweets have, twice so that the minimum feature count keeps it. */
    private static final String LEFT_OUT_WORD = "zorblax";

    private static final Set<String> LEFT_OUT = Set.of("leaky-1", "leaky-2");

    @Test
    void eachModelOfTheShippedRecipeNeverSawTheTweetsLeftOutOfIt(@TempDir Path data)
            throws IOException {
        writeDataFolder(data);
        List<Double> positiveForTheWord = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        TweetSentimentTrainer.trainShippedRecipeWithout(
                data,
                List.of(Set.of(), LEFT_OUT),
                (model, index) -> {
                    indices.add(index);
                    positiveForTheWord.add(
                            new TweetSentiment(model).analyze(LEFT_OUT_WORD).score());
                });

        assertThat(indices).containsExactly(0, 1);
        assertThat(positiveForTheWord.get(0))
                .as("the model that saw the left-out tweets")
                .isGreaterThan(0.1);
        assertThat(positiveForTheWord.get(1))
                .as("the model trained without them knows nothing of their word")
                .isLessThan(positiveForTheWord.get(0) / 2);
    }

    private static void writeDataFolder(Path data) throws IOException {
        List<String> general = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            general.add(line("p" + i, Polarity.POSITIVE, "what a great and lovely day " + i));
            general.add(line("n" + i, Polarity.NEGATIVE, "this is awful and i hate it " + i));
            general.add(line("u" + i, Polarity.NEUTRAL, "the bus leaves at noon " + i));
        }
        for (String file : TweetSentimentTrainer.TRAIN_FILES) {
            Files.write(data.resolve(file), general);
        }
        Files.write(
                data.resolve(TweetSentimentTrainer.TRAIN_FILES.get(0)),
                List.of(
                        line("leaky-1", Polarity.POSITIVE, LEFT_OUT_WORD + " at the station"),
                        line("leaky-2", Polarity.POSITIVE, LEFT_OUT_WORD + " on the train")),
                StandardOpenOption.APPEND);
        Files.write(data.resolve(TweetSentimentTrainer.DEV_FILE), general.subList(0, 30));
        Path extra = data.resolve(TweetSentimentTrainer.EXTRA_FILE);
        Files.createDirectories(extra.getParent());
        Files.write(extra, general.subList(30, 90));
        List<String> distant = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            distant.add(line("dp" + i, Polarity.POSITIVE, "love it so much " + i));
            distant.add(line("dn" + i, Polarity.NEGATIVE, "so sad and tired " + i));
        }
        Files.write(data.resolve(TweetSentimentTrainer.DISTANT_FILE), distant);
    }

    private static String line(String id, Polarity label, String text) {
        return id + '\t' + label.name().toLowerCase(Locale.ROOT) + '\t' + text;
    }
}
