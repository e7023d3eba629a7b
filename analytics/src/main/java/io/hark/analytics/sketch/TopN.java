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

  private final int n;
  private final Map<String, Ranked<T>> items = new LinkedHashMap<>();

  public TopN(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be positive: " + n);
    }
    this.n = n;
  }

  public void offer(String key, double rank, T item) {
    Ranked<T> existing = items.get(key);
    if (existing != null && existing.rank() >= rank) {
      return;
    }
    items.put(key, new Ranked<>(key, rank, item));
    if (items.size() > n) {
      items.values().stream().max(order()).ifPresent(lowest -> items.remove(lowest.key()));
    }
  }

  public void merge(TopN<T> other) {
    other.items.values().forEach(ranked -> offer(ranked.key(), ranked.rank(), ranked.item()));
  }

  /** Highest rank first; ties by key. */
  public List<T> items() {
    List<Ranked<T>> sorted = new ArrayList<>(items.values());
    sorted.sort(order());
    return sorted.stream().map(Ranked::item).toList();
  }

  /** Highest rank first, so the last in this order is the one to drop. */
  private Comparator<Ranked<T>> order() {
    return Comparator.comparingDouble((Ranked<T> ranked) -> ranked.rank()).reversed().thenComparing(Ranked::key);
  }
}
