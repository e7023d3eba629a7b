// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTargetsTest {
    @Test
    void aQueryIsAboutItsNameAndWhatItLooksForButNotWhatItExcludes() {
        QueryDefinition query =
                new QueryDefinition(
                        "bluejet",
                        "BlueJet",
                        "(bluejet OR \"blue jet\" OR #flybluejet OR @BlueJetHelp) AND NOT careers AND lang:en",
                        "airlines");
        assertThat(QueryTargets.of(query))
                .containsExactly("bluejet", "blue jet", "flybluejet", "bluejethelp");
    }

    @Test
    void nearOperandsAndPrefixesAreTargetsToo() {
        QueryDefinition query =
                new QueryDefinition("delays", null, "(skyline OR skyair) NEAR/3 delay*", null);
        assertThat(QueryTargets.of(query)).containsExactly("delays", "skyline", "skyair", "delay");
    }
}
