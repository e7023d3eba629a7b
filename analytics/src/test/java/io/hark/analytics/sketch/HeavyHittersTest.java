// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeavyHittersTest {
    @Test
    void countsExactlyWhileThereIsRoom() {
        HeavyHitters sketch = new HeavyHitters(10);
        for (String key : "a b a c a b".split(" ")) {
            sketch.add(key);
        }
        assertThat(sketch.top(2))
                .containsExactly(
                        new HeavyHitters.Estimate("a", 3, 0), new HeavyHitters.Estimate("b", 2, 0));
    }

    @Test
    void keepsEveryFrequentKeyOfAZipfStreamAndNeverUnderstatesIt() {
        HeavyHitters sketch = new HeavyHitters(50);
        Map<String, Long> truth = new HashMap<>();
        Random random = new Random(5);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            String key = "k" + (int) Math.floor(Math.pow(random.nextDouble(), 3) * 5_000);
            sketch.add(key);
            truth.merge(key, 1L, Long::sum);
        }
        truth.forEach(
                (key, count) -> {
                    if (count > n / 50) {
                        assertThat(sketch.top(50))
                                .as("frequent key %s (%d)", key, count)
                                .anySatisfy(
                                        estimate -> {
                                            assertThat(estimate.key()).isEqualTo(key);
                                            assertThat(estimate.count())
                                                    .isGreaterThanOrEqualTo(count);
                                            assertThat(estimate.count() - estimate.error())
                                                    .isLessThanOrEqualTo(count);
                                        });
                    }
                });
    }

    @Test
    void mergedSketchesAddUp() {
        HeavyHitters left = new HeavyHitters(5);
        HeavyHitters right = new HeavyHitters(5);
        left.add("a", 3);
        right.add("a", 2);
        right.add("b", 4);
        left.merge(right);
        assertThat(left.top(2))
                .extracting(HeavyHitters.Estimate::key, HeavyHitters.Estimate::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 5L),
                        org.assertj.core.groups.Tuple.tuple("b", 4L));
    }

    @Test
    void topNKeepsTheHighestRankedPerKey() {
        TopN<String> top = new TopN<>(2);
        top.offer("ana", 10, "ana:10");
        top.offer("bo", 50, "bo:50");
        top.offer("ana", 70, "ana:70");
        top.offer("cy", 20, "cy:20");
        top.offer("bo", 5, "bo:5");
        assertThat(top.items()).containsExactly("ana:70", "bo:50");
    }

    @Test
    void readsBackWhatItWroteAndGoesOnCounting() {
        HeavyHitters sketch = new HeavyHitters(2);
        for (String key : "a b a c a".split(" ")) {
            sketch.add(key);
        }
        CompactWriter out = new CompactWriter(16);
        sketch.writeTo(out);

        HeavyHitters read = HeavyHitters.readFrom(new CompactReader(out.toByteArray()));

        assertThat(read.top(2)).isEqualTo(sketch.top(2));
        read.add("d");
        sketch.add("d");
        assertThat(read.top(2)).isEqualTo(sketch.top(2));
    }
}
