// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.hark.queries.Filter.FieldFilter;
import io.hark.queries.QueryNode.And;
import io.hark.queries.QueryNode.Near;
import io.hark.queries.QueryNode.Not;
import io.hark.queries.QueryNode.Or;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CompiledQueries} against an evaluator written here from the documented semantics alone: it
 * walks the parsed tree over the token list the texts were generated from, without the tokenizer,
 * the term index or the triggers. The vocabulary is small so that matches are frequent. Run with
 * -Dhark.queries.seed=N to repeat a failure.
 */
class MatchPropertyTest {
    private static final List<String> WORDS =
            List.of("apple", "apply", "ant", "bat", "ball", "cafe", "cat");
    private static final List<String> PREFIXES = List.of("ap", "appl", "ba", "ca", "cat", "an");
    private static final List<String> LANGUAGES = Arrays.asList("en", "de", null);
    private static final List<String> PLATFORMS = Arrays.asList("x", "reddit", null);
    private static final List<String> AUTHORS = Arrays.asList("ann", "Bob", null);
    private static final List<String> SEPARATORS = List.of(" ", ", ", "! ", " - ", "... ", "\n");
    private static final int ROUNDS = 20;
    private static final int QUERIES_PER_ROUND = 200;
    private static final int TEXTS_PER_ROUND = 300;

    private record Token(String word, TokenKind kind) {}

    private record Text(List<Token> tokens, MatchInput input) {}

    private final long seed = Long.getLong("hark.queries.seed", 20_260_101L);
    private final Random random = new Random(seed);

