// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.schema.KeyCount;
import io.hark.schema.TermLift;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/**
 * How often each topic or hashtag of a query has been heard, decayed per window (a half-life of
 * about two hours), in keyed map state: what "over-represented in this window" is measured against.
 * Entries decay lazily, when read or written, so a window costs only its own terms.
 */
final class TermBaseline {
    private static final double DECAY_PER_WINDOW = 0.995;
    private static final String TOTAL = " total";
    private static final double SMOOTHING = 0.5;
    private static final int MAX_TERMS = 2_000;

    /** Term to {decayed count, index of the window it was last decayed to}. */
    private final MapState<String, double[]> state;

    TermBaseline(MapState<String, double[]> state) {
        this.state = state;
    }

    /**
     * The window's terms whose share is at least {@code minLift} times their baseline share, with
     * at least 2 occurrences, most lifted first.
     */
    List<TermLift> overRepresented(
            List<KeyCount> window, long windowIndex, double minLift, int limit) throws Exception {
        long windowTotal = window.stream().mapToLong(KeyCount::getCount).sum();
        double baselineTotal = decayed(TOTAL, windowIndex);
        List<TermLift> lifted = new ArrayList<>();
        for (KeyCount term : window) {
            if (term.getCount() < 2) {
                continue;
            }
            double windowShare = (double) term.getCount() / windowTotal;
            double baselineShare =
                    (decayed(term.getKey(), windowIndex) + SMOOTHING)
                            / (baselineTotal + 100 * SMOOTHING);
            double lift = windowShare / baselineShare;
            if (lift >= minLift) {
                lifted.add(new TermLift(term.getKey(), term.getCount(), lift));
            }
        }
        lifted.sort(
                Comparator.comparingDouble((TermLift t) -> t.getLift() * Math.log1p(t.getCount()))
                        .reversed());
        return lifted.subList(0, Math.min(limit, lifted.size()));
    }

    void learn(List<KeyCount> window, long windowIndex) throws Exception {
        long total = 0;
        for (KeyCount term : window) {
            add(term.getKey(), term.getCount(), windowIndex);
            total += term.getCount();
        }
        add(TOTAL, total, windowIndex);
        if (windowIndex % 60 == 0) {
            prune(windowIndex);
        }
    }

    private void add(String term, double count, long windowIndex) throws Exception {
        state.put(term, new double[] {decayed(term, windowIndex) + count, windowIndex});
    }

    private double decayed(String term, long windowIndex) throws Exception {
        return decayed(state.get(term), windowIndex);
    }

    private static double decayed(double[] entry, long windowIndex) {
        return entry == null
                ? 0
                : entry[0] * Math.pow(DECAY_PER_WINDOW, Math.max(0, windowIndex - entry[1]));
    }

    /** Keeps the map bounded: forgets terms that decayed to almost nothing. */
    private void prune(long windowIndex) throws Exception {
        int size = 0;
        for (Iterator<Map.Entry<String, double[]>> it = state.iterator(); it.hasNext(); ) {
            Map.Entry<String, double[]> entry = it.next();
            if (!entry.getKey().equals(TOTAL)
                    && (decayed(entry.getValue(), windowIndex) < 0.05 || size >= MAX_TERMS)) {
                it.remove();
            } else {
                size++;
            }
        }
    }
}
