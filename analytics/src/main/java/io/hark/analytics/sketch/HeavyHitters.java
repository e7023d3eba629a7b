// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.sketch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent keys of a stream in bounded memory: the Space-Saving algorithm (Metwally,
 * Agrawal and El Abbadi, 2005). It keeps at most {@code capacity} counters; a new key takes over
 * the smallest counter and inherits its count as its possible overstatement ({@code error}). Every
 * key occurring more than n / capacity times is kept, and its count is never understated.
 *
 * <p>Sketches of the same capacity merge (for windows combined from partial aggregates), and write
 * themselves in a compact binary form, to cross a shuffle.
 */
public final class HeavyHitters implements Serializable {
    /** A key with its estimated count, which may exceed the true count by at most {@code error}. */
    public record Estimate(String key, long count, long error) {}

    private final int capacity;
    private final Map<String, long[]> counters = new HashMap<>();

    public HeavyHitters(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    public void add(String key) {
        add(key, 1);
    }

    public void add(String key, long count) {
        long[] counter = counters.get(key);
        if (counter != null) {
            counter[0] += count;
            return;
        }
        if (counters.size() < capacity) {
            counters.put(key, new long[] {count, 0});
            return;
        }
        Map.Entry<String, long[]> smallest = smallest();
        counters.remove(smallest.getKey());
        long floor = smallest.getValue()[0];
        counters.put(key, new long[] {floor + count, floor});
    }

    /**
     * Takes back one occurrence of {@code key} that was added (a mention counted again under other
     * facts). A key the sketch no longer holds is left alone: its count was already an estimate.
     */
    public void takeBack(String key) {
        long[] counter = counters.get(key);
        if (counter == null) {
            return;
        }
        counter[0]--;
        if (counter[0] <= counter[1]) {
            counters.remove(key);
        }
    }

    public void merge(HeavyHitters other) {
        other.counters.forEach(
                (key, counter) -> {
                    long[] mine = counters.get(key);
                    if (mine != null) {
                        mine[0] += counter[0];
                        mine[1] += counter[1];
                    } else {
                        add(key, counter[0]);
                        counters.get(key)[1] += counter[1];
                    }
                });
    }

    public void writeTo(CompactWriter out) {
        out.writeInt(capacity);
        out.writeInt(counters.size());
        for (Map.Entry<String, long[]> counter : counters.entrySet()) {
            out.writeString(counter.getKey());
            out.writeLong(counter.getValue()[0]);
            out.writeLong(counter.getValue()[1]);
        }
    }

    public static HeavyHitters readFrom(CompactReader in) {
        HeavyHitters sketch = new HeavyHitters(in.readInt());
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            sketch.counters.put(in.readString(), new long[] {in.readLong(), in.readLong()});
        }
        return sketch;
    }

    /** The {@code k} largest estimates, largest first (ties by key, so results are stable). */
    public List<Estimate> top(int k) {
        List<Estimate> all = new ArrayList<>();
        counters.forEach((key, counter) -> all.add(new Estimate(key, counter[0], counter[1])));
        all.sort(Comparator.comparingLong(Estimate::count).reversed().thenComparing(Estimate::key));
        return all.subList(0, Math.min(k, all.size()));
    }

    private Map.Entry<String, long[]> smallest() {
        Map.Entry<String, long[]> smallest = null;
        for (Map.Entry<String, long[]> entry : counters.entrySet()) {
            if (smallest == null || entry.getValue()[0] < smallest.getValue()[0]) {
                smallest = entry;
            }
        }
        return smallest;
    }
}
