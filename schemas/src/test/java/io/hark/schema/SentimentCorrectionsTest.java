// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentCorrectionsTest {
    @Test
    void aLabelsLineIsAMentionIdAndALabel() {
        assertThat(SentimentCorrection.parseLine("x:123\tNegative "))
                .isEqualTo(new SentimentCorrection("x:123", SentimentLabel.negative));
        assertThatThrownBy(() -> SentimentCorrection.parseLine("x:123 negative"))
                .hasMessageContaining("platform:id<TAB>label");
        assertThatThrownBy(() -> SentimentCorrection.parseLine("123\tnegative"))
                .hasMessageContaining("platform:id");
        assertThatThrownBy(() -> SentimentCorrection.parseLine("x:\tnegative"))
                .hasMessageContaining("platform:id");
        assertThatThrownBy(() -> SentimentCorrection.parseLine("x:1\tangry"))
                .hasMessageContaining("negative, neutral or positive");
    }

    @Test
    void theMentionsOwnLabelComesBeforeThatOfItsFirstCopyAndOfItsOriginal() {
        EnrichedMention repostOfACopy = mention("9", "5", "x:1");
        Map<String, SentimentLabel> labels =
                Map.of("x:1", SentimentLabel.positive, "x:5", SentimentLabel.neutral);
        assertThat(SentimentCorrections.labelledIds(repostOfACopy))
                .containsExactly("x:9", "x:1", "x:5");
        assertThat(SentimentCorrections.find(repostOfACopy, labels::get))
                .isEqualTo(new SentimentCorrections.LabelInForce("x:1", SentimentLabel.positive));
        assertThat(
                        SentimentCorrections.find(
                                repostOfACopy, Map.of("x:5", SentimentLabel.neutral)::get))
                .isEqualTo(new SentimentCorrections.LabelInForce("x:5", SentimentLabel.neutral));
        assertThat(
                        SentimentCorrections.find(
                                repostOfACopy,
                                Map.of(
                                                "x:9",
                                                SentimentLabel.negative,
                                                "x:1",
                                                SentimentLabel.positive)
                                        ::get))
                .isEqualTo(new SentimentCorrections.LabelInForce("x:9", SentimentLabel.negative));
        assertThat(SentimentCorrections.find(mention("7", null, null), labels::get)).isNull();
    }

    @Test
    void aLabelsFileToRemoveHoldsIdsAlone() {
        SentimentCorrection removal = SentimentCorrection.parseRemovalLine(" x:123 ");
        assertThat(removal.mentionId()).isEqualTo("x:123");
        assertThat(removal.isRemoval()).isTrue();
        assertThat(SentimentCorrection.parseLine("x:123\tneutral").isRemoval()).isFalse();
        assertThatThrownBy(() -> SentimentCorrection.parseRemovalLine("x:123\tneutral"))
                .hasMessageContaining("ids only");
        assertThatThrownBy(() -> SentimentCorrection.parseRemovalLine("123"))
                .hasMessageContaining("platform:id");
    }

    @Test
    void anAnalystsLabelReplacesTheModelsAndKeepsTheModelsName() {
        EnrichedMention enriched = mention("1", null, null);
        EnrichedMention relabelled = labelled(enriched, "x:1", SentimentLabel.negative);
        assertThat(relabelled.getSentiment().getLabel()).isEqualTo(SentimentLabel.negative);
        assertThat(relabelled.getSentiment().getScore()).isEqualTo(-1.0);
        assertThat(relabelled.getSentiment().getConfidence()).isEqualTo(1.0);
        assertThat(relabelled.getSentiment().getSource()).isEqualTo(SentimentSource.analyst);
        assertThat(relabelled.getSentiment().getModel()).isEqualTo("tweet-model");
        assertThat(relabelled.getSentimentByQuery())
                .containsExactly(
                        new QuerySentiment(
                                "acme", SentimentLabel.negative, -1.0, SentimentSource.analyst),
                        new QuerySentiment(
                                "dash", SentimentLabel.negative, -1.0, SentimentSource.analyst));
        assertThat(enriched.getSentiment().getSource()).isEqualTo(SentimentSource.model);
        enriched.setSentiment(null);
        assertThat(labelled(enriched, "x:1", SentimentLabel.neutral).getSentiment().getModel())
                .isEqualTo("none");
    }

    @Test
    void aRemovedLabelGivesTheModelsReadingBackHoweverOftenTheMentionWasRelabelled() {
        EnrichedMention enriched = mention("1", null, "x:0");
        EnrichedMention relabelled =
                labelled(
                        labelled(enriched, "x:0", SentimentLabel.negative),
                        "x:1",
                        SentimentLabel.neutral);
        assertThat(relabelled.getModelReading().getLabelledId()).isEqualTo("x:1");
        assertThat(relabelled.getModelReading().getSentiment()).isEqualTo(enriched.getSentiment());

        EnrichedMention restored = SentimentCorrections.apply(relabelled, id -> null);
        assertThat(restored.getSentiment()).isEqualTo(enriched.getSentiment());
        assertThat(restored.getSentimentByQuery()).isEqualTo(enriched.getSentimentByQuery());
        assertThat(restored.getModelReading()).isNull();
        assertThat(SentimentCorrections.apply(enriched, id -> null)).isSameAs(enriched);
    }

    @Test
    void removingALabelGivenToAnotherMentionLeavesTheMentionsOwn() {
        SentimentCorrections.Reading own =
                SentimentCorrections.relabel(
                        SentimentCorrections.Reading.of(mention("1", null, "x:0")),
                        SentimentLabel.negative,
                        "x:1",
                        List.of("acme", "dash"));
        assertThat(SentimentCorrections.restore(own, "x:0")).isSameAs(own);
        assertThat(SentimentCorrections.restore(own, "x:1").sentiment().getSource())
                .isEqualTo(SentimentSource.model);
        assertThat(
                        SentimentCorrections.relabel(
                                own,
                                SentimentLabel.positive,
                                "x:0",
                                List.of("x:1", "x:0"),
                                List.of("acme", "dash")))
                .as("the first copy's label does not outrank the mention's own")
                .isSameAs(own);
        assertThat(
                        SentimentCorrections.relabel(
                                        own,
                                        SentimentLabel.positive,
                                        "x:1",
                                        List.of("x:1", "x:0"),
                                        List.of("acme", "dash"))
                                .sentiment()
                                .getLabel())
                .isEqualTo(SentimentLabel.positive);
    }

    @Test
    void aLabelOverAnAnalystsReadingOfAnOlderReleaseKeepsNoModelReading() {
        EnrichedMention olderRelabel = mention("1", null, null);
        olderRelabel.setSentiment(
                SentimentCorrections.analystSentiment(SentimentLabel.neutral, "m"));
        EnrichedMention relabelled = labelled(olderRelabel, "x:1", SentimentLabel.positive);
        assertThat(relabelled.getSentiment().getLabel()).isEqualTo(SentimentLabel.positive);
        assertThat(relabelled.getModelReading()).isNull();
    }

    private static EnrichedMention labelled(
            EnrichedMention enriched, String labelledId, SentimentLabel label) {
        return SentimentCorrections.apply(enriched, id -> id.equals(labelledId) ? label : null);
    }

    private static EnrichedMention mention(String id, String repostOf, String duplicateOf) {
        Mention mention =
                Mention.newBuilder()
                        .setId(id)
                        .setPlatform(Platform.x)
                        .setCreatedAt(Instant.parse("2026-01-01T00:00:00Z"))
                        .setIngestedAt(Instant.parse("2026-01-01T00:00:01Z"))
                        .setText("text " + id)
                        .setAuthor(Author.newBuilder().setId("a").setUsername("a").build())
                        .setEngagement(Engagement.newBuilder().build())
                        .setRepostOfId(repostOf)
                        .setSource("test")
                        .build();
        return EnrichedMention.newBuilder()
                .setMention(mention)
                .setSentiment(
                        Sentiment.newBuilder()
                                .setLabel(SentimentLabel.positive)
                                .setScore(0.5)
                                .setConfidence(0.7)
                                .setModel("tweet-model")
                                .build())
                .setEnrichedAt(Instant.parse("2026-01-01T00:00:02Z"))
                .setDuplicateOf(duplicateOf)
                .setTopics(List.of())
                .setMatchedQueries(List.of("acme", "dash"))
                .setSentimentByQuery(
                        List.of(
                                new QuerySentiment(
                                        "acme",
                                        SentimentLabel.positive,
                                        0.6,
                                        SentimentSource.model),
                                new QuerySentiment(
                                        "dash",
                                        SentimentLabel.negative,
                                        -0.4,
                                        SentimentSource.model)))
                .build();
    }
}
