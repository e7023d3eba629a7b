// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error (standard output stays for results other tools read). */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(String task, long total) {
        return new Progress(
                new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(500)
                        .showSpeed()
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build());
    }

    /**
     * Shows {@code done} against {@code total} until {@code work} completes, then returns its
     * result (or throws what it threw).
     */
    static <T> T follow(String task, long total, Future<T> work, LongSupplier done)
            throws Exception {
        try (Progress progress = start(task, total)) {
            while (true) {
                try {
                    T result = work.get(500, TimeUnit.MILLISECONDS);
                    progress.stepTo(done.getAsLong());
                    return result;
                } catch (TimeoutException running) {
                    progress.stepTo(done.getAsLong());
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof Exception cause ? cause : failed;
                }
            }
        }
    }

    void stepTo(long done) {
        bar.stepTo(done);
    }

    @Override
    public void close() {
        bar.close();
    }
}
