// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.TestMentions;
import io.hark.nlp.TextSentiment.Polarity;
import io.hark.nlp.sentiment.DomainAdaptation;
import io.hark.nlp.sentiment.LabeledTweet;
import io.hark.nlp.sentiment.TweetSentiment;
import io.hark.nlp.sentiment.TweetSentimentModel;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listen job's {@code --sentiment-model}: the operators score with the model file they are
 * given.
 */
class DomainSentimentModelTest {
    @Test
    void theNlpScoresWithTheModelFileTheJobWasGiven(@TempDir Path dir) throws Exception {
        List<LabeledTweet> labels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            labels.add(
                    new LabeledTweet(
                            "p" + i, Polarity.POSITIVE, "that ramp was sick, trick number " + i));
            labels.add(
                    new LabeledTweet(
                            "n" + i,
                            Polarity.NEGATIVE,
                            "board snapped again at the park, day " + i));
            labels.add(
                    new LabeledTweet(
                            "u" + i, Polarity.NEUTRAL, "skate park opens at " + i + " tomorrow"));
        }
        TweetSentimentModel adapted =
                DomainAdaptation.adapt(
                        TweetSentiment.shared().model(), labels, "shipped+skate", null);
        Path file = dir.resolve("skate.ser.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            adapted.write(out);
        }

        Mention mention = TestMentions.mention(1, Instant.parse("2026-11-01T00:00:00Z"));
        mention.setText("that ramp was sick");
        try (var harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new EnrichMention(Map.of(), Duration.ofHours(1), file.toString()),
                        EnrichMention::nlpKey,
                        Types.STRING)) {
            harness.processElement(
                    EnrichedMention.newBuilder()
                            .setMention(mention)
                            .setEnrichedAt(Instant.EPOCH)
                            .build(),
                    1);
            EnrichedMention enriched = harness.extractOutputValues().get(0);
            assertThat(enriched.getSentiment().getModel()).isEqualTo("shipped+skate");
            assertThat(enriched.getSentiment().getLabel().name()).isEqualTo("positive");
        }
        assertThat(TweetSentiment.shared().analyze("that ramp was sick").polarity())
                .as(
                        "the shipped model reads the slang as negative, so the label above is the adapted model's")
                .isNotEqualTo(Polarity.POSITIVE);
    }
}
