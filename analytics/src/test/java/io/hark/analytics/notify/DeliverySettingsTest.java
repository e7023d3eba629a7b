// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {
    @Test
    void defaultsSuitAnOnCallAlert() {
        assertThat(DeliverySettings.defaults())
                .isEqualTo(
                        new DeliverySettings(
                                Duration.ofSeconds(5),
                                4,
                                Duration.ofMillis(500),
                                Duration.ofSeconds(10)));
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new DeliverySettings(Duration.ZERO, 4, second, second))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> new DeliverySettings(second, 0, second, second))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new DeliverySettings(second, 4, second, Duration.ofMillis(10)))
                .hasMessageContaining("initialBackoff <= maxBackoff");
    }
}
