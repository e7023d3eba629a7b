// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeasonalProfileTest {
    private static final DetectorSettings SETTINGS =
            DetectorSettings.defaults(Duration.ofMinutes(1));

    @Test
    void writesEachSlotAsAFloatAndACharTheFormCheckpointsHold() throws IOException {
        SeasonalProfile profile = new SeasonalProfile(SETTINGS);
        long slot = SETTINGS.seasonSlot().toMillis();
        profile.learn(0, 2.5, 0.1);
        profile.learn(slot, -1.25, 0.1);
        profile.learn(slot, 0, 0.1);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(expected)) {
            for (int i = 0; i < SETTINGS.slots(); i++) {
                out.writeFloat(i == 0 ? 2.5f : i == 1 ? -1.25f : 0f);
                out.writeChar(i == 0 ? 1 : i == 1 ? 2 : 0);
            }
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(written)) {
            profile.writeTo(out);
        }
        assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());

        SeasonalProfile read = new SeasonalProfile(SETTINGS);
        read.readFrom(new DataInputStream(new ByteArrayInputStream(expected.toByteArray())));
        assertThat(read.at(0)).isEqualTo(2.5);
        assertThat(read.at(slot)).isEqualTo(-1.25);
        assertThat(read.at(2 * slot)).isZero();
    }
}
