// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The heap each module's test JVMs needed in the last {@code mvn verify}, read from the GC logs
 * that Surefire and Failsafe JVMs write as {@code MODULE/target/heap-RUNNER.log} ({@code
 * -Xlog:gc,gc+init}, each run overwriting the last). "Used" is the heap just before a collection,
 * the most it held; "after GC" is what a collection could not free, an upper bound on the live data
 * at the time.
 */
final class TestJvmHeap {
    private static final Pattern LOG_NAME = Pattern.compile("heap-(surefire|failsafe)\\.log");
    private static final Pattern COLLECTION =
            Pattern.compile(" Pause .* (\\d+)M->(\\d+)M\\(\\d+M\\)");
    private static final Pattern MAX_CAPACITY = Pattern.compile("Heap Max Capacity: (\\d+)([MG])");

    /** One test JVM's log, summed up; sizes in MiB. */
    record Jvm(
            String module,
            String runner,
            int collections,
            long peakUsed,
            long peakAfterGc,
            long maxHeap) {}

    private TestJvmHeap() {}

    static void run(PrintStream out, Path projectRoot) throws IOException {
        List<Jvm> jvms = read(projectRoot);
        if (jvms.isEmpty()) {
            throw new IllegalStateException(
                    "no test JVM GC logs in "
                            + projectRoot.resolve("*/target/heap-*.log")
                            + ": run mvn -B verify first");
        }
        out.printf(
                "hark bench test-heap: the test JVMs of the last mvn verify under %s%n",
                projectRoot);
        out.printf(
                "%-10s %-9s %11s %13s %17s %12s %13s%n",
                "module",
                "runner",
                "collections",
                "peak used MB",
                "peak after GC MB",
                "max heap MB",
                "after GC/max");
        for (Jvm jvm : jvms) {
            out.printf(
                    "%-10s %-9s %11d %13d %17d %12d %12.0f%%%n",
                    jvm.module(),
                    jvm.runner(),
                    jvm.collections(),
                    jvm.peakUsed(),
                    jvm.peakAfterGc(),
                    jvm.maxHeap(),
                    100.0 * jvm.peakAfterGc() / jvm.maxHeap());
        }
    }

    static List<Jvm> read(Path projectRoot) throws IOException {
        List<Jvm> jvms = new ArrayList<>();
        try (Stream<Path> modules = Files.list(projectRoot)) {
            for (Path target :
                    modules.map(module -> module.resolve("target"))
                            .filter(Files::isDirectory)
                            .sorted()
                            .toList()) {
                try (Stream<Path> files = Files.list(target)) {
                    for (Path log : files.toList()) {
                        Matcher name = LOG_NAME.matcher(log.getFileName().toString());
                        if (name.matches()) {
                            jvms.add(
                                    summarize(
                                            target.getParent().getFileName().toString(),
                                            name.group(1),
                                            Files.readAllLines(log)));
                        }
                    }
                }
            }
        }
        jvms.sort(
                Comparator.comparing(Jvm::module)
                        .thenComparing(Jvm::runner)
                        .thenComparing(Jvm::peakAfterGc));
        return jvms;
    }

    /**
     * Reads lines such as {@code [0.02s][info][gc,init] Heap Max Capacity: 4G} and {@code
     * [3.1s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 583M->521M(3192M) 4.2ms}.
     */
    static Jvm summarize(String module, String runner, List<String> gcLog) {
        int collections = 0;
        long peakUsed = 0;
        long peakAfter = 0;
        long maxHeap = 0;
        for (String line : gcLog) {
            Matcher collection = COLLECTION.matcher(line);
            Matcher capacity = MAX_CAPACITY.matcher(line);
            if (collection.find()) {
                collections++;
                peakUsed = Math.max(peakUsed, Long.parseLong(collection.group(1)));
                peakAfter = Math.max(peakAfter, Long.parseLong(collection.group(2)));
            } else if (capacity.find()) {
                maxHeap =
                        Long.parseLong(capacity.group(1))
                                * (capacity.group(2).equals("G") ? 1024 : 1);
            }
        }
        if (maxHeap == 0) {
            throw new IllegalStateException(
                    "a GC log of "
                            + module
                            + " without its heap's maximum: "
                            + "the test JVMs must log gc+init");
        }
        return new Jvm(module, runner, collections, peakUsed, peakAfter, maxHeap);
    }
}
