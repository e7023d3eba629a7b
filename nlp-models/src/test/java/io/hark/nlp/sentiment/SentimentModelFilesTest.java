// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.nlp.TextSentiment.Polarity;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analysts' label files and model files: what is read, and what is refused with which message. */
class SentimentModelFilesTest {
    @TempDir Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsLabelsInAnyCaseSkippingBlankLines() throws IOException {
        Path file =
                write(
                        "labels.tsv",
                        "x:1\tNEGATIVE\tlate again\n\nx:2\tneutral\tsee you at 5\r\nx:3\tPositive\t\"so good\"\n");

        assertThat(LabeledTweet.readLabels(file))
                .containsExactly(
                        new LabeledTweet("x:1", Polarity.NEGATIVE, "late again"),
                        new LabeledTweet("x:2", Polarity.NEUTRAL, "see you at 5"),
                        new LabeledTweet("x:3", Polarity.POSITIVE, "so good"));
    }

    @Test
    void anUnknownLabelIsAnErrorNamingFileLineAndLabel() throws IOException {
        Path file = write("labels.tsv", "x:1\tnegative\tlate again\nx:2\tgood\tso good\n");

        assertThatThrownBy(() -> LabeledTweet.readLabels(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        file
                                + ":2: expected the label negative, neutral or positive, found 'good'");
    }

    @Test
    void aLineWithoutTextIsAnErrorNamingFileAndLine() throws IOException {
        Path file = write("labels.tsv", "x:1\tnegative\tlate again\nx:2\tpositive\n");

        assertThatThrownBy(() -> LabeledTweet.readLabels(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        file + ":2: expected id<TAB>label<TAB>text, found 1 tab(s)");
    }

    @Test
    void anEmptyTextIsAnError() throws IOException {
        Path file = write("labels.tsv", "x:1\tnegative\t  \n");

        assertThatThrownBy(() -> LabeledTweet.readLabels(file))
                .hasMessageStartingWith(file + ":1: expected a non-empty id and text");
    }

    @Test
    void loadingATextFileSaysItIsNotAModel() throws IOException {
        Path file = write("labels.tsv", "x:1\tnegative\tlate again\n");

        assertThatThrownBy(() -> TweetSentiment.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not a Hark tweet sentiment model");
    }

    @Test
    void loadingAnotherSerializedObjectSaysWhatItHolds() throws IOException {
        Path file = dir.resolve("other.ser.gz");
        try (ObjectOutputStream out =
                new ObjectOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeObject("a string");
        }

        assertThatThrownBy(() -> TweetSentiment.load(file))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        file + ": not a Hark tweet sentiment model (it holds a java.lang.String)");
    }

    @Test
    void loadingAMissingFileNamesIt() {
        Path file = dir.resolve("missing.ser.gz");

        assertThatThrownBy(() -> TweetSentiment.load(file))
                .isInstanceOf(IOException.class)
                .hasMessage("no sentiment model file " + file);
    }
}
