// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestJvmHeapTest {
    private static final List<String> LOG =
            List.of(
                    "[0.007s][info][gc] Using G1",
                    "[0.020s][info][gc,init] Heap Max Capacity: 4G",
                    "[0.577s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 21M->8M(382M) 2.113ms",
                    "[37.925s][info][gc] GC(29) Pause Remark 1183M->875M(2928M) 6.997ms",
                    "[38.000s][info][gc] GC(30) Concurrent Mark Cycle 120.5ms",
                    "[53.195s][info][gc] GC(95) Pause Full (G1 Compaction Pause) 4093M->1932M(4096M) 1499.809ms",
                    "[54.000s][info][gc] GC(96) Pause Young (Normal) (G1 Evacuation Pause) 2100M->1990M(4096M) 3.0ms");

    @Test
    void takesTheMostHeldBeforeAndAfterAnyCollection() {
        TestJvmHeap.Jvm jvm = TestJvmHeap.summarize("nlp-models", "surefire", LOG);
        assertThat(jvm)
                .isEqualTo(new TestJvmHeap.Jvm("nlp-models", "surefire", 4, 4093, 1990, 4096));
    }

    @Test
    void findsTheLogsOfEveryModule(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("jobs/target"));
        Files.createDirectories(project.resolve("cli/target"));
        Files.write(project.resolve("jobs/target/heap-failsafe.log"), LOG);
        Files.write(project.resolve("jobs/target/heap-surefire.log"), LOG.subList(0, 3));
        Files.write(
                project.resolve("cli/target/heap-surefire.log"),
                List.of("[0.1s][info][gc,init] Heap Max Capacity: 512M"));
        Files.write(project.resolve("cli/target/heap-surefire-7.log"), LOG);

        assertThat(TestJvmHeap.read(project))
                .containsExactly(
                        new TestJvmHeap.Jvm("cli", "surefire", 0, 0, 0, 512),
                        new TestJvmHeap.Jvm("jobs", "failsafe", 4, 4093, 1990, 4096),
                        new TestJvmHeap.Jvm("jobs", "surefire", 1, 21, 8, 4096));
    }

    @Test
    void refusesALogWithoutTheHeapsMaximum() {
        assertThatThrownBy(() -> TestJvmHeap.summarize("jobs", "surefire", LOG.subList(2, 4)))
                .hasMessageContaining("gc+init");
    }
}
