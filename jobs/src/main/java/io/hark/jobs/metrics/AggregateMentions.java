// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.GroupWindow;
import io.hark.analytics.window.MentionFacts;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Adds mentions into their window's {@link GroupWindow} as they arrive, so a window holds totals
 * and sketches, not its mentions. Windows never merge (tumbling), so {@link #merge} is only for
 * completeness of the interface and refuses.
 */
public class AggregateMentions
        implements AggregateFunction<MentionFacts, GroupWindow, GroupWindow> {
    private final int topK;
    private final boolean countSpam;

    public AggregateMentions(int topK, boolean countSpam) {
        this.topK = topK;
        this.countSpam = countSpam;
    }

    @Override
    public GroupWindow createAccumulator() {
        return new GroupWindow(topK);
    }

    @Override
    public GroupWindow add(MentionFacts facts, GroupWindow window) {
        window.add(facts, countSpam);
        return window;
    }

    @Override
    public GroupWindow getResult(GroupWindow window) {
        return window;
    }

    @Override
    public GroupWindow merge(GroupWindow a, GroupWindow b) {
        throw new UnsupportedOperationException("tumbling windows do not merge");
    }
}
