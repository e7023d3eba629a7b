// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.Severity;
import io.hark.schema.TermLift;
import io.hark.schema.TopAuthor;
import io.hark.schema.TopPost;
import java.time.Instant;
import java.util.List;

/** A spike of negative mentions for "Acme Coffee", with everything a message can show. */
final class TestAlerts {
    static final String ALERT_ID = "acme:negative_volume:2026-03-01T10:00:00Z";
    static final String KIBANA_URL =
            "https://kibana.example/app/discover#/?_g=(time:(from:'2026-03-01T10:00:00Z'))";
    static final String LONG_POST = "Four hours on the tarmac and still no refund. ".repeat(10);

    private TestAlerts() {}

    static Alert alert(AlertState state) {
        return builder(state).build();
    }

    static Alert.Builder builder(AlertState state) {
        return Alert.newBuilder()
                .setAlertId(ALERT_ID)
                .setState(state)
                .setSequence(state == AlertState.opened ? 0 : 2)
                .setReplay(false)
                .setQueryId("acme")
                .setQueryName("Acme Coffee")
                .setGroup("coffee")
                .setSignal("negative_volume")
                .setSeverity(Severity.high)
                .setWindowStart(Instant.parse("2026-03-01T10:00:00Z"))
                .setWindowEnd(Instant.parse("2026-03-01T10:05:00Z"))
                .setEpisodeStart(Instant.parse("2026-03-01T10:00:00Z"))
                .setActual(412)
                .setExpected(80)
                .setLower(40)
                .setUpper(120)
                .setAnomalyScore(0.97)
                .setVolume(1200)
                .setNegative(412)
                .setTopNegativePosts(
                        List.of(
                                post(
                                        "x:1",
                                        "Burnt beans & <cold> milk again",
                                        "https://x.example/1",
                                        "beanhater",
                                        120_000),
                                post("x:2", LONG_POST, null, "traveller", 5_300),
                                post("x:3", "Never again", "https://x.example/3", "kim", 800),
                                post(
                                        "x:4",
                                        "Fourth post, not shown",
                                        "https://x.example/4",
                                        "lee",
                                        10)))
                .setOverRepresentedTerms(
                        List.of(new TermLift("burnt", 37L, 4.2), new TermLift("refund", 20L, 3.1)))
                .setOverRepresentedHashtags(List.of(new TermLift("#acmefail", 15L, 5.0)))
                .setTopAuthors(List.of(new TopAuthor("beanhater", "twitter", 120_000L, 3L)))
                .setKibanaUrl(KIBANA_URL)
                .setSummary(
                        "412 negative mentions of Acme Coffee vs 80 expected (40–120) since 10:00 UTC")
                .setEmittedAt(Instant.parse("2026-03-01T10:05:02Z"));
    }

    private static TopPost post(String id, String text, String url, String author, long reach) {
        return new TopPost(id, text, url, author, reach, 10L, "negative");
    }
}