    @Test
    void compiledMatchingAgreesWithANaiveEvaluator() {
        long pairs = 0;
        long matches = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<QueryDefinition> definitions = new ArrayList<>();
            List<QueryNode> trees = new ArrayList<>();
            for (int i = 0; i < QUERIES_PER_ROUND; i++) {
                String query = query(4);
                definitions.add(new QueryDefinition("q" + i, null, query, null));
                QueryNode tree = QueryParser.parse(query);
                assertThat(QueryParser.parse(tree.toString()))
                        .as("seed %d: %s reads back", seed, query)
                        .isEqualTo(tree);
                trees.add(tree);
            }
            CompiledQueries compiled = CompiledQueries.compile(definitions);
            for (int t = 0; t < TEXTS_PER_ROUND; t++) {
                Text text = text();
                List<String> expected = new ArrayList<>();
                for (int q = 0; q < trees.size(); q++) {
                    if (evaluate(trees.get(q), text)) {
                        expected.add(definitions.get(q).id());
                    }
                }
                List<String> actual = compiled.match(text.input());
                if (!actual.equals(expected)) {
                    fail(disagreement(definitions, expected, actual, text));
                }
                pairs += trees.size();
                matches += expected.size();
            }
        }
        // The comparison only means something if both outcomes are common.
        assertThat((double) matches / pairs).as("share of matching pairs").isBetween(0.1, 0.9);
    }

    private String disagreement(
            List<QueryDefinition> definitions,
            List<String> expected,
            List<String> actual,
            Text text) {
        for (QueryDefinition definition : definitions) {
            if (expected.contains(definition.id()) != actual.contains(definition.id())) {
                MatchInput in = text.input();
                return String.format(
                        "seed %d: query %s%n  %s%nread as %s%non text \"%s\" (lang %s, platform %s, author %s, hashtags %s, handles %s)%n"
                                + "naive: %s, compiled: %s",
                        seed,
                        definition.id(),
                        definition.query(),
                        QueryParser.parse(definition.query()),
                        in.text(),
                        in.lang(),
                        in.platform(),
                        in.author(),
                        in.hashtags(),
                        in.handles(),
                        expected.contains(definition.id()),
                        actual.contains(definition.id()));
            }
        }
        return "seed "
                + seed
                + ": same queries in a different order: "
                + expected
                + " vs "
                + actual;
    }

    // ---- the naive evaluator

    private static boolean evaluate(QueryNode node, Text text) {
        if (node instanceof Not not) {
            return !evaluate(not.operand(), text);
        }
        if (node instanceof And and) {
            return and.operands().stream().allMatch(o -> evaluate(o, text));
        }
        if (node instanceof Or or) {
            return or.operands().stream().anyMatch(o -> evaluate(o, text));
        }
        if (node instanceof Near near) {
            return near(near, text.tokens());
        }
        if (node instanceof FieldFilter filter) {
            String actual =
                    switch (filter.field()) {
                        case AUTHOR -> text.input().author();
                        case LANG -> text.input().lang();
                        case PLATFORM -> text.input().platform();
                        case COUNTRY -> text.input().country();
                    };
            return actual != null
                    && actual.toLowerCase(Locale.ROOT)
                            .equals(filter.value().toLowerCase(Locale.ROOT));
        }
        Term term = (Term) node;
        if (!spans(term, text.tokens()).isEmpty()) {
            return true;
        }
        if (term instanceof Term.Tag tag) {
            List<String> listed =
                    tag.kind() == TokenKind.HASHTAG
                            ? text.input().hashtags()
                            : text.input().handles();
            return listed.stream().anyMatch(name -> fold(name).equals(tag.value()));
        }
        return false;
    }

    private static boolean near(Near near, List<Token> tokens) {
        List<int[]> lefts = new ArrayList<>();
        terms(near.left()).forEach(t -> lefts.addAll(spans(t, tokens)));
        List<int[]> rights = new ArrayList<>();
        terms(near.right()).forEach(t -> rights.addAll(spans(t, tokens)));
        for (int[] l : lefts) {
            for (int[] r : rights) {
                int wordsBetweenLeftFirst = r[0] - l[1] - 1;
                int wordsBetweenRightFirst = l[0] - r[1] - 1;
                if ((wordsBetweenLeftFirst >= 0 && wordsBetweenLeftFirst <= near.distance())
                        || (!near.ordered()
                                && wordsBetweenRightFirst >= 0
                                && wordsBetweenRightFirst <= near.distance())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Term> terms(QueryNode operand) {
        if (operand instanceof Or or) {
            List<Term> terms = new ArrayList<>();
            or.operands().forEach(o -> terms.addAll(terms(o)));
            return terms;
        }
        return List.of((Term) operand);
    }

    /** The [first, last] token positions of each occurrence of {@code term}. */
    private static List<int[]> spans(Term term, List<Token> tokens) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).word();
            if (term instanceof Term.Word w && word.equals(w.word())
                    || term instanceof Term.Prefix p && word.startsWith(p.prefix())
                    || term instanceof Term.Tag tag
                            && tokens.get(i).kind() == tag.kind()
                            && word.equals(tag.value())) {
                spans.add(new int[] {i, i});
            }
            if (term instanceof Term.Phrase phrase && i + phrase.words().size() <= tokens.size()) {
                boolean all = true;
                for (int k = 0; k < phrase.words().size(); k++) {
                    all &= tokens.get(i + k).word().equals(phrase.words().get(k));
                }
                if (all) {
                    spans.add(new int[] {i, i + phrase.words().size() - 1});
                }
            }
        }
        return spans;
    }

    private static String fold(String s) {
        String bare = s.startsWith("#") || s.startsWith("@") ? s.substring(1) : s;
        return Normalizer.normalize(bare, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    // ---- random queries and texts

    private String query(int depth) {
        if (depth == 0 || random.nextInt(10) < 3) {
            return atom();
        }
        switch (random.nextInt(4)) {
            case 0:
                return "NOT (" + query(depth - 1) + ")";
            case 1:
                return joined(" AND ", depth);
            case 2:
                return joined(" OR ", depth);
            default:
                return nearOperand()
                        + " NEAR/"
                        + (1 + random.nextInt(4))
                        + (random.nextBoolean() ? "f " : " ")
                        + nearOperand();
        }
    }

    private String joined(String operator, int depth) {
        List<String> operands = new ArrayList<>();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            operands.add("(" + query(depth - 1) + ")");
        }
        return String.join(operator, operands);
    }

    private String atom() {
        return random.nextInt(4) == 0 ? filter() : term();
    }

    private String nearOperand() {
        if (random.nextBoolean()) {
            return term();
        }
        return "(" + term() + " OR " + term() + (random.nextBoolean() ? " OR " + term() : "") + ")";
    }

    private String term() {
        switch (random.nextInt(6)) {
            case 0:
                return pick(PREFIXES) + "*";
            case 1:
                return "\"" + written(pick(WORDS)) + " " + written(pick(WORDS)) + "\"";
            case 2:
                return "#" + written(pick(WORDS));
            case 3:
                return "@" + written(pick(WORDS));
            default:
                return written(pick(WORDS));
        }
    }

    private String filter() {
        switch (random.nextInt(3)) {
            case 0:
                return "lang:" + pick(List.of("en", "DE"));
            case 1:
                return "platform:" + pick(List.of("x", "Reddit"));
            default:
                return "author:" + pick(List.of("@Ann", "bob"));
        }
    }

    private Text text() {
        List<Token> tokens = new ArrayList<>();
        StringBuilder written = new StringBuilder();
        for (int i = random.nextInt(13); i > 0; i--) {
            int kind = random.nextInt(10);
            Token token =
                    new Token(
                            pick(WORDS),
                            kind == 0
                                    ? TokenKind.HASHTAG
                                    : kind == 1 ? TokenKind.HANDLE : TokenKind.WORD);
            tokens.add(token);
            written.append(token.kind().marker())
                    .append(written(token.word()))
                    .append(pick(SEPARATORS));
        }
        MatchInput input =
                new MatchInput(
                        written.toString(),
                        pick(AUTHORS),
                        pick(LANGUAGES),
                        pick(PLATFORMS),
                        null,
                        null,
                        listed(),
                        listed());
        return new Text(tokens, input);
    }

    private List<String> listed() {
        List<String> names = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            names.add(written(pick(WORDS)));
        }
        return names;
    }

    /** A word as people write it: any case, and café with or without its accent. */
    private String written(String word) {
        String accented = word.equals("cafe") && random.nextBoolean() ? "café" : word;
        switch (random.nextInt(3)) {
            case 0:
                return accented.toUpperCase(Locale.ROOT);
            case 1:
                return Character.toUpperCase(accented.charAt(0)) + accented.substring(1);
            default:
                return accented;
        }
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
