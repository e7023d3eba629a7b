// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import io.hark.analytics.backtest.Episode;
import io.hark.analytics.detect.AlertRules;
import io.hark.jobs.metrics.MetricsPipeline;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.WindowMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.CloseableIterator;

/**
 * An alert backtest: a replay whose window metrics are computed once and checked for spikes under
 * each rule setting side by side, writing nothing anywhere; what comes back is, per setting, the
 * alert episodes it would have fired.
 */
public final class Backtest {
    private Backtest() {}

    /** Per setting name, in the given order: the episodes, in the order they opened. */
    public static Map<String, List<Episode>> run(
            StreamExecutionEnvironment env,
            ReplayOptions options,
            ReplayInput input,
            List<AlertRules> settings,
            String run)
            throws Exception {
        DataStream<WindowMetrics> metrics =
                ReplayJob.windowMetrics(
                        env, options, input, run, new DiscardingSink<>(), new DiscardingSink<>());
        DataStream<Tuple2<String, Alert>> alerts = null;
        for (int i = 0; i < settings.size(); i++) {
            String setting = settings.get(i).name();
            DataStream<Tuple2<String, Alert>> fired =
                    MetricsPipeline.alerts(
                                    metrics, options.metrics(), settings.get(i), "setting-" + i)
                            .map(alert -> Tuple2.of(setting, alert))
                            .returns(Types.TUPLE(Types.STRING, new AvroTypeInfo<>(Alert.class)))
                            .name("setting-" + setting);
            alerts = alerts == null ? fired : alerts.union(fired);
        }
        Map<String, Map<String, List<Alert>>> stepsBySetting = new LinkedHashMap<>();
        settings.forEach(rules -> stepsBySetting.put(rules.name(), new TreeMap<>()));
        try (CloseableIterator<Tuple2<String, Alert>> collected =
                alerts.executeAndCollect("hark-backtest")) {
            collected.forEachRemaining(
                    fired ->
                            stepsBySetting
                                    .get(fired.f0)
                                    .computeIfAbsent(fired.f1.getAlertId(), id -> new ArrayList<>())
                                    .add(fired.f1));
        }
        Map<String, List<Episode>> episodes = new LinkedHashMap<>();
        stepsBySetting.forEach(
                (setting, steps) ->
                        episodes.put(
                                setting,
                                steps.values().stream()
                                        .map(Backtest::episode)
                                        .sorted(
                                                Comparator.comparing(Episode::opened)
                                                        .thenComparing(Episode::queryId))
                                        .toList()));
        return episodes;
    }

    /**
     * One episode from its steps: it opened when its first anomalous window closed (when on-call
     * would have heard), resolved when its resolving window closed, with the last severity it
     * reached.
     */
    static Episode episode(List<Alert> steps) {
        List<Alert> ordered =
                steps.stream().sorted(Comparator.comparing(Alert::getSequence)).toList();
        Alert first = ordered.get(0);
        Alert last = ordered.get(ordered.size() - 1);
        return new Episode(
                first.getQueryId(),
                first.getWindowEnd(),
                last.getState() == AlertState.resolved ? last.getWindowEnd() : null,
                last.getSeverity().name());
    }
}
