// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.analytics.notify.KibanaLinks;
import io.hark.jobs.elasticsearch.IndexTemplates;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the Kibana saved objects of the repository's {@code kibana/} directory against Hark's
 * index templates: every object well formed, every reference resolvable, every field a data view,
 * visualization, control, saved search or filter uses mapped in the right index, aggregatable where
 * it is aggregated and numeric where it is summed or averaged.
 */
class KibanaSavedObjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("..", "kibana");
    private static final List<String> KINDS = List.of("mentions", "metrics", "alerts");
    private static final Set<String> NUMERIC =
            Set.of(
                    "long",
                    "integer",
                    "short",
                    "byte",
                    "double",
                    "float",
                    "half_float",
                    "scaled_float",
                    "unsigned_long");
    private static final Set<String> AGGREGATABLE_TYPES =
            Set.of("keyword", "constant_keyword", "boolean", "date", "date_nanos", "ip");

    /** Lens operations that aggregate their source field. */
    private static final Set<String> AGGREGATING =
            Set.of(
                    "terms",
                    "date_histogram",
                    "range",
                    "sum",
                    "average",
                    "min",
                    "max",
                    "median",
                    "percentile",
                    "percentile_rank",
                    "standard_deviation",
                    "unique_count",
                    "last_value",
                    "cardinality",
                    "count");

    /** Lens operations that need a numeric field (min and max also take dates). */
    private static final Set<String> NUMERIC_OPERATIONS =
            Set.of(
                    "sum",
                    "average",
                    "median",
                    "percentile",
                    "percentile_rank",
                    "standard_deviation",
                    "range");

    private static final Pattern KQL_FIELD =
            Pattern.compile("(?<![\\w.@])([A-Za-z_@][\\w.@]*)\\s*:");
    private static final Pattern DOC_FIELD = Pattern.compile("doc\\[['\"]([^'\"]+)['\"]\\]");

    record Field(String type, boolean aggregatable) {
        boolean numeric() {
            return NUMERIC.contains(type);
        }
    }

    record SavedObject(String file, int line, JsonNode node) {
        String type() {
            return node.path("type").asText();
        }

        String id() {
            return node.path("id").asText();
        }

        JsonNode attributes() {
            return node.path("attributes");
        }

        String describe() {
            return type() + " '" + id() + "' (" + file + ":" + line + ")";
        }

        /** The id of the reference of the given name and type, or null. */
        String reference(String name, String type) {
            for (JsonNode ref : node.path("references")) {
                if (ref.path("name").asText().equals(name)
                        && ref.path("type").asText().equals(type)) {
                    return ref.path("id").asText();
                }
            }
            return null;
        }
    }

    private static final List<SavedObject> OBJECTS = new ArrayList<>();
    private static final List<String> PARSE_ERRORS = new ArrayList<>();

    /** kind (mentions, metrics, alerts) to field path to field. */
    private static final Map<String, Map<String, Field>> MAPPINGS = new LinkedHashMap<>();

    private static final Map<String, JsonNode> TEMPLATES = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        assertThat(DIR).as("the kibana/ directory next to the jobs module").isDirectory();
        List<Path> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files =
                    list.filter(p -> p.getFileName().toString().endsWith(".ndjson"))
                            .sorted()
                            .toList();
        }
        assertThat(files).as("*.ndjson files in " + DIR.toAbsolutePath().normalize()).isNotEmpty();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String where = file.getFileName() + ":" + (i + 1);
                try {
                    OBJECTS.add(
                            new SavedObject(
                                    file.getFileName().toString(), i + 1, JSON.readTree(line)));
                } catch (IOException e) {
                    PARSE_ERRORS.add(where + ": not JSON: " + e.getMessage());
                }
            }
        }
        IndexTemplates templates = new IndexTemplates("hark");
        for (String kind : KINDS) {
            JsonNode template = JSON.readTree(templates.template(kind));
            TEMPLATES.put(kind, template);
            Map<String, Field> fields = new LinkedHashMap<>();
            walk(template.path("template").path("mappings").path("properties"), "", true, fields);
            MAPPINGS.put(kind, fields);
        }
    }

    private static void walk(
            JsonNode properties, String prefix, boolean enabled, Map<String, Field> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = prefix + entry.getKey();
            JsonNode def = entry.getValue();
            boolean on = enabled && def.path("enabled").asBoolean(true);
            if (def.has("properties")) {
                walk(def.path("properties"), path + ".", on, out);
                continue;
            }
            String type = def.path("type").asText("object");
            if ("object".equals(type) || "nested".equals(type)) {
                out.put(path, new Field(type, false));
                continue;
            }
            boolean aggregatable =
                    on
                            && def.path("index").asBoolean(true)
                            && def.path("doc_values").asBoolean(true)
                            && (AGGREGATABLE_TYPES.contains(type) || NUMERIC.contains(type));
            out.put(path, new Field(type, aggregatable));
            for (Iterator<Map.Entry<String, JsonNode>> sub = def.path("fields").fields();
                    sub.hasNext(); ) {
                Map.Entry<String, JsonNode> multi = sub.next();
                String subType = multi.getValue().path("type").asText();
                out.put(
                        path + "." + multi.getKey(),
                        new Field(
                                subType,
                                on
                                        && multi.getValue().path("index").asBoolean(true)
                                        && (AGGREGATABLE_TYPES.contains(subType)
                                                || NUMERIC.contains(subType))));
            }
        }
    }

    private static Stream<SavedObject> ofType(String type) {
        return OBJECTS.stream().filter(o -> o.type().equals(type));
    }

    private static SavedObject find(String type, String id) {
        return OBJECTS.stream()
                .filter(o -> o.type().equals(type) && o.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    private static JsonNode parseEmbedded(
            JsonNode text, String what, SavedObject o, List<String> problems) {
        if (!text.isTextual()) {
            problems.add(o.describe() + ": " + what + " missing or not a JSON string");
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text.asText());
        } catch (IOException e) {
            problems.add(o.describe() + ": " + what + " is not JSON: " + e.getMessage());
            return JSON.missingNode();
        }
    }

    /** The template kind whose indices and alias the pattern matches, or null. */
    private static String kindOf(String title) {
        for (String kind : KINDS) {
            String alias = TEMPLATES.get(kind).path("template").path("aliases").fieldNames().next();
            String index =
                    TEMPLATES
                            .get(kind)
                            .path("index_patterns")
                            .get(0)
                            .asText()
                            .replace("*", "2026.01.01");
            boolean all = true;
            for (String pattern : title.split(",")) {
                Pattern glob =
                        Pattern.compile(Pattern.quote(pattern.trim()).replace("*", "\\E.*\\Q"));
                all &= glob.matcher(alias).matches() || glob.matcher(index).matches();
            }
            boolean covers =
                    Stream.of(title.split(",")).anyMatch(p -> globMatches(p.trim(), alias))
                            && Stream.of(title.split(","))
                                    .anyMatch(p -> globMatches(p.trim(), index));
            if (all && covers) {
                return kind;
            }
        }
        return null;
    }

    private static boolean globMatches(String glob, String name) {
        return Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q"))
                .matcher(name)
                .matches();
    }

    /**
     * Fields of a data view: its template's mapping plus its runtime fields, or null when unknown.
     */
    private static Map<String, Field> fieldsOf(String dataViewId, List<String> problems) {
        SavedObject view = find("index-pattern", dataViewId);
        if (view == null) {
            return null;
        }
        String kind = kindOf(view.attributes().path("title").asText());
        if (kind == null) {
            return null;
        }
        Map<String, Field> fields = new LinkedHashMap<>(MAPPINGS.get(kind));
        JsonNode runtime =
                parseEmbedded(
                        view.attributes().path("runtimeFieldMap"),
                        "runtimeFieldMap",
                        view,
                        problems);
        for (Iterator<Map.Entry<String, JsonNode>> it = runtime.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String type = entry.getValue().path("type").asText();
            fields.putIfAbsent(
                    entry.getKey(),
                    new Field(type, AGGREGATABLE_TYPES.contains(type) || NUMERIC.contains(type)));
        }
        return fields;
    }

    private static void checkField(
            Map<String, Field> fields,
            String field,
            String usage,
            boolean aggregated,
            boolean numeric,
            boolean date,
            String where,
            List<String> problems) {
        Field f = fields.get(field);
        if (f == null) {
            problems.add(
                    where
                            + ": "
                            + usage
                            + " uses field '"
                            + field
                            + "', which the data view's index template does not map");
            return;
        }
        if (aggregated && !f.aggregatable()) {
            problems.add(
                    where
                            + ": "
                            + usage
                            + " aggregates field '"
                            + field
                            + "' ("
                            + f.type()
                            + "), which is not aggregatable");
        }
        if (numeric && !f.numeric()) {
            problems.add(
                    where
                            + ": "
                            + usage
                            + " needs a numeric field, '"
                            + field
                            + "' is "
                            + f.type());
        }
        if (date && !f.type().startsWith("date")) {
            problems.add(
                    where + ": " + usage + " needs a date field, '" + field + "' is " + f.type());
        }
    }

    private static void checkKql(
            Map<String, Field> fields, String kql, String where, List<String> problems) {
        String unquoted = kql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        Matcher m = KQL_FIELD.matcher(unquoted);
        while (m.find()) {
            checkField(
                    fields,
                    m.group(1),
                    "query '" + kql + "'",
                    false,
                    false,
                    false,
                    where,
                    problems);
        }
    }

    @Test
    void everyLineIsASavedObjectWithAUniqueId() {
        List<String> problems = new ArrayList<>(PARSE_ERRORS);
        Map<String, String> seen = new LinkedHashMap<>();
        for (SavedObject o : OBJECTS) {
            for (String key : List.of("type", "id")) {
                if (!o.node().path(key).isTextual() || o.node().path(key).asText().isBlank()) {
                    problems.add(o.describe() + ": no '" + key + "'");
                }
            }
            if (!o.attributes().isObject()) {
                problems.add(o.describe() + ": no 'attributes' object");
            }
            if (!o.node().path("references").isArray()) {
                problems.add(o.describe() + ": no 'references' array");
            }
            String previous = seen.put(o.type() + "/" + o.id(), o.describe());
            if (previous != null) {
                problems.add(o.describe() + ": same type and id as " + previous);
            }
        }
        assertThat(problems).as("malformed saved objects").isEmpty();
        assertThat(ofType("dashboard")).as("dashboards").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void everyReferenceResolves() {
        List<String> problems = new ArrayList<>();
        for (SavedObject o : OBJECTS) {
            for (JsonNode ref : o.node().path("references")) {
                if (find(ref.path("type").asText(), ref.path("id").asText()) == null) {
                    problems.add(
                            o.describe()
                                    + ": reference '"
                                    + ref.path("name").asText()
                                    + "' to "
                                    + ref.path("type").asText()
                                    + " '"
                                    + ref.path("id").asText()
                                    + "' is in no file");
                }
            }
        }
        ofType("dashboard")
                .forEach(
                        d -> {
                            JsonNode panels =
                                    parseEmbedded(
                                            d.attributes().path("panelsJSON"),
                                            "panelsJSON",
                                            d,
                                            problems);
                            for (JsonNode panel : panels) {
                                String index = panel.path("panelIndex").asText();
                                String refName = index + ":" + panel.path("panelRefName").asText();
                                if (d.reference(refName, panel.path("type").asText()) == null) {
                                    problems.add(
                                            d.describe()
                                                    + ": panel "
                                                    + index
                                                    + " has no reference '"
                                                    + refName
                                                    + "' of type "
                                                    + panel.path("type").asText());
                                }
                            }
                        });
        assertThat(problems).as("unresolved references").isEmpty();
    }

    /**
     * The import goes file by file in name order, and Kibana refuses objects whose references are
     * missing.
     */
    @Test
    void filesImportInNameOrderWithoutMissingReferences() {
        List<String> problems = new ArrayList<>();
        for (SavedObject o : OBJECTS) {
            for (JsonNode ref : o.node().path("references")) {
                SavedObject target = find(ref.path("type").asText(), ref.path("id").asText());
                if (target != null && target.file().compareTo(o.file()) > 0) {
                    problems.add(
                            o.describe()
                                    + " refers to "
                                    + target.describe()
                                    + ", which a later file holds");
                }
            }
        }
        assertThat(problems)
                .as("references to objects imported later (files are imported in name order)")
                .isEmpty();
    }

    @Test
    void dataViewsMatchTheIndexTemplates() {
        List<String> problems = new ArrayList<>();
        List<SavedObject> views = ofType("index-pattern").toList();
        for (SavedObject view : views) {
            String title = view.attributes().path("title").asText();
            String kind = kindOf(title);
            if (kind == null) {
                problems.add(
                        view.describe()
                                + ": title '"
                                + title
                                + "' matches no template's indices and alias");
                continue;
            }
            Map<String, Field> fields = fieldsOf(view.id(), problems);
            checkField(
                    fields,
                    view.attributes().path("timeFieldName").asText(),
                    "timeFieldName",
                    true,
                    false,
                    true,
                    view.describe(),
                    problems);
            JsonNode runtime =
                    parseEmbedded(
                            view.attributes().path("runtimeFieldMap"),
                            "runtimeFieldMap",
                            view,
                            problems);
            for (Iterator<Map.Entry<String, JsonNode>> it = runtime.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Matcher m =
                        DOC_FIELD.matcher(entry.getValue().path("script").path("source").asText());
                while (m.find()) {
                    checkField(
                            MAPPINGS.get(kind),
                            m.group(1),
                            "runtime field '" + entry.getKey() + "'",
                            true,
                            false,
                            false,
                            view.describe(),
                            problems);
                }
            }
        }
        assertThat(views.stream().map(SavedObject::id))
                .as("data view ids")
                .contains("hark-mentions", "hark-metrics", "hark-alerts");
        assertThat(problems).as("data views not matching the index templates").isEmpty();
    }

    @Test
    void lensVisualizationsUseMappedAggregatableFields() {
        List<String> problems = new ArrayList<>();
        List<SavedObject> lenses = ofType("lens").toList();
        for (SavedObject lens : lenses) {
            JsonNode state = lens.attributes().path("state");
            JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
            if (!layers.isObject() || layers.isEmpty()) {
                problems.add(lens.describe() + ": no state.datasourceStates.formBased.layers");
                continue;
            }
            Map<String, Field> layerFields = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = layers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> layer = it.next();
                String where = lens.describe() + " layer " + layer.getKey();
                String viewId =
                        lens.reference(
                                "indexpattern-datasource-layer-" + layer.getKey(), "index-pattern");
                Map<String, Field> fields = viewId == null ? null : fieldsOf(viewId, problems);
                if (fields == null) {
                    problems.add(
                            where
                                    + ": no reference 'indexpattern-datasource-layer-"
                                    + layer.getKey()
                                    + "' to a known data view ("
                                    + viewId
                                    + ")");
                    continue;
                }
                layerFields = fields;
                JsonNode columns = layer.getValue().path("columns");
                for (JsonNode order : layer.getValue().path("columnOrder")) {
                    if (!columns.has(order.asText())) {
                        problems.add(
                                where + ": columnOrder names missing column " + order.asText());
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> cit = columns.fields();
                        cit.hasNext(); ) {
                    Map.Entry<String, JsonNode> column = cit.next();
                    JsonNode c = column.getValue();
                    String op = c.path("operationType").asText();
                    String usage = op + " column '" + column.getKey() + "'";
                    String source = c.path("sourceField").asText(null);
                    if ("count".equals(op) && (source == null || "___records___".equals(source))) {
                        // a count of documents
                    } else if (source != null) {
                        boolean numeric =
                                NUMERIC_OPERATIONS.contains(op)
                                        || (Set.of("min", "max").contains(op)
                                                && !"date".equals(c.path("dataType").asText()));
                        checkField(
                                fields,
                                source,
                                usage,
                                AGGREGATING.contains(op),
                                numeric,
                                "date_histogram".equals(op),
                                where,
                                problems);
                    } else if (!Set.of("formula", "math", "static_value", "filters").contains(op)) {
                        problems.add(where + ": " + usage + " has no sourceField");
                    }
                    String sortField = c.path("params").path("sortField").asText(null);
                    if (sortField != null) {
                        checkField(
                                fields,
                                sortField,
                                usage + " sortField",
                                true,
                                false,
                                false,
                                where,
                                problems);
                    }
                    if (c.path("filter").path("query").isTextual()) {
                        checkKql(
                                fields,
                                c.path("filter").path("query").asText(),
                                where + " " + usage,
                                problems);
                    }
                    String orderBy = c.path("params").path("orderBy").path("columnId").asText(null);
                    if (orderBy != null && !columns.has(orderBy)) {
                        problems.add(
                                where + ": " + usage + " is ordered by missing column " + orderBy);
                    }
                }
            }
            if (layerFields != null) {
                if (state.path("query").path("query").isTextual()) {
                    checkKql(
                            layerFields,
                            state.path("query").path("query").asText(),
                            lens.describe(),
                            problems);
                }
                for (JsonNode filter : state.path("filters")) {
                    checkFilter(layerFields, filter, lens.describe(), problems);
                }
            }
        }
        assertThat(lenses).as("lens visualizations").isNotEmpty();
        assertThat(problems)
                .as("Lens columns with fields the index templates do not support")
                .isEmpty();
    }

    private static void checkFilter(
            Map<String, Field> fields, JsonNode filter, String where, List<String> problems) {
        String key = filter.path("meta").path("key").asText(null);
        if (key != null) {
            checkField(fields, key, "filter", false, false, false, where, problems);
        }
        for (String clause : List.of("match_phrase", "match", "term", "terms", "range", "exists")) {
            JsonNode q = filter.path("query").path(clause);
            if ("exists".equals(clause) && q.has("field")) {
                checkField(
                        fields,
                        q.path("field").asText(),
                        "exists filter",
                        false,
                        false,
                        false,
                        where,
                        problems);
            } else {
                q.fieldNames()
                        .forEachRemaining(
                                f ->
                                        checkField(
                                                fields,
                                                f,
                                                clause + " filter",
                                                false,
                                                false,
                                                false,
                                                where,
                                                problems));
            }
        }
    }

    @Test
    void savedSearchesUseMappedFields() {
        List<String> problems = new ArrayList<>();
        ofType("search")
                .forEach(
                        search -> {
                            JsonNode source =
                                    parseEmbedded(
                                            search.attributes()
                                                    .path("kibanaSavedObjectMeta")
                                                    .path("searchSourceJSON"),
                                            "searchSourceJSON",
                                            search,
                                            problems);
                            String viewId =
                                    search.reference(
                                            source.path("indexRefName").asText(), "index-pattern");
                            Map<String, Field> fields =
                                    viewId == null ? null : fieldsOf(viewId, problems);
                            if (fields == null) {
                                problems.add(
                                        search.describe()
                                                + ": no reference to a known data view ("
                                                + viewId
                                                + ")");
                                return;
                            }
                            for (JsonNode column : search.attributes().path("columns")) {
                                checkField(
                                        fields,
                                        column.asText(),
                                        "column",
                                        false,
                                        false,
                                        false,
                                        search.describe(),
                                        problems);
                            }
                            for (JsonNode sort : search.attributes().path("sort")) {
                                checkField(
                                        fields,
                                        sort.path(0).asText(),
                                        "sort",
                                        true,
                                        false,
                                        false,
                                        search.describe(),
                                        problems);
                            }
                            checkKql(
                                    fields,
                                    source.path("query").path("query").asText(""),
                                    search.describe(),
                                    problems);
                            for (JsonNode filter : source.path("filter")) {
                                checkFilter(fields, filter, search.describe(), problems);
                            }
                        });
        assertThat(problems)
                .as("saved searches with fields the index templates do not map")
                .isEmpty();
    }

    @Test
    void dashboardControlsAndFiltersUseMappedFields() {
        List<String> problems = new ArrayList<>();
        ofType("dashboard")
                .forEach(
                        d -> {
                            JsonNode controls =
                                    parseEmbedded(
                                            d.attributes()
                                                    .path("controlGroupInput")
                                                    .path("panelsJSON"),
                                            "controlGroupInput.panelsJSON",
                                            d,
                                            problems);
                            if (controls.isEmpty()) {
                                problems.add(d.describe() + ": no controls");
                            }
                            for (Iterator<Map.Entry<String, JsonNode>> it = controls.fields();
                                    it.hasNext(); ) {
                                Map.Entry<String, JsonNode> control = it.next();
                                JsonNode input = control.getValue().path("explicitInput");
                                String where = d.describe() + " control " + control.getKey();
                                String viewId =
                                        d.reference(
                                                "controlGroup_"
                                                        + control.getKey()
                                                        + ":optionsListDataView",
                                                "index-pattern");
                                if (viewId == null
                                        || (input.has("dataViewId")
                                                && !viewId.equals(
                                                        input.path("dataViewId").asText()))) {
                                    problems.add(
                                            where
                                                    + ": reference controlGroup_"
                                                    + control.getKey()
                                                    + ":optionsListDataView missing or not its dataViewId");
                                    continue;
                                }
                                Map<String, Field> fields = fieldsOf(viewId, problems);
                                if (fields == null) {
                                    problems.add(where + ": unknown data view " + viewId);
                                    continue;
                                }
                                checkField(
                                        fields,
                                        input.path("fieldName").asText(),
                                        "options list",
                                        true,
                                        false,
                                        false,
                                        where,
                                        problems);
                            }
                            JsonNode source =
                                    parseEmbedded(
                                            d.attributes()
                                                    .path("kibanaSavedObjectMeta")
                                                    .path("searchSourceJSON"),
                                            "searchSourceJSON",
                                            d,
                                            problems);
                            JsonNode filters = source.path("filter");
                            for (int i = 0; i < filters.size(); i++) {
                                JsonNode filter = filters.get(i);
                                String refName =
                                        filter.path("meta").path("indexRefName").asText(null);
                                String viewId =
                                        refName != null
                                                ? d.reference(refName, "index-pattern")
                                                : filter.path("meta").path("index").asText(null);
                                Map<String, Field> fields =
                                        viewId == null ? null : fieldsOf(viewId, problems);
                                if (fields == null) {
                                    problems.add(
                                            d.describe()
                                                    + " filter "
                                                    + i
                                                    + ": no known data view ("
                                                    + viewId
                                                    + ")");
                                    continue;
                                }
                                checkFilter(
                                        fields, filter, d.describe() + " filter " + i, problems);
                            }
                        });
        assertThat(problems)
                .as("dashboard controls and filters with fields the index templates do not map")
                .isEmpty();
    }

    @Test
    void spamIsHiddenOnEveryDashboard() {
        List<String> missing =
                ofType("dashboard")
                        .filter(
                                d -> {
                                    List<String> ignored = new ArrayList<>();
                                    JsonNode source =
                                            parseEmbedded(
                                                    d.attributes()
                                                            .path("kibanaSavedObjectMeta")
                                                            .path("searchSourceJSON"),
                                                    "searchSourceJSON",
                                                    d,
                                                    ignored);
                                    for (JsonNode filter : source.path("filter")) {
                                        JsonNode meta = filter.path("meta");
                                        if (meta.path("negate").asBoolean()
                                                && !meta.path("disabled").asBoolean()
                                                && "spam"
                                                        .equals(
                                                                filter.path("query")
                                                                        .path("match_phrase")
                                                                        .path("flags")
                                                                        .asText())) {
                                            return false;
                                        }
                                    }
                                    return true;
                                })
                        .map(SavedObject::describe)
                        .toList();
        assertThat(missing).as("dashboards without an active NOT flags:\"spam\" filter").isEmpty();
    }

    @Test
    void alertDiscoverLinksOpenAKnownDataViewOnAKeywordField() {
        String link =
                new KibanaLinks("http://kibana:5601", "hark-mentions")
                        .discover(
                                "acme",
                                Instant.parse("2026-01-01T10:00:00Z"),
                                Instant.parse("2026-01-01T11:00:00Z"));
        String decoded = URLDecoder.decode(link.replace("+", "%2B"), StandardCharsets.UTF_8);
        Matcher view = Pattern.compile("dataViewId:'([^']+)'").matcher(decoded);
        assertThat(view.find()).as("data view id in " + decoded).isTrue();
        assertThat(find("index-pattern", view.group(1)))
                .as("data view '" + view.group(1) + "' in kibana/*.ndjson")
                .isNotNull();
        Matcher query =
                Pattern.compile("query:\\(language:kuery,query:'([^']*)'\\)").matcher(decoded);
        assertThat(query.find()).as("KQL query in " + decoded).isTrue();
        Matcher field = KQL_FIELD.matcher(query.group(1));
        assertThat(field.find()).as("field in " + query.group(1)).isTrue();
        assertThat(field.group(1)).isEqualTo("matched_queries");
        SavedObject dataView = find("index-pattern", view.group(1));
        assertThat(kindOf(dataView.attributes().path("title").asText()))
                .as("template of data view " + view.group(1))
                .isEqualTo("mentions");
        assertThat(MAPPINGS.get("mentions").get(field.group(1)))
                .as("mapping of " + field.group(1))
                .isEqualTo(new Field("keyword", true));
    }
}
