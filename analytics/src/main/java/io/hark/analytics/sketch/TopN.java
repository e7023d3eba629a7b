// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.sketch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code n} items with the highest rank seen so far, one per key (a later item of the same key
 * replaces an earlier one if it ranks higher): top posts by engagement, top authors by reach.
 *
 * @param <T> the item
 */
public final class TopN<T extends Serializable> implements Serializable {
    private record Ranked<T>(String key, double rank, T item) implements Serializable {}

    /** Writes an item in binary form. */
    @FunctionalInterface
    public interface ItemWriter<T> {
        void write(CompactWriter out, T item);
    }

    /** Reads an item an {@link ItemWriter} wrote. */
    @FunctionalInterface
    public interface ItemReader<T> {
        T read(CompactReader in);
    }

    /** Highest rank first, so the last in this order is the one to drop. */
    private static final Comparator<Ranked<?>> ORDER =
            Comparator.comparingDouble((Ranked<?> ranked) -> ranked.rank())
                    .reversed()
                    .thenComparing(Ranked::key);

    private final int n;
    private final Map<String, Ranked<T>> items = new LinkedHashMap<>();

    /**
     * The item to drop next, found again only after a change: most offers to a full list rank
     * lower.
     */
    private transient Ranked<T> lowest;

    public TopN(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        this.n = n;
    }

    public void offer(String key, double rank, T item) {
        if (!wouldKeep(key, rank)) {
            return;
        }
        items.put(key, new Ranked<>(key, rank, item));
        if (items.size() > n) {
            items.remove(lowest().key());
        }
        lowest = null;
    }

    /**
     * Whether {@link #offer} would keep an item of this key and rank: most offers to a full list
     * would not.
     */
    public boolean wouldKeep(String key, double rank) {
        Ranked<T> existing = items.get(key);
        if (existing != null) {
            return existing.rank() < rank;
        }
        if (items.size() < n) {
            return true;
        }
        Ranked<T> lowest = lowest();
        return rank > lowest.rank() || (rank == lowest.rank() && key.compareTo(lowest.key()) < 0);
    }

    /** Drops the item of {@code key}, if it is kept. */
    public void remove(String key) {
        if (items.remove(key) != null) {
            lowest = null;
        }
    }

    public void merge(TopN<T> other) {
        other.items.values().forEach(ranked -> offer(ranked.key(), ranked.rank(), ranked.item()));
    }

    public void writeTo(CompactWriter out, ItemWriter<T> items) {
        out.writeInt(n);
        out.writeInt(this.items.size());
        for (Ranked<T> ranked : this.items.values()) {
            out.writeString(ranked.key());
            out.writeDouble(ranked.rank());
            items.write(out, ranked.item());
        }
    }

    public static <T extends Serializable> TopN<T> readFrom(CompactReader in, ItemReader<T> items) {
        TopN<T> top = new TopN<>(in.readInt());
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            String key = in.readString();
            top.items.put(key, new Ranked<>(key, in.readDouble(), items.read(in)));
        }
        return top;
    }

    /** Highest rank first; ties by key. */
    public List<T> items() {
        List<Ranked<T>> sorted = new ArrayList<>(items.values());
        sorted.sort(ORDER);
        return sorted.stream().map(Ranked::item).toList();
    }

    private Ranked<T> lowest() {
        if (lowest == null) {
            lowest = items.values().stream().max(ORDER).orElseThrow();
        }
        return lowest;
    }
}
