// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process together with the processes it started. */
final class ProcessTrees {

    private ProcessTrees() {}

    /**
     * Asks the process to terminate (SIGTERM), waits up to {@code grace}, then kills what is left
     * of the tree. The descendants are listed first: once their parent is gone they are re-parented
     * and no longer reachable.
     */
    static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        if (!awaitExit(process, grace)) {
            process.destroyForcibly();
            awaitExit(process, grace);
        }
        for (ProcessHandle descendant : tree) {
            if (!awaitExit(descendant, grace)) {
                descendant.destroyForcibly();
                awaitExit(descendant, grace);
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
