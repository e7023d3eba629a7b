// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopNTest {
    /** Each key at its highest rank, highest first, ties by key: what a top list must hold. */
    private static List<String> bruteForce(Map<String, Double> best, int n) {
        return best.entrySet().stream()
                .sorted(
                        Comparator.comparing((Map.Entry<String, Double> e) -> e.getValue())
                                .reversed()
                                .thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(e -> e.getKey() + "@" + e.getValue())
                .toList();
    }

    @Test
    void holdsTheHighestRankedKeysHoweverTheyArriveAndMergesExactly() {
        Random random = new Random(3);
        TopN<String> all = new TopN<>(10);
        TopN<String> first = new TopN<>(10);
        TopN<String> second = new TopN<>(10);
        Map<String, Double> best = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String key = "k" + random.nextInt(2_000);
            double rank = random.nextInt(500);
            all.offer(key, rank, key + "@" + rank);
            (i % 3 == 0 ? first : second).offer(key, rank, key + "@" + rank);
            best.merge(key, rank, Math::max);
        }
        first.merge(second);

        assertThat(all.items()).isEqualTo(bruteForce(best, 10));
        assertThat(first.items()).isEqualTo(bruteForce(best, 10));
    }

    @Test
    void readsBackWhatItWrote() {
        TopN<String> top = new TopN<>(3);
        top.offer("a", 1, "post a");
        top.offer("b", 5, "post b");
        top.offer("c", 3, "post c");
        top.offer("d", 4, "post d");
        CompactWriter out = new CompactWriter(16);
        top.writeTo(out, CompactWriter::writeString);

        TopN<String> read =
                TopN.readFrom(new CompactReader(out.toByteArray()), CompactReader::readString);

        assertThat(read.items()).containsExactly("post b", "post d", "post c");
        read.offer("e", 2, "post e");
        assertThat(read.items()).containsExactly("post b", "post d", "post c");
        read.offer("e", 10, "post e");
        assertThat(read.items()).containsExactly("post e", "post b", "post d");
    }
}
