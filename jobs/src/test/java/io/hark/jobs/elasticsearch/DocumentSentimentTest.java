// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.jobs.TestMentions;
import io.hark.schema.EnrichedMention;
import io.hark.schema.MentionIds;
import io.hark.schema.QuerySentiment;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentLabel;
import io.hark.schema.SentimentSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSentimentTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static EnrichedMention enriched(int n, String duplicateOf) {
        return EnrichedMention.newBuilder()
                .setMention(TestMentions.mention(n, T0))
                .setSentiment(
                        Sentiment.newBuilder()
                                .setLabel(SentimentLabel.positive)
                                .setScore(0.4)
                                .setConfidence(0.6)
                                .setModel("tweet")
                                .build())
                .setMatchedQueries(List.of("acme", "dash"))
                .setSentimentByQuery(
                        List.of(
                                new QuerySentiment(
                                        "acme",
                                        SentimentLabel.positive,
                                        0.5,
                                        SentimentSource.model),
                                new QuerySentiment(
                                        "dash",
                                        SentimentLabel.negative,
                                        -0.3,
                                        SentimentSource.model)))
                .setDuplicateOf(duplicateOf)
                .setEnrichedAt(T0)
                .build();
    }

    @Test
    void aLabelAndItsRemovalGiveTheIndexedDocumentTheModelsReadingBack() {
        EnrichedMention mention = enriched(1, null);
        String id = MentionIds.of(mention.getMention());
        ObjectNode indexed = MentionDocuments.document(mention);
        ObjectNode document = indexed.deepCopy();

        assertThat(
                        DocumentSentiment.correct(
                                document, new SentimentCorrection(id, SentimentLabel.negative)))
                .isTrue();
        assertThat(document.at("/sentiment/label").asText()).isEqualTo("negative");
        assertThat(document.at("/sentiment/source").asText()).isEqualTo("analyst");
        assertThat(document.at("/sentiment/model").asText()).isEqualTo("tweet");
        assertThat(document.at("/model_reading/labelled_id").asText()).isEqualTo(id);
        assertThat(document.get("sentiment_toward").toString())
                .isEqualTo("[\"acme:negative\",\"dash:negative\"]");

        assertThat(DocumentSentiment.correct(document, SentimentCorrection.removal("x:404")))
                .as("another mention's label was never on it")
                .isFalse();
        assertThat(DocumentSentiment.correct(document, SentimentCorrection.removal(id))).isTrue();
        assertThat(document).isEqualTo(indexed);
    }

    @Test
    void aDocumentWhoseSentimentHarkDidNotWriteIsLeftAsItIs() {
        EnrichedMention mention = enriched(1, null);
        ObjectNode document = MentionDocuments.document(mention);
        ((ObjectNode) document.get("sentiment")).put("label", "furious");
        ObjectNode before = document.deepCopy();
        assertThat(
                        DocumentSentiment.correct(
                                document,
                                new SentimentCorrection(
                                        MentionIds.of(mention.getMention()),
                                        SentimentLabel.negative)))
                .isFalse();
        assertThat(document).isEqualTo(before);
    }

    @Test
    void theFirstCopysLabelLeavesACopysOwnLabelInPlace() {
        EnrichedMention first = enriched(1, null);
        String firstId = MentionIds.of(first.getMention());
        EnrichedMention copy = enriched(2, firstId);
        String copyId = MentionIds.of(copy.getMention());
        ObjectNode document = MentionDocuments.document(copy);

        DocumentSentiment.correct(
                document, new SentimentCorrection(firstId, SentimentLabel.neutral));
        DocumentSentiment.correct(
                document, new SentimentCorrection(copyId, SentimentLabel.negative));
        assertThat(
                        DocumentSentiment.correct(
                                document,
                                new SentimentCorrection(firstId, SentimentLabel.positive)))
                .isFalse();
        assertThat(document.at("/sentiment/label").asText()).isEqualTo("negative");
        assertThat(DocumentSentiment.correct(document, SentimentCorrection.removal(firstId)))
                .isFalse();
        assertThat(DocumentSentiment.correct(document, SentimentCorrection.removal(copyId)))
                .isTrue();
        assertThat(document.at("/sentiment/label").asText()).isEqualTo("positive");
        assertThat(document.at("/sentiment/source").asText()).isEqualTo("model");
        assertThat(document.has("model_reading")).isFalse();
    }

    @Test
    void aRemovedLabelNamesTheLessSpecificOnesThatMayHoldNext() {
        EnrichedMention first = enriched(1, null);
        String firstId = MentionIds.of(first.getMention());
        EnrichedMention copy = enriched(2, firstId);
        copy.getMention().setRepostOfId("77");
        String copyId = MentionIds.of(copy.getMention());
        String originalId = MentionIds.of(copy.getMention().getPlatform(), "77");
        ObjectNode copyDocument = MentionDocuments.document(copy);

        assertThat(DocumentSentiment.labelledIdsAfter(copyDocument, copyId))
                .containsExactly(firstId, originalId);
        assertThat(DocumentSentiment.labelledIdsAfter(copyDocument, firstId))
                .containsExactly(originalId);
        assertThat(DocumentSentiment.labelledIdsAfter(copyDocument, originalId)).isEmpty();
        assertThat(DocumentSentiment.labelledIdsAfter(copyDocument, "x:404")).isEmpty();

        EnrichedMention repostAndCopy = enriched(3, firstId);
        // a repost is on its original's platform
        repostAndCopy.getMention().setPlatform(first.getMention().getPlatform());
        repostAndCopy.getMention().setRepostOfId(first.getMention().getId());
        assertThat(
                        DocumentSentiment.labelledIdsAfter(
                                MentionDocuments.document(repostAndCopy), firstId))
                .as("a repost that is also its original's copy")
                .isEmpty();
    }

    @Test
    void aDocumentCarriesItsOwnLabelOnlyWhereItsMentionWasLabelled() {
        EnrichedMention first = enriched(1, null);
        String firstId = MentionIds.of(first.getMention());
        ObjectNode firstDocument = MentionDocuments.document(first);
        ObjectNode copyDocument = MentionDocuments.document(enriched(2, firstId));
        assertThat(DocumentSentiment.ownLabel(firstDocument)).as("the model's reading").isNull();

        SentimentCorrection firstsLabel = new SentimentCorrection(firstId, SentimentLabel.neutral);
        DocumentSentiment.correct(firstDocument, firstsLabel);
        DocumentSentiment.correct(copyDocument, firstsLabel);
        assertThat(DocumentSentiment.ownLabel(firstDocument)).isEqualTo(SentimentLabel.neutral);
        assertThat(DocumentSentiment.ownLabel(copyDocument)).as("its first copy's label").isNull();
    }
}
