// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.jobs.TestMentions;
import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryControlJson;
import io.hark.queries.control.QueryStatus;
import io.hark.queries.control.QueryUpdate;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

class MatchQueriesTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<QueryDefinition> INITIAL =
            List.of(
                    new QueryDefinition(
                            "skyline", "Skyline Air", "\"skyline air\" OR #skylineair", "airlines"),
                    new QueryDefinition("delays", "Delays", "delay* AND NOT refund", "crisis"));

    private int next;

    private Mention mention(String text) {
        Mention mention = TestMentions.mention(next++, T0);
        mention.setText(text);
        mention.setHashtags(List.of());
        return mention;
    }

    private static BroadcastOperatorTestHarness<Mention, QueryUpdate, EnrichedMention> harness(
            MatchQueries function, int subtask) throws Exception {
        BroadcastOperatorTestHarness<Mention, QueryUpdate, EnrichedMention> harness =
                new BroadcastOperatorTestHarness<>(
                        new CoBroadcastWithNonKeyedOperator<>(
                                function, List.of(MatchQueries.QUERIES)),
                        2,
                        2,
                        subtask);
        harness.setup();
        harness.open();
        return harness;
    }

    private static QueryUpdate upsert(String id, String query, String group) {
        return new QueryUpdate(
                id, QueryControlJson.toJson(new QueryDefinition(id, id, query, group)));
    }

    private static List<String> lastMatch(
            BroadcastOperatorTestHarness<Mention, QueryUpdate, EnrichedMention> harness) {
        List<EnrichedMention> out = harness.extractOutputValues();
        return out.get(out.size() - 1).getMatchedQueries();
    }

    @Test
    void recordsTheQueriesAndGroupsAMentionMatchesAndDropsTheRest() throws Exception {
        try (var harness = harness(new MatchQueries(INITIAL, false), 0)) {
            harness.processElement(
                    mention("Skyline Air delayed again, two hours on the tarmac"), 1);
            harness.processElement(mention("Lovely weather today"), 2);
            harness.processElement(mention("Skyline Air delayed, but the refund came quickly"), 3);

            List<EnrichedMention> out = harness.extractOutputValues();
            assertThat(out).hasSize(2);
            assertThat(out.get(0).getMatchedQueries()).containsExactly("delays", "skyline");
            assertThat(out.get(0).getMatchedGroups()).containsExactly("airlines", "crisis");
            assertThat(out.get(1).getMatchedQueries()).containsExactly("skyline");
        }
    }

    @Test
    void filtersOnThePlatformsLanguageElseOnTheDetectedOne() throws Exception {
        List<QueryDefinition> german =
                List.of(new QueryDefinition("bahn", "Bahn", "bahn AND lang:de", null));
        try (var harness = harness(new MatchQueries(german, false), 0)) {
            Mention germanText =
                    mention("Die Bahn hat schon wieder eine Stunde Verspätung, unglaublich");
            germanText.setLang(null);
            harness.processElement(germanText, 1);
            Mention englishText =
                    mention("The bahn was an hour late again this morning, unbelievable");
            englishText.setLang(null);
            harness.processElement(englishText, 2);
            Mention claimed = mention("The bahn was an hour late again this morning");
            claimed.setLang("de");
            harness.processElement(claimed, 3);

            List<EnrichedMention> out = harness.extractOutputValues();
            assertThat(out)
                    .extracting(enriched -> enriched.getMention().getId())
                    .containsExactly(
                            TestMentions.mention(0, T0).getId(),
                            TestMentions.mention(2, T0).getId());
        }
    }

    @Test
    void keepsUnmatchedMentionsWhenAskedWithNoQueryIds() throws Exception {
        try (var harness = harness(new MatchQueries(INITIAL, true), 0)) {
            harness.processElement(mention("Lovely weather today"), 1);
            assertThat(lastMatch(harness)).isEmpty();
        }
    }

    @Test
    void appliesAddedChangedAndRemovedQueriesWithoutARestart() throws Exception {
        try (var harness = harness(new MatchQueries(INITIAL, false), 0)) {
            harness.processBroadcastElement(upsert("bluejet", "bluejet", "airlines"), 1);
            harness.processElement(mention("BlueJet lost my bag"), 2);
            assertThat(lastMatch(harness)).containsExactly("bluejet");

            harness.processBroadcastElement(upsert("delays", "delay*", "crisis"), 3);
            harness.processElement(mention("Delayed, refund promised"), 4);
            assertThat(lastMatch(harness)).containsExactly("delays");

            harness.processBroadcastElement(new QueryUpdate("bluejet", null), 5);
            int before = harness.extractOutputValues().size();
            harness.processElement(mention("BlueJet lost my bag"), 6);
            assertThat(harness.extractOutputValues()).hasSize(before);

            assertThat(harness.getSideOutput(MatchQueries.STATUS))
                    .extracting(StreamRecord::getValue)
                    .extracting(QueryStatus::queryId, QueryStatus::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("bluejet", QueryStatus.ACTIVE),
                            org.assertj.core.groups.Tuple.tuple("delays", QueryStatus.ACTIVE),
                            org.assertj.core.groups.Tuple.tuple("bluejet", QueryStatus.REMOVED));
        }
    }

    @Test
    void refusesAnInvalidUpdateAndKeepsThePreviousVersion() throws Exception {
        try (var harness = harness(new MatchQueries(INITIAL, false), 0)) {
            harness.processBroadcastElement(upsert("skyline", "skyline AND", "airlines"), 1);
            harness.processBroadcastElement(new QueryUpdate("broken", "{not json"), 2);
            harness.processElement(mention("Flying Skyline Air tomorrow"), 3);
            assertThat(lastMatch(harness)).containsExactly("skyline");

            List<QueryStatus> statuses =
                    harness.getSideOutput(MatchQueries.STATUS).stream()
                            .map(StreamRecord::getValue)
                            .toList();
            assertThat(statuses).extracting(QueryStatus::state).containsOnly(QueryStatus.REJECTED);
            assertThat(statuses.get(0).error()).contains("position");
            assertThat(statuses.get(0).query()).isEqualTo(INITIAL.get(0).query());
            assertThat(statuses.get(1).error()).contains("not valid JSON");
        }
    }

    @Test
    void aRestoredJobKeepsItsQueriesRatherThanTheInitialOnes() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(new MatchQueries(INITIAL, false), 0)) {
            harness.processBroadcastElement(upsert("bluejet", "bluejet", "airlines"), 1);
            harness.processBroadcastElement(new QueryUpdate("skyline", null), 2);
            snapshot = harness.snapshot(1, 3);
        }
        var restored =
                new BroadcastOperatorTestHarness<Mention, QueryUpdate, EnrichedMention>(
                        new CoBroadcastWithNonKeyedOperator<>(
                                new MatchQueries(INITIAL, false), List.of(MatchQueries.QUERIES)),
                        2,
                        2,
                        0);
        try (restored) {
            restored.setup();
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(mention("Skyline Air and BlueJet compared"), 4);
            assertThat(lastMatch(restored)).containsExactly("bluejet");
        }
    }

    @Test
    void onlyTheFirstSubtaskReportsStatusSoEachUpdateIsReportedOnce() throws Exception {
        try (var harness = harness(new MatchQueries(INITIAL, false), 1)) {
            harness.processBroadcastElement(upsert("bluejet", "bluejet", "airlines"), 1);
            harness.processElement(mention("BlueJet lost my bag"), 2);
            assertThat(lastMatch(harness)).containsExactly("bluejet");
            assertThat(harness.getSideOutput(MatchQueries.STATUS)).isNullOrEmpty();
        }
    }
}
