// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import io.hark.analytics.notify.KibanaLinks;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Silences as alerts, signal {@code silence}: a query gone quiet ({@link DetectSpikes}), or the
 * whole input ({@link WatchInputSilence}, query id {@link #WHOLE_INPUT}). Each silence is an
 * episode of two steps, opened and resolved, with an id of its own ({@code QUERY@silence@MILLIS}).
 */
public final class SilenceAlerts {
    /**
     * The query id of the whole input's silence, which no listening query can have (see QueryFile).
     */
    public static final String WHOLE_INPUT = "*";

    public static final String SIGNAL = "silence";
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final Duration CONTEXT_BEFORE = Duration.ofMinutes(30);

    private SilenceAlerts() {}

    /** A query's silence: worth a look (its source may have stopped), rarely an emergency. */
    public static Alert ofQuery(
            SilenceStep step, String queryId, String group, KibanaLinks kibana, long now) {
        String what = group == null ? queryId : queryId + " (" + group + ")";
        return alert(
                step,
                queryId,
                group,
                Severity.medium,
                summary(what, step, "is its source still delivering?"),
                kibana.discover(
                        queryId,
                        Instant.ofEpochMilli(step.silentSince()).minus(CONTEXT_BEFORE),
                        Instant.ofEpochMilli(step.silentUntil())),
                now);
    }

    /** The whole input's silence: nothing is being listened to at all. */
    public static Alert ofWholeInput(SilenceStep step, KibanaLinks kibana, long now) {
        return alert(
                step,
                WHOLE_INPUT,
                null,
                Severity.high,
                summary(
                        "all input",
                        step,
                        "the input has stopped: a connector, Kafka or the listen job"),
                kibana.discoverAll(
                        Instant.ofEpochMilli(step.silentSince()).minus(CONTEXT_BEFORE),
                        Instant.ofEpochMilli(step.silentUntil())),
                now);
    }

    private static Alert alert(
            SilenceStep step,
            String queryId,
            String group,
            Severity severity,
            String summary,
            String kibanaUrl,
            long now) {
        boolean opened = step.kind() == SilenceStep.Kind.OPENED;
        return Alert.newBuilder()
                .setAlertId(queryId + "@" + SIGNAL + "@" + step.silentSince())
                .setState(opened ? AlertState.opened : AlertState.resolved)
                .setSequence(opened ? 0 : 1)
                .setReplay(false)
                .setQueryId(queryId)
                .setGroup(group)
                .setSignal(SIGNAL)
                .setSeverity(severity)
                .setWindowStart(Instant.ofEpochMilli(step.silentSince()))
                .setWindowEnd(Instant.ofEpochMilli(step.silentUntil()))
                .setEpisodeStart(Instant.ofEpochMilli(step.silentSince()))
                .setActual(0)
                .setExpected(step.expected())
                .setLower(0)
                .setUpper(step.expected())
                // the chance of no arrival at all, were the expected mentions Poisson, is
                // e^-expected
                .setAnomalyScore(1 - Math.exp(-step.expected()))
                .setVolume(0)
                .setNegative(0)
                .setTopNegativePosts(List.of())
                .setOverRepresentedTerms(List.of())
                .setOverRepresentedHashtags(List.of())
                .setTopAuthors(List.of())
                .setKibanaUrl(kibanaUrl)
                .setSummary(
                        opened
                                ? summary
                                : resolvedSummary(
                                        queryId.equals(WHOLE_INPUT) ? "all input" : queryId, step))
                .setEmittedAt(Instant.ofEpochMilli(now))
                .build();
    }

    private static String summary(String what, SilenceStep step, String hint) {
        return String.format(
                Locale.ROOT,
                "%s: no mentions for %d min since %s UTC, expected about %.0f; %s",
                what,
                step.duration().toMinutes(),
                MINUTE.format(Instant.ofEpochMilli(step.silentSince())),
                step.expected(),
                hint);
    }

    private static String resolvedSummary(String what, SilenceStep step) {
        return String.format(
                Locale.ROOT,
                "%s: mentions again at %s UTC after %d min of silence since %s UTC",
                what,
                MINUTE.format(Instant.ofEpochMilli(step.silentUntil())),
                step.duration().toMinutes(),
                MINUTE.format(Instant.ofEpochMilli(step.silentSince())));
    }
}
