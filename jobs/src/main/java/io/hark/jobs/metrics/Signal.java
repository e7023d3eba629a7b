// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.schema.WindowMetrics;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** What the spike detector watches in each window of a query. */
public enum Signal {
  VOLUME(WindowMetrics::getVolume),
  NEGATIVE_VOLUME(WindowMetrics::getNegative),
  /** Negative mentions over mentions with a sentiment: a crisis can be a shift in tone at steady volume. */
  NEGATIVE_SHARE(metrics -> {
    long withSentiment = metrics.getNegative() + metrics.getNeutral() + metrics.getPositive();
    return withSentiment == 0 ? 0 : (double) metrics.getNegative() / withSentiment;
  }),
  /** Followers of the authors of negative mentions: anger that many people see. */
  NEGATIVE_REACH(WindowMetrics::getNegativeReach);

  private final ToDoubleFunction<WindowMetrics> value;

  Signal(ToDoubleFunction<WindowMetrics> value) {
    this.value = value;
  }

  public double of(WindowMetrics metrics) {
    return value.applyAsDouble(metrics);
  }

  /** As written in alerts: lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
