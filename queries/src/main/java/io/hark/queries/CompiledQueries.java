// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Many queries compiled together, so that matching a mention costs about the same for a thousand
 * queries as for ten. The text is tokenized once; each token finds the terms of all queries it
 * starts with one hash lookup (wildcards with one trie walk); then only the queries whose {@link
 * Triggers triggers} occurred, plus those that can match without any term, are evaluated.
 * Thread-safe: each thread matches with its own scratch state.
 */
public final class CompiledQueries {
    private final String[] ids;
    private final Map<String, QueryDefinition> definitionsById = new LinkedHashMap<>();
    private final Map<String, String> groupsById = new LinkedHashMap<>();
    private final Condition[] conditions;
    private final TermIndex terms;
    private final int[][] queriesTriggeredBy;
    private final int[] alwaysEvaluated;
    private final ThreadLocal<MatchState> states;

    private CompiledQueries(
            List<QueryDefinition> definitions,
            Condition[] conditions,
            TermIndex terms,
            int[][] queriesTriggeredBy,
            int[] alwaysEvaluated) {
        this.ids = definitions.stream().map(QueryDefinition::id).toArray(String[]::new);
        for (QueryDefinition definition : definitions) {
            definitionsById.put(definition.id(), definition);
            if (definition.group() != null) {
                groupsById.put(definition.id(), definition.group());
            }
        }
        this.conditions = conditions;
        this.terms = terms;
        this.queriesTriggeredBy = queriesTriggeredBy;
        this.alwaysEvaluated = alwaysEvaluated;
        this.states =
                ThreadLocal.withInitial(() -> new MatchState(terms.size(), conditions.length));
    }

    /**
     * Compiles {@code queries}; throws {@link InvalidQueryException} for the first that does not
     * parse or repeats an earlier id.
     */
    public static CompiledQueries compile(Collection<QueryDefinition> queries) {
        List<QueryDefinition> definitions = List.copyOf(queries);
        List<QueryNode> trees = parseAll(definitions);
        QueryCompiler compiler = new QueryCompiler();
        Condition[] conditions = trees.stream().map(compiler::compile).toArray(Condition[]::new);
        TermIndex terms = compiler.terms();

        Triggers triggers = new Triggers(trees);
        List<List<Integer>> triggered = new ArrayList<>();
        for (int term = 0; term < terms.size(); term++) {
            triggered.add(new ArrayList<>());
        }
        List<Integer> always = new ArrayList<>();
        for (int query = 0; query < trees.size(); query++) {
            Set<Term> queryTriggers = triggers.of(trees.get(query));
            if (queryTriggers == null) {
                always.add(query);
            } else {
                for (Term term : queryTriggers) {
                    triggered.get(compiler.idOf(term)).add(query);
                }
            }
        }
        int[][] queriesTriggeredBy =
                triggered.stream().map(CompiledQueries::toArray).toArray(int[][]::new);
        return new CompiledQueries(
                definitions, conditions, terms, queriesTriggeredBy, toArray(always));
    }

    private static List<QueryNode> parseAll(List<QueryDefinition> definitions) {
        List<QueryNode> trees = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (QueryDefinition definition : definitions) {
            if (!ids.add(definition.id())) {
                throw new InvalidQueryException(
                        definition.id(), "the id is used by an earlier query", null);
            }
            try {
                trees.add(QueryParser.parse(definition.query()));
            } catch (QuerySyntaxException e) {
                throw new InvalidQueryException(definition.id(), e.getMessage(), e);
            }
        }
        return trees;
    }

    /** The ids of the queries {@code input} matches, in the order the queries were given. */
    public List<String> match(MatchInput input) {
        return match(input, null);
    }

    /**
     * The ids of the queries {@code input} matches, in the order the queries were given.
     *
     * @param language the text's language where {@code input} has none, or null: asked at most
     *     once, and only when a query's language filter has to be tested (the rest of the query did
     *     not already decide it), because detecting a language costs far more than matching
     */
    public List<String> match(MatchInput input, Supplier<String> language) {
        MatchState state = states.get();
        state.begin(input, language);
        terms.scan(TokenizedText.of(input.text()), input, state);
        for (int k = 0; k < state.seenCount(); k++) {
            for (int query : queriesTriggeredBy[state.seenTerm(k)]) {
                state.queue(query);
            }
        }
        for (int query : alwaysEvaluated) {
            state.queue(query);
        }
        int[] candidates = state.sortedCandidates();
        List<String> matched = new ArrayList<>(2);
        for (int k = 0; k < state.candidateCount(); k++) {
            if (conditions[candidates[k]].test(state)) {
                matched.add(ids[candidates[k]]);
            }
        }
        return matched;
    }

    public int size() {
        return ids.length;
    }

    /** The group of each query that has one, by query id, in definition order. */
    public Map<String, String> groupsById() {
        return Collections.unmodifiableMap(groupsById);
    }

    /** The group of query {@code queryId}, or null if it has none. */
    public String group(String queryId) {
        QueryDefinition definition = definitionsById.get(queryId);
        if (definition == null) {
            throw new IllegalArgumentException("no query has the id '" + queryId + "'");
        }
        return definition.group();
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
