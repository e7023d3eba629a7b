// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Waits for a condition that a running job will bring about, instead of sleeping for a guessed time. */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(200);

  private Await() {}

  /** Returns once {@code condition} holds; fails naming {@code what} if it does not within {@code patience}. */
  public static void until(String what, Duration patience, Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plus(patience);
    while (!condition.call()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + patience + ": " + what);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
