// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java process started from this JVM's {@code java}, with a classpath from a file that the build
 * wrote as a resource (Maven's {@code dependency:build-classpath}), its output appended to a log
 * file. {@link #kill()} is {@code kill -9}.
 */
final class ChildJvm {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Reads the classpath file at {@code resource} (relative to this package). */
    static String classpath(String resource) {
        try (InputStream in = ChildJvm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "No "
                                + resource
                                + " next to "
                                + ChildJvm.class
                                + ": build Hark with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static ChildJvm start(
            String classpath,
            List<String> jvmOptions,
            String mainClass,
            List<String> arguments,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(log.toFile()));
        List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS")
                .forEach(builder.environment()::remove);
        try {
            Files.createDirectories(log.getParent());
            return new ChildJvm(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + mainClass, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself, and fails with its log's tail if it failed. */
    void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(
                        "Still running after " + timeout.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("Interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "Exited with code "
                            + process.exitValue()
                            + "; its output ends with:\n"
                            + outputTail());
        }
    }

    /** The last lines of the output, which the caller may delete with its directory. */
    String outputTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    void kill() {
        ProcessTrees.kill(process.toHandle());
    }

    /** SIGTERM, then SIGKILL if it is still there after a grace period. */
    void stop() {
        ProcessTrees.stop(process.toHandle(), STOP_GRACE);
    }

    Path log() {
        return log;
    }
}
