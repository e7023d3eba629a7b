// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.bench;

import io.hark.queries.CompiledQueries;
import io.hark.queries.MatchInput;
import io.hark.queries.QueryDefinition;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How fast {@link CompiledQueries} matches realistic queries against realistic posts on one thread,
 * next to the naive way (each query's tree on its own) on a sample of the same posts. The queries
 * name made-up brands with misspellings, products, hashtags and handles, add NEAR context, NOT
 * exclusions and lang:/platform:/author: filters; the posts are 10 to 40 words from a vocabulary of
 * 3,000 drawn with Zipf's law, one in twenty naming a brand. The same seed gives the same data.
 */
public final class MatchBenchmark {
    private static final int VOCABULARY_SIZE = 3_000;

    /** The naive matcher is slow enough that a sample measures it well. */
    private static final int NAIVE_SAMPLE = 2_000;

    private static final int WARM_UP = 50_000;

    private MatchBenchmark() {}

    /**
     * Both rates are mentions per second on one thread; {@code matches} counts (mention, query)
     * pairs over all mentions.
     */
    public record Result(
            int queries,
            int mentions,
            double mentionsPerSecond,
            long matches,
            int naiveMentions,
            double naiveMentionsPerSecond) {
        /** How many times faster the compiled queries are than the naive matcher. */
        public double ratio() {
            return mentionsPerSecond / naiveMentionsPerSecond;
        }

        @Override
        public String toString() {
            return String.format(
                    "%,d queries, %,d mentions: %,.0f mentions/s, %,d matches; naive %,.0f mentions/s (%,d mentions); %.1fx",
                    queries,
                    mentions,
                    mentionsPerSecond,
                    matches,
                    naiveMentionsPerSecond,
                    naiveMentions,
                    ratio());
        }
    }

    public static Result run(int queryCount, int mentionCount, long seed) {
        Random random = new Random(seed);
        Vocabulary vocabulary = new Vocabulary(VOCABULARY_SIZE, random);
        List<Brand> brands = Brand.generate(queryCount, vocabulary, random);
        List<QueryDefinition> queries = new QueryGenerator(vocabulary, random).generate(brands);
        MentionGenerator generator = new MentionGenerator(vocabulary, brands, random);
        List<MatchInput> mentions = Stream.generate(generator::next).limit(mentionCount).toList();
        List<MatchInput> sample = mentions.subList(0, Math.min(mentionCount, NAIVE_SAMPLE));

        CompiledQueries compiled = CompiledQueries.compile(queries);
        NaiveMatcher naive = new NaiveMatcher(queries);
        // Let the JIT compile the hot paths before timing.
        countMatches(compiled::match, mentions.subList(0, Math.min(mentionCount, WARM_UP)));
        countMatches(naive::match, sample.subList(0, sample.size() / 10));

        long start = System.nanoTime();
        long matches = countMatches(compiled::match, mentions);
        double compiledSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        long naiveMatches = countMatches(naive::match, sample);
        double naiveSeconds = (System.nanoTime() - start) / 1e9;

        // A benchmark of a matcher that is fast because it is wrong would be worse than none.
        long compiledSampleMatches = countMatches(compiled::match, sample);
        if (compiledSampleMatches != naiveMatches) {
            throw new IllegalStateException(
                    String.format(
                            "compiled queries found %d matches in %d mentions, the naive matcher %d",
                            compiledSampleMatches, sample.size(), naiveMatches));
        }
        return new Result(
                queryCount,
                mentionCount,
                mentionCount / compiledSeconds,
                matches,
                sample.size(),
                sample.size() / naiveSeconds);
    }

    private static long countMatches(
            Function<MatchInput, List<String>> matcher, List<MatchInput> mentions) {
        long matches = 0;
        for (MatchInput mention : mentions) {
            matches += matcher.apply(mention).size();
        }
        return matches;
    }
}
