// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.schema.WindowMetrics;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** What the spike detector watches in each window of a query. */
public enum Signal {
  VOLUME(WindowMetrics::getVolume, WindowMetrics::getVolume),
  NEGATIVE_VOLUME(WindowMetrics::getNegative, WindowMetrics::getNegative),
  /** Negative mentions over mentions with a sentiment: a crisis can be a shift in tone at steady volume. */
  NEGATIVE_SHARE(metrics -> {
    long withSentiment = metrics.getNegative() + metrics.getNeutral() + metrics.getPositive();
    return withSentiment == 0 ? 0 : (double) metrics.getNegative() / withSentiment;
  }, WindowMetrics::getNegative),
  /** Followers of the authors of negative mentions: anger that many people see. */
  NEGATIVE_REACH(WindowMetrics::getNegativeReach, WindowMetrics::getNegative);

  private final ToDoubleFunction<WindowMetrics> value;
  private final ToLongFunction<WindowMetrics> evidence;

  /** @param evidence the mentions behind the value, which must reach the episodes' minimum volume */
  Signal(ToDoubleFunction<WindowMetrics> value, ToLongFunction<WindowMetrics> evidence) {
    this.value = value;
    this.evidence = evidence;
  }

  /**
   * How many mentions the value rests on: for the negative signals, the negative mentions, so one
   * angry post from a celebrity or a 2-of-3 negative share is no crisis on its own.
   */
  public long evidence(WindowMetrics metrics) {
    return evidence.applyAsLong(metrics);
  }

  public double of(WindowMetrics metrics) {
    return value.applyAsDouble(metrics);
  }

  /** As written in alerts: lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
