// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.GroupWindow;
import io.hark.analytics.window.MentionFacts;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sums a task's share of each window before the shuffle, for bounded input: what crosses the
 * shuffle is one part per window key and window, not every mention. A part is keyed by both (so
 * merging spreads over all tasks, however few the window keys), timestamped with the window's
 * start, and in {@link GroupWindow#toBytes binary form}.
 *
 * <p>A window is emitted once no mention was added to it during the task's last {@code
 * idleMentions} mentions: replayed input comes roughly in time order, so by then its time has
 * passed and it is usually whole. That keeps few windows open, which keeps garbage collection cheap
 * (a window held long is copied by every young collection). All open windows are emitted when they
 * hold {@code maxHeld} mentions, which bounds memory whatever the input's order, and at the end of
 * the input. A window that receives mentions after it was emitted comes in several parts, which
 * {@link MergeWindowParts} adds up: the input's order never changes the result.
 */
public class SumWindowParts extends AbstractStreamOperator<Tuple2<String, byte[]>>
        implements OneInputStreamOperator<MentionFacts, Tuple2<String, byte[]>>, BoundedOneInput {
    public static final TypeInformation<Tuple2<String, byte[]>> TYPE =
            Types.TUPLE(Types.STRING, Types.PRIMITIVE_ARRAY(Types.BYTE));

    private record Slot(String windowKey, long start) {}

    private static final class OpenWindow {
        final GroupWindow window;
        long mentions;
        long lastAdded;

        OpenWindow(GroupWindow window) {
            this.window = window;
        }
    }

    private final long windowMillis;
    private final int topK;
    private final boolean countSpam;
    private final long idleMentions;
    private final long maxHeld;

    /** Least recently added to first. */
    private transient LinkedHashMap<Slot, OpenWindow> open;

    private transient long added;
    private transient long held;

    public SumWindowParts(
            Duration window, int topK, boolean countSpam, long idleMentions, long maxHeld) {
        this.windowMillis = window.toMillis();
        this.topK = topK;
        this.countSpam = countSpam;
        this.idleMentions = idleMentions;
        this.maxHeld = maxHeld;
    }

    @Override
    public void open() throws Exception {
        super.open();
        open = new LinkedHashMap<>(256, 0.75f, true);
    }

    @Override
    public void processElement(StreamRecord<MentionFacts> record) {
        MentionFacts facts = record.getValue();
        Slot slot =
                new Slot(
                        facts.windowKey,
                        TimeWindow.getWindowStartWithOffset(
                                record.getTimestamp(), 0, windowMillis));
        OpenWindow window = open.get(slot);
        if (window == null) {
            window = new OpenWindow(new GroupWindow(topK));
            open.put(slot, window);
        }
        window.window.add(facts, countSpam);
        window.mentions++;
        window.lastAdded = ++added;
        if (++held >= maxHeld) {
            emitOpenWindows(Long.MAX_VALUE);
        } else {
            emitOpenWindows(added - idleMentions);
        }
    }

    @Override
    public void endInput() {
        emitOpenWindows(Long.MAX_VALUE);
    }

    /** Emits the open windows last added to at or before {@code lastAdded}. */
    private void emitOpenWindows(long lastAdded) {
        Iterator<Map.Entry<Slot, OpenWindow>> oldestFirst = open.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<Slot, OpenWindow> entry = oldestFirst.next();
            if (entry.getValue().lastAdded > lastAdded) {
                return;
            }
            Slot slot = entry.getKey();
            output.collect(
                    new StreamRecord<>(
                            Tuple2.of(
                                    slot.windowKey() + "@" + slot.start(),
                                    entry.getValue().window.toBytes()),
                            slot.start()));
            held -= entry.getValue().mentions;
            oldestFirst.remove();
        }
    }
}
