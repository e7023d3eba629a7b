// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process together with the processes it started. */
final class ProcessTrees {

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

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

    /**
     * Kills the process and its descendants at once (SIGKILL, as {@code kill -9}) and waits until
     * they are gone.
     */
    static void kill(ProcessHandle process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(process, KILL_TIMEOUT);
        tree.forEach(descendant -> awaitExit(descendant, KILL_TIMEOUT));
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
