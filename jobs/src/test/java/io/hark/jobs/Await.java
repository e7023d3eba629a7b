// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Waits for a condition that a running job will bring about, instead of sleeping for a guessed
 * time.
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(200);

    private Await() {}

    /**
     * Returns once {@code condition} holds; fails naming {@code what} if it does not within {@code
     * patience}. A condition that throws has not held yet: servers a test has just restarted, or
     * indices just created, answer with errors for a moment.
     */
    public static void until(String what, Duration patience, Callable<Boolean> condition)
            throws Exception {
        Instant deadline = Instant.now().plus(patience);
        Exception lastError = null;
        while (true) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + patience + ": " + what, lastError);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
