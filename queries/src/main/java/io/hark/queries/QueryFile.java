// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hark.schema.StrictYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Query definitions in YAML, as analysts keep them:
 *
 * <pre>
 * queries:
 *   - id: acme
 *     name: Acme Coffee          # optional, defaults to the id
 *     group: coffee              # optional
 *     query: '(acme OR "acme coffee" OR #acmecoffee) AND NOT lang:de'
 * </pre>
 *
 * Every query is parsed on loading, so a file that loads compiles.
 */
public final class QueryFile {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final List<String> KEYS = List.of("id", "name", "group", "query");
    private static final YAMLMapper WRITER =
            YAMLMapper.builder(
                            YAMLFactory.builder()
                                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                                    .build())
                    .build();

    private QueryFile() {}

    public static List<QueryDefinition> load(Path yaml) {
        try {
            return parse(StrictYaml.read(yaml), yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read query file " + yaml + ": " + e.getMessage(), e);
        }
    }

    /** The queries in {@code yaml}; {@code sourceName} names it in error messages. */
    public static List<QueryDefinition> parse(String yaml, String sourceName) {
        JsonNode root = readTree(yaml, sourceName);
        if (root == null || !root.isObject() || !root.path("queries").isArray()) {
            throw new QueryFileException(sourceName + ": expected a 'queries' list at the top");
        }
        rejectUnknownKeys(root, List.of("queries"), sourceName);
        List<QueryDefinition> queries = new ArrayList<>();
        Map<String, Integer> numberById = new HashMap<>();
        JsonNode entries = root.get("queries");
        for (int i = 0; i < entries.size(); i++) {
            int number = i + 1;
            QueryDefinition query =
                    definition(entries.get(i), sourceName + ": query #" + number, sourceName);
            Integer earlier = numberById.putIfAbsent(query.id(), number);
            if (earlier != null) {
                throw new QueryFileException(
                        sourceName
                                + ": query '"
                                + query.id()
                                + "': the id is already used by query #"
                                + earlier);
            }
            queries.add(query);
        }
        return queries;
    }

    /** {@code queries} in the format {@link #parse} reads. */
    public static String toYaml(List<QueryDefinition> queries) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (QueryDefinition query : queries) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", query.id());
            entry.put("name", query.name());
            if (query.group() != null) {
                entry.put("group", query.group());
            }
            entry.put("query", query.query());
            entries.add(entry);
        }
        try {
            return WRITER.writeValueAsString(Map.of("queries", entries));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain strings always serialize", e);
        }
    }

    private static JsonNode readTree(String yaml, String sourceName) {
        try {
            return StrictYaml.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new QueryFileException(sourceName + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The definition in {@code entry}; {@code numbered} names it until its id is known. */
    private static QueryDefinition definition(JsonNode entry, String numbered, String sourceName) {
        if (!entry.isObject()) {
            throw new QueryFileException(numbered + ": expected a mapping with an id and a query");
        }
        String id = text(entry, "id", numbered);
        String where = id == null ? numbered : sourceName + ": query '" + id + "'";
        rejectUnknownKeys(entry, KEYS, where);
        if (id == null) {
            throw new QueryFileException(where + ": missing 'id'");
        }
        if (!ID.matcher(id).matches()) {
            throw new QueryFileException(
                    where + ": the id must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        String query = text(entry, "query", where);
        if (query == null) {
            throw new QueryFileException(where + ": missing 'query'");
        }
        try {
            QueryParser.parse(query);
        } catch (QuerySyntaxException e) {
            throw new QueryFileException(where + ": " + e.getMessage(), e);
        }
        return new QueryDefinition(
                id, text(entry, "name", where), query, text(entry, "group", where));
    }

    private static String text(JsonNode entry, String key, String where) {
        JsonNode value = entry.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new QueryFileException(where + ": '" + key + "' must be a single value");
        }
        return value.asText();
    }

    private static void rejectUnknownKeys(JsonNode mapping, List<String> known, String where) {
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new QueryFileException(
                        where
                                + ": unknown key '"
                                + name
                                + "'; the keys are "
                                + String.join(", ", known));
            }
        }
    }
}
