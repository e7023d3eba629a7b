// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

/** A JVM shutdown hook that can be withdrawn once its server was closed normally. */
final class ShutdownHook {

    private final Thread thread;

    private ShutdownHook(Thread thread) {
        this.thread = thread;
    }

    static ShutdownHook register(String name, Runnable action) {
        Thread thread = new Thread(action, name);
        Runtime.getRuntime().addShutdownHook(thread);
        return new ShutdownHook(thread);
    }

    void withdraw() {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook runs (or ran) anyway, and closing twice is harmless
        }
    }
}
