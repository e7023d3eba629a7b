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
 * in its state). A removed label no longer holds: the mention gets the next label that holds for it
 * (its first copy's or its original's), or else keeps the model's reading, or gets it back where it
 * was relabelled before (a replay of the enriched topic). Mentions indexed before their label
 * arrived or was removed are updated in Elasticsearch by the job's corrections sink, not here.
 */
public class ApplySentimentLabels
        extends BroadcastProcessFunction<EnrichedMention, SentimentCorrection, EnrichedMention> {
    public static final MapStateDescriptor<String, SentimentLabel> LABELS =
            new MapStateDescriptor<>(
                    "sentiment-labels", Types.STRING, Types.ENUM(SentimentLabel.class));

    /** Labels removed since the job was built, which its initial labels may still hold. */
    public static final MapStateDescriptor<String, Boolean> REMOVED =
            new MapStateDescriptor<>("sentiment-labels-removed", Types.STRING, Types.BOOLEAN);

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
        ReadOnlyBroadcastState<String, Boolean> removed = ctx.getBroadcastState(REMOVED);
        out.collect(
                SentimentCorrections.apply(
                        enriched,
                        id -> {
                            try {
                                SentimentLabel latest = arrived.get(id);
                                if (latest != null) {
                                    return latest;
                                }
                                return removed.contains(id) ? null : initial.get(id);
                            } catch (Exception e) {
                                throw new IllegalStateException(
                                        "cannot read the labels' broadcast state", e);
                            }
                        }));
    }

    @Override
    public void processBroadcastElement(
            SentimentCorrection correction, Context ctx, Collector<EnrichedMention> out)
            throws Exception {
        String id = correction.mentionId();
        if (correction.isRemoval()) {
            ctx.getBroadcastState(LABELS).remove(id);
            ctx.getBroadcastState(REMOVED).put(id, true);
        } else {
            ctx.getBroadcastState(LABELS).put(id, correction.label());
            ctx.getBroadcastState(REMOVED).remove(id);
        }
    }
}
