// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.analytics.nab.NabScorer.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabWindowsTest {
    private static final List<String> TIMESTAMPS =
            List.of(
                    "2015-02-26 21:00:00",
                    "2015-02-26 21:05:00",
                    "2015-02-26 21:10:00",
                    "2015-02-26 21:10:00",
                    "2015-02-26 21:15:00",
                    "2015-02-26 21:20:00");

    @Test
    void readsEachSeriesWindowsByItsFileName(@TempDir Path dir) throws Exception {
        Path json =
                Files.writeString(
                        dir.resolve("windows.json"),
                        """
        {"realTweets/Twitter_volume_X.csv": [["2015-02-26 21:05:00.000000", "2015-02-26 21:15:00.000000"]],
         "other/quiet.csv": []}
        """);
        Map<String, List<String[]>> windows = NabWindows.read(json);
        assertThat(windows).containsOnlyKeys("Twitter_volume_X.csv", "quiet.csv");
        assertThat(windows.get("Twitter_volume_X.csv"))
                .singleElement()
                .isEqualTo(
                        new String[] {"2015-02-26 21:05:00.000000", "2015-02-26 21:15:00.000000"});
        assertThat(windows.get("quiet.csv")).isEmpty();
    }

    @Test
    void placesWindowsOnRowsLikeNabDoes() {
        List<String[]> windows =
                List.of(
                        new String[] {"2015-02-26 21:15:00.000000", "2015-02-26T21:20:00"},
                        new String[] {"2015-02-26 21:05:00.000000", "2015-02-26 21:10:00.000000"});
        // in order of their start; a repeated timestamp stands for its last row
        assertThat(NabWindows.rows(TIMESTAMPS, windows))
                .containsExactly(new Window(1, 3), new Window(4, 5));
    }

    @Test
    void refusesAWindowOutsideTheSeries() {
        assertThatThrownBy(
                        () ->
                                NabWindows.rows(
                                        TIMESTAMPS,
                                        List.<String[]>of(
                                                new String[] {
                                                    "2015-02-26 21:05:00", "2015-02-27 00:00:00"
                                                })))
                .hasMessageContaining("2015-02-27 00:00:00")
                .hasMessageContaining("not a row");
    }
}
