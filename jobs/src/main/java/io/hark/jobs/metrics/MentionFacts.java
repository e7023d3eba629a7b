// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

/**
 * What window metrics need of one enriched mention, for one window key: a query group, or a query
 * without one. A Flink POJO of strings, numbers and arrays, so shuffles stay small and Kryo-free.
 */
public class MentionFacts {
  /** {@code group:NAME} or {@code query:ID}. */
  public String windowKey;
  public String group;
  /** The queries of this window key the mention matched. */
  public String[] queryIds;
  public long createdAt;
  public String documentId;
  public String text;
  public String url;
  public String platform;
  public String authorKey;
  public String authorUsername;
  public long followers;
  /** negative, neutral, positive, or null when there is no sentiment. */
  public String sentiment;
  public long engagement;
  public String[] hashtags;
  public String[] topics;
  public boolean spam;

  public MentionFacts() {}

  public static String groupKey(String group) {
    return "group:" + group;
  }

  public static String queryKey(String queryId) {
    return "query:" + queryId;
  }
}
