// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.jobs.listen.ListenPipeline;
import io.hark.jobs.listen.operators.EnrichMention;
import io.hark.jobs.listen.operators.MatchQueries;
import io.hark.jobs.listen.operators.ScoreQuerySentiment;
import io.hark.nlp.MentionEnricher;
import io.hark.nlp.sentiment.TargetedSentiment;
import io.hark.queries.CompiledQueries;
import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryFile;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionJson;
import io.hark.schema.PlainJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The listen job's enrichment over JSON Lines, for debugging. */
@Command(
        name = "enrich",
        description = {
            "Reads JSON Lines mentions (stdin or --in) and writes one JSON line per input line: the enriched",
            "mention as the listen job makes it, or {\"error\":REASON,\"detail\":..,\"line\":N} for a line that is not a mention."
        })
final class EnrichCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--in", description = "input file (default: standard input)")
    Path in;

    @Option(
            names = "--queries",
            description =
                    "listening queries (YAML): each mention gets the ids of those it matches and its sentiment toward each")
    Path queries;

    @Override
    public Integer call() throws Exception {
        List<QueryDefinition> definitions = queries == null ? List.of() : QueryFile.load(queries);
        CompiledQueries compiled = MatchQueries.compile(definitions);
        Map<String, List<String>> targets = ScoreQuerySentiment.targetsOf(definitions);
        MentionEnricher enricher = new MentionEnricher(ListenPipeline.gazetteer(definitions));
        CommandFiles.mapLines(
                in,
                (line, number) -> {
                    if (line.isBlank()) {
                        return null;
                    }
                    try {
                        Mention mention = MentionJson.parse(line, Instant.now(), "enrich");
                        EnrichedMention enriched =
                                EnrichMention.enriched(
                                        mention,
                                        enricher.enrich(
                                                mention.getText(),
                                                mention.getLang(),
                                                mention.getHashtags()));
                        List<String> matched = MatchQueries.match(compiled, mention);
                        enriched.setMatchedQueries(matched);
                        enriched.setMatchedGroups(
                                matched.stream()
                                        .map(compiled::group)
                                        .filter(Objects::nonNull)
                                        .distinct()
                                        .sorted()
                                        .toList());
                        if (enriched.getSentiment() != null) {
                            enriched.setSentimentByQuery(
                                    ScoreQuerySentiment.towardQueries(
                                            enriched, targets, TargetedSentiment.shared()));
                        }
                        return PlainJson.toJson(enriched);
                    } catch (MentionJson.InvalidMentionException e) {
                        Map<String, Object> error = new LinkedHashMap<>();
                        error.put("error", e.reason());
                        error.put("detail", e.getMessage());
                        error.put("line", number);
                        return MAPPER.writeValueAsString(error);
                    }
                });
        return 0;
    }
}
