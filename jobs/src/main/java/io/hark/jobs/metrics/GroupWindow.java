// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A window of one window key: the totals of the whole group (for a query without a group, of that
 * query) and of each of its queries, so share of voice is computed within one window, without a join.
 */
public final class GroupWindow implements Serializable {
  private final int topK;
  private final WindowStats whole;
  private final TreeMap<String, WindowStats> queries = new TreeMap<>();
  private String group;

  public GroupWindow(int topK) {
    this.topK = topK;
    this.whole = new WindowStats(topK);
  }

  public void add(MentionFacts facts, boolean countSpam) {
    group = facts.group;
    whole.add(facts, countSpam);
    for (String queryId : facts.queryIds) {
      queries.computeIfAbsent(queryId, id -> new WindowStats(topK)).add(facts, countSpam);
    }
  }

  /** Null for a query without a group. */
  public String group() {
    return group;
  }

  public WindowStats whole() {
    return whole;
  }

  public Map<String, WindowStats> queries() {
    return queries;
  }
}
