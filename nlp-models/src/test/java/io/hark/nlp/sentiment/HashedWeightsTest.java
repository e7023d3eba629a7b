// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HashedWeightsTest {

    @Test
    void findsEveryFeaturesRowAndNoOther() {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int i = 0; i < 50_000; i++) {
            rows.put("c:" + i + ":" + random.nextInt(1000), new double[] {i, -i, i / 2.0, 1});
        }
        rows.put("", new double[] {9, 9, 9, 9});
        HashedWeights table =
                HashedWeights.build(
                        rows.size() * 2,
                        4,
                        builder -> {
                            rows.forEach((feature, weights) -> builder.set(feature, 0, weights[0]));
                            // each feature again, column by column, as a second classifier would
                            rows.forEach(
                                    (feature, weights) -> {
                                        for (int c = 1; c < 4; c++) {
                                            builder.set(feature, c, weights[c]);
                                        }
                                    });
                        });

        rows.forEach(
                (feature, weights) -> {
                    int row = table.row(feature);
                    assertThat(row).as(feature).isNotNegative();
                    for (int c = 0; c < 4; c++) {
                        assertThat(table.weight(row, c)).as(feature).isEqualTo(weights[c]);
                    }
                });
        for (int i = 0; i < 50_000; i++) {
            assertThat(table.row("w:" + i)).isEqualTo(-1);
        }
        assertThat(table.weight(-1, 2)).isZero();
    }

    @Test
    void aFeatureWrittenInOneColumnOnlyHasZeroInTheOthers() {
        HashedWeights table = HashedWeights.build(1, 4, builder -> builder.set("s140:x", 3, 2.5));
        int row = table.row("s140:x");
        assertThat(new double[] {table.weight(row, 0), table.weight(row, 3)})
                .containsExactly(0, 2.5);
        assertThat(table.row("w:good")).isEqualTo(-1);
    }

    @Test
    void theSeedChangesEveryHash() {
        assertThat(HashedWeights.hash("w:good", 0)).isNotEqualTo(HashedWeights.hash("w:good", 1));
        assertThat(HashedWeights.hash("w:good", 0)).isEqualTo(HashedWeights.hash("w:good", 0));
        assertThat(HashedWeights.hash("ab", 0)).isNotEqualTo(HashedWeights.hash("ba", 0));
    }
}
