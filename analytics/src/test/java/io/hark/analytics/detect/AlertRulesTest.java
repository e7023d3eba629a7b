// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void noChangesAreTheShippedDefaults() {
        assertThat(AlertRules.defaults().detector(MINUTE))
                .isEqualTo(DetectorSettings.defaults(MINUTE));
        assertThat(AlertRules.defaults().episodes()).isEqualTo(EpisodeSettings.defaults());
    }

    @Test
    void aFileListsSettingsInOrderEachChangingOnlyWhatItNames() {
        List<AlertRules> rules =
                AlertRules.parse(
                        """
        - name: shipped
        - name: sensitive
          spike_threshold: 5
          min_volume: 4
          cooldown: 6h
        """,
                        "rules.yaml");

        assertThat(rules).extracting(AlertRules::name).containsExactly("shipped", "sensitive");
        DetectorSettings sensitive = rules.get(1).detector(MINUTE);
        assertThat(sensitive.spikeThreshold()).isEqualTo(5.0);
        assertThat(sensitive.shiftThreshold())
                .isEqualTo(DetectorSettings.defaults(MINUTE).shiftThreshold());
        assertThat(rules.get(1).episodes().minVolume()).isEqualTo(4);
        assertThat(rules.get(1).episodes().cooldown()).isEqualTo(Duration.ofHours(6));
        assertThat(rules.get(1).episodes().calmToResolve())
                .isEqualTo(EpisodeSettings.defaults().calmToResolve());
    }

    @Test
    void errorsNameTheFileTheSettingAndTheKey() {
        assertThatThrownBy(() -> AlertRules.parse("- name: a\n  spike_treshold: 5\n", "r.yaml"))
                .hasMessageContaining("r.yaml")
                .hasMessageContaining("a: unknown setting 'spike_treshold'")
                .hasMessageContaining("spike_threshold");
        assertThatThrownBy(() -> AlertRules.parse("- name: a\n  cooldown: soon\n", "r.yaml"))
                .hasMessageContaining("a: cooldown must be a duration, not 'soon'");
        assertThatThrownBy(() -> AlertRules.parse("- name: a\n  spike_threshold: -1\n", "r.yaml"))
                .hasMessageContaining("a: thresholds must be positive");
        assertThatThrownBy(() -> AlertRules.parse("- name: a\n- name: a\n", "r.yaml"))
                .hasMessageContaining("two settings are named 'a'");
        assertThatThrownBy(() -> AlertRules.parse("- spike_threshold: 3\n", "r.yaml"))
                .hasMessageContaining("every setting needs a name");
        assertThatThrownBy(() -> AlertRules.parse("spike_threshold: 3\n", "r.yaml"))
                .hasMessageContaining("expected a list of settings");
    }

    @Test
    void aSettingTravelsWithTheJob() throws Exception {
        AlertRules rules = new AlertRules("x", Map.of("min_volume", "3"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rules);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(rules);
        }
    }
}
