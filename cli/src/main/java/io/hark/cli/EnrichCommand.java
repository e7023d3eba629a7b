// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.jobs.listen.operators.EnrichMention;
import io.hark.nlp.MentionEnricher;
import io.hark.schema.Mention;
import io.hark.schema.MentionJson;
import io.hark.schema.PlainJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The listen job's enrichment over JSON Lines, for debugging. */
@Command(
    name = "enrich",
    description = {
        "Reads JSON Lines mentions (stdin or --in) and writes one JSON line per input line: the enriched",
        "mention as the listen job makes it, or {\"error\":REASON,\"detail\":..,\"line\":N} for a line that is not a mention."})
final class EnrichCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Option(names = "--in", description = "input file (default: standard input)")
  Path in;

  @Override
  public Integer call() throws Exception {
    MentionEnricher enricher = new MentionEnricher(Map.of());
    CommandFiles.mapLines(in, (line, number) -> {
      if (line.isBlank()) {
        return null;
      }
      try {
        Mention mention = MentionJson.parse(line, Instant.now(), "enrich");
        return PlainJson.toJson(EnrichMention.enriched(mention, enricher.enrich(mention.getText(), mention.getHashtags())));
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
