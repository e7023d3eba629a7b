// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hark.jobs.TestMentions;
import io.hark.jobs.queries.BroadcastQueries;
import io.hark.nlp.TextSentiment;
import io.hark.nlp.sentiment.TweetSentiment;
import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryControlJson;
import io.hark.queries.control.QueryUpdate;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.QuerySentiment;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import io.hark.schema.SentimentSource;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ScoreQuerySentimentTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<QueryDefinition> QUERIES =
            List.of(
                    new QueryDefinition("forkly", "Forkly", "forkly", "delivery"),
                    new QueryDefinition(
                            "dashbite", "DashBite", "dashbite OR \"dash bite\"", "delivery"));

    private static EnrichedMention enriched(String text, boolean withSentiment, String... matched) {
        Mention mention = TestMentions.mention(1, T0);
        mention.setText(text);
        return EnrichedMention.newBuilder()
                .setMention(mention)
                .setSentiment(
                        withSentiment
                                ? Sentiment.newBuilder()
                                        .setLabel(SentimentLabel.positive)
                                        .setScore(0.2)
                                        .setConfidence(0.5)
                                        .setModel("tweet")
                                        .build()
                                : null)
                .setMatchedQueries(List.of(matched))
                .setEnrichedAt(T0)
                .build();
    }

    private static BroadcastOperatorTestHarness<EnrichedMention, QueryUpdate, EnrichedMention>
            harness() throws Exception {
        var harness =
                new BroadcastOperatorTestHarness<EnrichedMention, QueryUpdate, EnrichedMention>(
                        new CoBroadcastWithNonKeyedOperator<>(
                                new ScoreQuerySentiment(QUERIES, null),
                                List.of(BroadcastQueries.STATE)),
                        1,
                        1,
                        0);
        harness.setup();
        harness.open();
        return harness;
    }

    private static List<QuerySentiment> last(
            BroadcastOperatorTestHarness<EnrichedMention, QueryUpdate, EnrichedMention> h) {
        List<EnrichedMention> out = h.extractOutputValues();
        return out.get(out.size() - 1).getSentimentByQuery();
    }

    @Test
    void aComparisonIsPositiveTowardTheWinnerAndNegativeTowardTheLoser() throws Exception {
        try (var harness = harness()) {
            harness.processElement(
                    enriched(
                            "Forkly > DashBite. They sent a driver who was super kind.",
                            true,
                            "dashbite",
                            "forkly"),
                    1);
            assertThat(last(harness))
                    .extracting(QuerySentiment::getQuery, QuerySentiment::getLabel)
                    .containsExactly(
                            tuple("dashbite", SentimentLabel.negative),
                            tuple("forkly", SentimentLabel.positive));
            assertThat(last(harness).get(0).getScore()).isNegative();
            assertThat(last(harness).get(1).getScore()).isPositive();
        }
    }

    @Test
    void aTextSeenBeforeIsScoredAgainstTheQueriesAsTheyAreNow() throws Exception {
        String comparison = "Forkly > DashBite. They sent a driver who was super kind.";
        try (var harness = harness()) {
            harness.processElement(enriched(comparison, true, "dashbite"), 1);
            harness.processElement(enriched(comparison, true, "dashbite"), 2);
            List<EnrichedMention> out = harness.extractOutputValues();
            assertThat(out.get(1).getSentimentByQuery())
                    .isEqualTo(out.get(0).getSentimentByQuery())
                    .extracting(QuerySentiment::getLabel)
                    .containsExactly(SentimentLabel.negative);

            harness.processBroadcastElement(
                    new QueryUpdate(
                            "dashbite",
                            QueryControlJson.toJson(
                                    new QueryDefinition(
                                            "dashbite", "Zoomeats", "zoomeats", "delivery"))),
                    3);
            harness.processElement(enriched(comparison, true, "dashbite"), 4);
            assertThat(last(harness))
                    .extracting(QuerySentiment::getLabel)
                    .containsExactly(
                            EnrichMention.label(TweetSentiment.shared().analyze(comparison)))
                    .doesNotContain(SentimentLabel.negative);
        }
    }

    @Test
    void aTargetAbsentFromTheTextGetsTheMentionsOwnReadingAndNeverAnAnalystsLabel()
            throws Exception {
        String text = "Forkly lunch club delivered cold food again, so disappointing";
        TextSentiment own = TweetSentiment.shared().analyze(text);
        try (var harness = harness()) {
            EnrichedMention mention = enriched(text, true, "dashbite");
            mention.setSentiment(
                    Sentiment.newBuilder()
                            .setLabel(EnrichMention.label(own))
                            .setScore(own.score())
                            .setConfidence(own.confidence())
                            .setModel(own.model())
                            .build());
            harness.processElement(mention, 1);
            assertThat(last(harness))
                    .singleElement()
                    .satisfies(
                            toward -> {
                                assertThat(toward.getLabel()).isEqualTo(SentimentLabel.negative);
                                assertThat(toward.getScore()).isEqualTo(own.score());
                            });

            EnrichedMention corrected = enriched(text + "!", true, "dashbite");
            corrected.setSentiment(
                    Sentiment.newBuilder()
                            .setLabel(SentimentLabel.positive)
                            .setScore(0.9)
                            .setConfidence(0.95)
                            .setModel(own.model())
                            .setSource(SentimentSource.analyst)
                            .build());
            harness.processElement(corrected, 2);
            assertThat(last(harness))
                    .extracting(QuerySentiment::getLabel)
                    .containsExactly(SentimentLabel.negative);
        }
    }

    @Test
    void aQueryAddedWhileTheJobRunsIsScoredAndAMentionWithoutSentimentGetsNone() throws Exception {
        try (var harness = harness()) {
            harness.processBroadcastElement(
                    new QueryUpdate(
                            "skyline",
                            QueryControlJson.toJson(
                                    new QueryDefinition(
                                            "skyline",
                                            "Skyline Air",
                                            "\"skyline air\"",
                                            "airlines"))),
                    1);
            harness.processElement(
                    enriched("Skyline Air lost my bag again, worst airline ever", true, "skyline"),
                    2);
            assertThat(last(harness))
                    .singleElement()
                    .satisfies(
                            toward -> {
                                assertThat(toward.getQuery()).isEqualTo("skyline");
                                assertThat(toward.getLabel()).isEqualTo(SentimentLabel.negative);
                            });

            harness.processElement(enriched("Forkly est génial", false, "forkly"), 3);
            assertThat(last(harness)).isEmpty();
        }
    }
}
