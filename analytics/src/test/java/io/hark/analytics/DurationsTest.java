// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse(" 30s ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void readsZeroWithoutAUnit() {
        assertThat(Durations.parse("0")).isZero();
        assertThat(Durations.parse("00")).isZero();
        assertThat(Durations.parse("0s")).isZero();
    }

    @Test
    void refusesNumbersWithoutAUnitAndWords() {
        assertThatThrownBy(() -> Durations.parse("5")).hasMessageContaining("not a duration: '5'");
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("examples: 500ms");
    }
}
