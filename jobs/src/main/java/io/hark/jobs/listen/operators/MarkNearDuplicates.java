// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.nlp.duplicates.TextFingerprint;
import io.hark.nlp.spam.SpamSignal;
import io.hark.nlp.text.FoldedWords;
import io.hark.schema.EnrichedMention;
import io.hark.schema.MentionIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Marks copy-paste: a mention whose text is, modulo URLs, handles and case, the same as (or nearly,
 * by MinHash similarity) one seen in the last {@code window} of event time gets {@code
 * duplicate_of} set to the first one's document id. When {@code copyPasteAuthors} distinct authors
 * have posted the same text, each further copy also gets the {@link SpamSignal#COPY_PASTE} signal.
 * Copies are kept, not hidden: a campaign is something analysts want to see.
 *
 * <p>Candidates are found by locality-sensitive hashing (a shared band of the {@link
 * TextFingerprint} sketch), then checked by estimated similarity. The index is one keyed state (use
 * {@link #INDEX_KEY}), so it sees every mention; a lookup is a few map reads, far cheaper than the
 * NLP downstream.
 */
public class MarkNearDuplicates
        extends KeyedProcessFunction<Integer, EnrichedMention, EnrichedMention> {
    public static final int INDEX_KEY = 0;

    /**
     * A text and its copies: the sketch of the first, when the last copy was seen, its distinct
     * authors.
     */
    public static class CopyCluster {
        public long[] sketch;
        public long lastSeenMillis;
        public String[] authors;

        public CopyCluster() {}

        CopyCluster(long[] sketch, long lastSeenMillis, String author) {
            this.sketch = sketch;
            this.lastSeenMillis = lastSeenMillis;
            this.authors = new String[] {author};
        }
    }

    private final Duration window;
    private final int copyPasteAuthors;

    /** First mention's document id to its cluster. */
    private transient MapState<String, CopyCluster> clusters;

    /** Band key to the clusters whose first sketch has it. */
    private transient MapState<Long, String[]> bands;

    public MarkNearDuplicates(Duration window, int copyPasteAuthors) {
        this.window = window;
        this.copyPasteAuthors = copyPasteAuthors;
    }

    @Override
    public void open(OpenContext openContext) {
        clusters =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "copy-clusters",
                                        Types.STRING,
                                        TypeInformation.of(CopyCluster.class)));
        bands =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "copy-bands",
                                        Types.LONG,
                                        Types.OBJECT_ARRAY(Types.STRING)));
    }

    @Override
    public void processElement(
            EnrichedMention enriched, Context ctx, Collector<EnrichedMention> out)
            throws Exception {
        List<String> words = FoldedWords.of(enriched.getMention().getText());
        if (!TextFingerprint.hasEnoughWords(words)) {
            out.collect(enriched);
            return;
        }
        long[] sketch = TextFingerprint.ofWords(words);
        long seenAt = enriched.getMention().getCreatedAt().toEpochMilli();
        String author = MentionIds.author(enriched.getMention());
        String firstId = findCluster(sketch, seenAt);
        if (firstId == null) {
            String id = MentionIds.of(enriched.getMention());
            clusters.put(id, new CopyCluster(sketch, seenAt, author));
            for (long band : TextFingerprint.bands(sketch)) {
                String[] ids = bands.get(band);
                bands.put(band, ids == null ? new String[] {id} : append(ids, id));
            }
        } else {
            CopyCluster cluster = clusters.get(firstId);
            cluster.lastSeenMillis = Math.max(cluster.lastSeenMillis, seenAt);
            if (cluster.authors.length < copyPasteAuthors
                    && !Arrays.asList(cluster.authors).contains(author)) {
                cluster.authors = append(cluster.authors, author);
            }
            clusters.put(firstId, cluster);
            enriched.setDuplicateOf(firstId);
            if (cluster.authors.length >= copyPasteAuthors) {
                SpamMarks.addSignal(enriched, SpamSignal.COPY_PASTE);
            }
        }
        ctx.timerService().registerEventTimeTimer(expiryCheck(seenAt + window.toMillis()));
        out.collect(enriched);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedMention> out)
            throws Exception {
        long horizon = timestamp - window.toMillis();
        List<String> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, CopyCluster>> it = clusters.iterator(); it.hasNext(); ) {
            Map.Entry<String, CopyCluster> entry = it.next();
            if (entry.getValue().lastSeenMillis < horizon) {
                expired.add(entry.getKey());
            }
        }
        for (String id : expired) {
            for (long band : TextFingerprint.bands(clusters.get(id).sketch)) {
                String[] left =
                        Arrays.stream(bands.get(band))
                                .filter(other -> !other.equals(id))
                                .toArray(String[]::new);
                if (left.length == 0) {
                    bands.remove(band);
                } else {
                    bands.put(band, left);
                }
            }
            clusters.remove(id);
        }
    }

    /**
     * The cluster whose last copy is at most {@code window} before {@code seenAt} and whose text is
     * nearly this one's. Expired clusters are removed by timers only to free state: checking here
     * keeps the answer the same whenever the timers fire, which in batch mode (replays) is only at
     * the end.
     */
    private String findCluster(long[] sketch, long seenAt) throws Exception {
        for (long band : TextFingerprint.bands(sketch)) {
            String[] ids = bands.get(band);
            if (ids == null) {
                continue;
            }
            for (String id : ids) {
                CopyCluster cluster = clusters.get(id);
                if (seenAt - cluster.lastSeenMillis <= window.toMillis()
                        && TextFingerprint.areNearDuplicates(cluster.sketch, sketch)) {
                    return id;
                }
            }
        }
        return null;
    }

    /**
     * Rounded up to the minute so that a busy stream registers one timer a minute, not one per
     * mention.
     */
    private static long expiryCheck(long millis) {
        long minute = 60_000;
        return (millis / minute + 1) * minute;
    }

    private static String[] append(String[] values, String value) {
        String[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }
}
