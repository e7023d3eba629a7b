// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SharedServersITCase {

    @Test
    void concurrentFirstUsersShareOneServerOfEachKind() throws Exception {
        assertThat(callConcurrently(SharedServers::kafka)).containsOnly(SharedServers.kafka());
        assertThat(callConcurrently(SharedServers::elasticsearch))
                .containsOnly(SharedServers.elasticsearch());

        SharedServers.kafka().createTopics(Map.of("shared-servers-it", 1));
        assertThat(SharedServers.elasticsearch().processHandle())
                .hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());
    }

    private static <T> List<T> callConcurrently(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(Collections.nCopies(3, call))) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
