// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.GroupWindow;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.java.tuple.Tuple2;

/** Adds up the parts of a window that {@link SumWindowParts} summed on each task. */
public class MergeWindowParts
        implements AggregateFunction<Tuple2<String, byte[]>, GroupWindow, GroupWindow> {
    private final int topK;

    public MergeWindowParts(int topK) {
        this.topK = topK;
    }

    @Override
    public GroupWindow createAccumulator() {
        return new GroupWindow(topK);
    }

    @Override
    public GroupWindow add(Tuple2<String, byte[]> part, GroupWindow window) {
        GroupWindow decoded = GroupWindow.fromBytes(part.f1);
        // a window usually comes in one part (each task reads whole hour files), which then is the
        // window
        if (window.isEmpty()) {
            return decoded;
        }
        window.merge(decoded);
        return window;
    }

    @Override
    public GroupWindow getResult(GroupWindow window) {
        return window;
    }

    @Override
    public GroupWindow merge(GroupWindow a, GroupWindow b) {
        a.merge(b);
        return a;
    }
}
