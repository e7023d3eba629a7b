// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.jobs.listen.operators.MatchQueries;
import io.hark.queries.CompiledQueries;
import io.hark.queries.QueryFile;
import io.hark.schema.Mention;
import io.hark.schema.MentionJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The listen job's query matching over JSON Lines: for trying queries out before deploying them.
 */
@Command(
        name = "match",
        description = {
            "Reads JSON Lines mentions (stdin or --in) and writes one line per input line:",
            "{\"id\": ID, \"queries\": [ids of the matching queries]}, or, for a line that is not a mention,",
            "{\"id\": null, \"queries\": [], \"error\": REASON, \"detail\": .., \"line\": N}."
        })
final class MatchCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--queries", required = true, description = "YAML file of listening queries")
    Path queries;

    @Option(names = "--in", description = "input file (default: standard input)")
    Path in;

    @Override
    public Integer call() throws Exception {
        CompiledQueries compiled = CompiledQueries.compile(QueryFile.load(queries));
        CommandFiles.mapLines(
                in,
                (line, number) -> {
                    try {
                        Mention mention = MentionJson.parse(line, Instant.now(), "match");
                        return result(mention.getId(), MatchQueries.match(compiled, mention));
                    } catch (MentionJson.InvalidMentionException e) {
                        return "{\"id\": null, \"queries\": [], \"error\": "
                                + json(e.reason())
                                + ", \"detail\": "
                                + json(e.getMessage())
                                + ", \"line\": "
                                + number
                                + "}";
                    }
                });
        return 0;
    }

    /**
     * Spelled out, spaces included, in the documented form {@code {"id": ..., "queries": [...]}}.
     */
    private static String result(String id, List<String> queryIds) throws JsonProcessingException {
        List<String> quoted = new ArrayList<>();
        for (String queryId : queryIds) {
            quoted.add(json(queryId));
        }
        return "{\"id\": " + json(id) + ", \"queries\": [" + String.join(", ", quoted) + "]}";
    }

    private static String json(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsString(value);
    }
}
