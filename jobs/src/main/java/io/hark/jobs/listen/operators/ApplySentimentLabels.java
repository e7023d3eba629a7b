// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.schema.EnrichedMention;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentCorrections;
import io.hark.schema.SentimentLabel;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Puts analysts' labels on the mentions they hold for ({@link SentimentCorrections}): the labels
 * the job started with, then those that arrive while it runs (broadcast to every instance and kept
 * in its state). Mentions indexed before their label arrived are relabelled in Elasticsearch by the
 * job's corrections sink, not here.
 */
public class ApplySentimentLabels
        extends BroadcastProcessFunction<EnrichedMention, SentimentCorrection, EnrichedMention> {
    public static final MapStateDescriptor<String, SentimentLabel> LABELS =
            new MapStateDescriptor<>(
                    "sentiment-labels", Types.STRING, Types.ENUM(SentimentLabel.class));

    private final HashMap<String, SentimentLabel> initial;

    /**
     * @param initial the labels in the topic when the job was built (a restored job also has the
     *     later ones in state)
     */
    public ApplySentimentLabels(Map<String, SentimentLabel> initial) {
        this.initial = new HashMap<>(initial);
    }

    @Override
    public void processElement(
            EnrichedMention enriched, ReadOnlyContext ctx, Collector<EnrichedMention> out)
            throws Exception {
        ReadOnlyBroadcastState<String, SentimentLabel> arrived = ctx.getBroadcastState(LABELS);
        SentimentLabel label =
                SentimentCorrections.find(
                        enriched,
                        id -> {
                            try {
                                SentimentLabel latest = arrived.get(id);
                                return latest != null ? latest : initial.get(id);
                            } catch (Exception e) {
                                throw new IllegalStateException(
                                        "cannot read the labels' broadcast state", e);
                            }
                        });
        out.collect(label == null ? enriched : SentimentCorrections.relabel(enriched, label));
    }

    @Override
    public void processBroadcastElement(
            SentimentCorrection correction, Context ctx, Collector<EnrichedMention> out)
            throws Exception {
        ctx.getBroadcastState(LABELS).put(correction.mentionId(), correction.label());
    }
}
