// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentsTest {
    private static List<Incident> parse(String csv) throws IOException {
        return Incidents.parse(new StringReader(csv), "incidents.csv");
    }

    @Test
    void readsIncidentsSkippingBlankLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("incidents.csv");
        Files.writeString(
                file,
                "query,start,end\nbrand, 2024-05-01T10:00:00Z ,2024-05-01T11:00:00Z\n\nrival,2024-05-02T00:00:00Z,2024-05-02T00:00:00Z\n");

        assertThat(Incidents.load(file))
                .containsExactly(
                        new Incident(
                                "brand",
                                Instant.parse("2024-05-01T10:00:00Z"),
                                Instant.parse("2024-05-01T11:00:00Z")),
                        new Incident(
                                "rival",
                                Instant.parse("2024-05-02T00:00:00Z"),
                                Instant.parse("2024-05-02T00:00:00Z")));
    }

    @Test
    void rejectsARunawayLineWithoutQuotingIt() {
        String line = "brand," + "9".repeat(1 << 20) + ",2024-05-01T11:00:00Z";

        assertThatThrownBy(() -> parse("query,start,end\n" + line + "\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "incidents.csv:2: the line has "
                                + line.length()
                                + " characters; at most "
                                + Incidents.MAX_LINE_CHARS);
        assertThatThrownBy(() -> parse(line + "\n"))
                .hasMessage(
                        "incidents.csv:1: the line has "
                                + line.length()
                                + " characters; at most "
                                + Incidents.MAX_LINE_CHARS);
    }

    @Test
    void rejectsAMissingOrWrongHeader() {
        assertThatThrownBy(() -> parse(""))
                .hasMessageContaining("incidents.csv:1: expected the header");
        assertThatThrownBy(() -> parse("q,from,to\n")).hasMessageContaining("incidents.csv:1:");
    }

    @Test
    void namesTheLineOfABadInstant() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "query,start,end\nbrand,2024-05-01T10:00:00Z,2024-05-01T11:00:00Z\nbrand,yesterday,2024-05-01T11:00:00Z\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "incidents.csv:3: start 'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void namesTheLineOfAnEndBeforeItsStart() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "query,start,end\nbrand,2024-05-01T11:00:00Z,2024-05-01T10:00:00Z\n"))
                .hasMessageContaining("incidents.csv:2: end 2024-05-01T10:00:00Z is before start");
    }

    @Test
    void namesTheLineOfAMissingColumnOrQuery() {
        assertThatThrownBy(() -> parse("query,start,end\nbrand,2024-05-01T11:00:00Z\n"))
                .hasMessageContaining(
                        "incidents.csv:2: expected 3 columns (query,start,end), got 2");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "query,start,end\n ,2024-05-01T10:00:00Z,2024-05-01T11:00:00Z\n"))
                .hasMessageContaining("incidents.csv:2: missing query");
    }
}
