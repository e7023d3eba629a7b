// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What matching one input has found so far: which terms occurred (and where, for the terms NEAR
 * needs) and which queries are worth evaluating. One per thread, reused from input to input; marks
 * carry the number of the input they were made for, so starting an input clears nothing.
 */
final class MatchState {
    private final int[] termSeenIn;
    private final int[] queryQueuedIn;
    private int input;
    private MatchInput current;
    private Supplier<String> language;

    private int[] seenTerms = new int[16];
    private int seenCount;

    private int[] occurrenceTerms = new int[16];
    private int[] occurrenceStarts = new int[16];
    private int[] occurrenceEnds = new int[16];
    private int occurrenceCount;
    private int widestOccurrence;

    private int[] candidates = new int[16];
    private int candidateCount;

    MatchState(int termCount, int queryCount) {
        termSeenIn = new int[termCount];
        queryQueuedIn = new int[queryCount];
    }

    /**
     * @param language the text's language when {@code next} has none, asked for at most once, and
     *     only if a filter on language is tested; or null
     */
    void begin(MatchInput next, Supplier<String> language) {
        if (++input == Integer.MAX_VALUE) {
            Arrays.fill(termSeenIn, 0);
            Arrays.fill(queryQueuedIn, 0);
            input = 1;
        }
        current = next;
        this.language = next.lang() == null ? language : null;
        seenCount = 0;
        occurrenceCount = 0;
        widestOccurrence = 0;
        candidateCount = 0;
    }

    MatchInput input() {
        return current;
    }

    /** The input, with its language detected first if it has none and that can be done. */
    MatchInput inputWithLanguage() {
        if (language != null) {
            current = current.withLang(language.get());
            language = null;
        }
        return current;
    }

    void seen(int term) {
        if (termSeenIn[term] != input) {
            termSeenIn[term] = input;
            if (seenCount == seenTerms.length) {
                seenTerms = Arrays.copyOf(seenTerms, seenCount * 2);
            }
            seenTerms[seenCount++] = term;
        }
    }

    /** Occurrences come in token order, as the text is scanned: their starts never decrease. */
    void occurs(int term, int start, int end) {
        seen(term);
        if (occurrenceCount == occurrenceTerms.length) {
            occurrenceTerms = Arrays.copyOf(occurrenceTerms, occurrenceCount * 2);
            occurrenceStarts = Arrays.copyOf(occurrenceStarts, occurrenceCount * 2);
            occurrenceEnds = Arrays.copyOf(occurrenceEnds, occurrenceCount * 2);
        }
        occurrenceTerms[occurrenceCount] = term;
        occurrenceStarts[occurrenceCount] = start;
        occurrenceEnds[occurrenceCount] = end;
        occurrenceCount++;
        widestOccurrence = Math.max(widestOccurrence, end - start);
    }

    boolean isSeen(int term) {
        return termSeenIn[term] == input;
    }

    int seenCount() {
        return seenCount;
    }

    int seenTerm(int k) {
        return seenTerms[k];
    }

    /** Occurrences with their token spans, kept only for the terms NEAR needs. */
    int occurrenceCount() {
        return occurrenceCount;
    }

    int occurrenceTerm(int k) {
        return occurrenceTerms[k];
    }

    int occurrenceStart(int k) {
        return occurrenceStarts[k];
    }

    int occurrenceEnd(int k) {
        return occurrenceEnds[k];
    }

    /** How many tokens past its first the longest occurrence so far spans. */
    int widestOccurrence() {
        return widestOccurrence;
    }

    void queue(int query) {
        if (queryQueuedIn[query] != input) {
            queryQueuedIn[query] = input;
            if (candidateCount == candidates.length) {
                candidates = Arrays.copyOf(candidates, candidateCount * 2);
            }
            candidates[candidateCount++] = query;
        }
    }

    /** The queued queries in definition order, in the first {@link #candidateCount()} places. */
    int[] sortedCandidates() {
        Arrays.sort(candidates, 0, candidateCount);
        return candidates;
    }

    int candidateCount() {
        return candidateCount;
    }
}
