// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.window;

import io.hark.analytics.sketch.CompactReader;
import io.hark.analytics.sketch.CompactWriter;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A window of one window key: the totals of the whole group (for a query without a group, of that
 * query) and of each of its queries, so share of voice is computed within one window, without a
 * join.
 */
public final class GroupWindow implements Serializable {
    /**
     * The version of {@link #toBytes}'s form, written first: windows live in savepoints, so a
     * change to the form gets a new version and {@link #fromBytes} keeps reading the old ones.
     */
    public static final int FORM_VERSION = 1;

    private final int topK;
    private final WindowStats whole;
    private final TreeMap<String, WindowStats> queries = new TreeMap<>();
    private String group;

    /**
     * The authors of a window read back, left unread until it changes ({@link
     * WindowStats#readAuthorsFrom}).
     */
    private transient byte[] unreadAuthors;

    public GroupWindow(int topK) {
        this(topK, new WindowStats(topK));
    }

    private GroupWindow(int topK, WindowStats whole) {
        this.topK = topK;
        this.whole = whole;
    }

    public void add(MentionFacts facts, boolean countSpam) {
        readAuthors();
        group = facts.group;
        whole.add(facts, facts.sentiment, countSpam);
        for (int i = 0; i < facts.queryIds.length; i++) {
            queries.computeIfAbsent(facts.queryIds[i], id -> new WindowStats(topK))
                    .add(facts, facts.queryLabels[i], countSpam);
        }
    }

    /** Whether nothing was added yet: every mention counted has a query. */
    public boolean isEmpty() {
        return queries.isEmpty();
    }

    /** Adds another part of the same window ({@link WindowStats#merge}). */
    public void merge(GroupWindow other) {
        readAuthors();
        other.readAuthors();
        if (other.group != null) {
            group = other.group;
        }
        whole.merge(other.whole);
        other.queries.forEach(
                (queryId, stats) ->
                        queries.computeIfAbsent(queryId, id -> new WindowStats(topK)).merge(stats));
    }

    /**
     * This window in a compact binary form ({@link CompactWriter}), for parts of windows to cross a
     * shuffle and to be kept in operator state: the form's version, the stats of the group and of
     * each query, then, in a block of their own, their authors.
     */
    public byte[] toBytes() {
        readAuthors();
        CompactWriter out = new CompactWriter(4096);
        CompactWriter authors = new CompactWriter(4096);
        out.writeInt(FORM_VERSION);
        out.writeInt(topK);
        out.writeString(group);
        whole.writeTo(out);
        whole.writeAuthorsTo(authors);
        out.writeInt(queries.size());
        for (Map.Entry<String, WindowStats> query : queries.entrySet()) {
            out.writeString(query.getKey());
            query.getValue().writeTo(out);
            query.getValue().writeAuthorsTo(authors);
        }
        out.writeBlock(authors);
        return out.toByteArray();
    }

    /** A window {@link #toBytes} wrote; its authors are read only once it changes. */
    public static GroupWindow fromBytes(byte[] bytes) {
        CompactReader in = new CompactReader(bytes);
        int version = in.readInt();
        if (version != FORM_VERSION) {
            throw new IllegalStateException(
                    "a window in form version "
                            + version
                            + ", which this version of Hark cannot read (it reads "
                            + FORM_VERSION
                            + ")");
        }
        int topK = in.readInt();
        String group = in.readString();
        GroupWindow window = new GroupWindow(topK, WindowStats.readFrom(in));
        window.group = group;
        int queryCount = in.readInt();
        for (int i = 0; i < queryCount; i++) {
            window.queries.put(in.readString(), WindowStats.readFrom(in));
        }
        window.unreadAuthors = in.readBytes();
        if (!in.atEnd()) {
            throw new IllegalStateException("a window part has bytes after its end");
        }
        return window;
    }

    /** In the order {@link #toBytes} wrote them: the group's, then each query's in key order. */
    private void readAuthors() {
        if (unreadAuthors == null) {
            return;
        }
        CompactReader in = new CompactReader(unreadAuthors);
        whole.readAuthorsFrom(in);
        queries.values().forEach(stats -> stats.readAuthorsFrom(in));
        unreadAuthors = null;
    }

    /** Null for a query without a group. */
    public String group() {
        return group;
    }

    public WindowStats whole() {
        return whole;
    }

    public Map<String, WindowStats> queries() {
        return queries;
    }
}
