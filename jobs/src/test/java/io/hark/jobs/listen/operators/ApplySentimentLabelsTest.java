// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.TestMentions;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentLabel;
import io.hark.schema.SentimentSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ApplySentimentLabelsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static EnrichedMention enriched(int n) {
        return EnrichedMention.newBuilder()
                .setMention(TestMentions.mention(n, T0))
                .setSentiment(
                        Sentiment.newBuilder()
                                .setLabel(SentimentLabel.neutral)
                                .setScore(0.1)
                                .setConfidence(0.6)
                                .setModel("tweet")
                                .build())
                .setEnrichedAt(T0)
                .build();
    }

    private static String id(EnrichedMention enriched) {
        return MentionIds.of(enriched.getMention());
    }

    private static BroadcastOperatorTestHarness<
                    EnrichedMention, SentimentCorrection, EnrichedMention>
            harness(Map<String, SentimentLabel> initial) throws Exception {
        var harness =
                new BroadcastOperatorTestHarness<
                        EnrichedMention, SentimentCorrection, EnrichedMention>(
                        new CoBroadcastWithNonKeyedOperator<>(
                                new ApplySentimentLabels(initial),
                                List.of(ApplySentimentLabels.LABELS, ApplySentimentLabels.REMOVED)),
                        2,
                        2,
                        0);
        harness.setup();
        harness.open();
        return harness;
    }

    private static Sentiment last(
            BroadcastOperatorTestHarness<EnrichedMention, SentimentCorrection, EnrichedMention>
                    harness) {
        List<EnrichedMention> out = harness.extractOutputValues();
        return out.get(out.size() - 1).getSentiment();
    }

    @Test
    void labelsTheJobStartedWithAndThoseThatArriveHoldForTheMentionItsCopiesAndItsReposts()
            throws Exception {
        EnrichedMention original = enriched(1);
        EnrichedMention other = enriched(2);
        try (var harness = harness(Map.of(id(original), SentimentLabel.negative))) {
            harness.processElement(original, 1);
            assertThat(last(harness).getLabel()).isEqualTo(SentimentLabel.negative);
            assertThat(last(harness).getSource()).isEqualTo(SentimentSource.analyst);

            harness.processElement(other, 2);
            assertThat(last(harness).getLabel()).isEqualTo(SentimentLabel.neutral);
            assertThat(last(harness).getSource()).isEqualTo(SentimentSource.model);

            harness.processBroadcastElement(
                    new SentimentCorrection(id(other), SentimentLabel.positive), 3);
            Mention repost = TestMentions.mention(3, T0);
            repost.setPlatform(other.getMention().getPlatform());
            repost.setRepostOfId(other.getMention().getId());
            harness.processElement(
                    EnrichedMention.newBuilder(enriched(3)).setMention(repost).build(), 4);
            assertThat(last(harness).getLabel()).isEqualTo(SentimentLabel.positive);

            harness.processElement(
                    EnrichedMention.newBuilder(enriched(4)).setDuplicateOf(id(original)).build(),
                    5);
            assertThat(last(harness).getLabel()).isEqualTo(SentimentLabel.negative);

            harness.processBroadcastElement(
                    new SentimentCorrection(id(original), SentimentLabel.neutral), 6);
            harness.processElement(original, 7);
            assertThat(last(harness).getLabel())
                    .as("the latest label wins over the one the job started with")
                    .isEqualTo(SentimentLabel.neutral);
            assertThat(last(harness).getSource()).isEqualTo(SentimentSource.analyst);
        }
    }

    @Test
    void aRemovedLabelNoLongerHoldsAndARelabelledMentionGetsTheModelsReadingBack()
            throws Exception {
        EnrichedMention original = enriched(1);
        EnrichedMention copy =
                EnrichedMention.newBuilder(enriched(2)).setDuplicateOf(id(original)).build();
        try (var harness = harness(Map.of(id(original), SentimentLabel.negative))) {
            harness.processElement(copy, 1);
            EnrichedMention relabelledCopy = harness.extractOutputValues().get(0);
            assertThat(relabelledCopy.getSentiment().getSource())
                    .isEqualTo(SentimentSource.analyst);

            harness.processBroadcastElement(SentimentCorrection.removal(id(original)), 2);
            harness.processElement(original, 3);
            assertThat(last(harness)).isEqualTo(original.getSentiment());

            harness.processElement(relabelledCopy, 4);
            assertThat(last(harness))
                    .as("a copy relabelled before the removal, replayed from the enriched topic")
                    .isEqualTo(copy.getSentiment());
            assertThat(harness.extractOutputValues().get(2).getModelReading()).isNull();

            harness.processBroadcastElement(
                    new SentimentCorrection(id(original), SentimentLabel.positive), 5);
            harness.processElement(copy, 6);
            assertThat(last(harness).getLabel()).isEqualTo(SentimentLabel.positive);
        }
    }

    @Test
    void aRestoredJobKeepsTheLabelsThatArrivedWhileItRan() throws Exception {
        EnrichedMention mention = enriched(5);
        EnrichedMention unlabelled = enriched(6);
        Map<String, SentimentLabel> initial = Map.of(id(unlabelled), SentimentLabel.positive);
        OperatorSubtaskState snapshot;
        try (var harness = harness(initial)) {
            harness.processBroadcastElement(
                    new SentimentCorrection(id(mention), SentimentLabel.negative), 1);
            harness.processBroadcastElement(SentimentCorrection.removal(id(unlabelled)), 2);
            snapshot = harness.snapshot(1, 2);
        }
        var restored =
                new BroadcastOperatorTestHarness<
                        EnrichedMention, SentimentCorrection, EnrichedMention>(
                        new CoBroadcastWithNonKeyedOperator<>(
                                new ApplySentimentLabels(initial),
                                List.of(ApplySentimentLabels.LABELS, ApplySentimentLabels.REMOVED)),
                        2,
                        2,
                        0);
        try (restored) {
            restored.setup();
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(mention, 3);
            assertThat(last(restored).getLabel()).isEqualTo(SentimentLabel.negative);
            restored.processElement(unlabelled, 4);
            assertThat(last(restored))
                    .as("a label removed while the job ran, which it started with")
                    .isEqualTo(unlabelled.getSentiment());
        }
    }
}
