// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

/** The latest posts of a platform, newest first. */
final class RecentPosts {
    private static final int RECENT = 256;

    private final SamplePost[] items = new SamplePost[RECENT];
    private int size;
    private int next;

    void add(SamplePost p) {
        items[next] = p;
        next = (next + 1) % items.length;
        size = Math.min(size + 1, items.length);
    }

    int size() {
        return size;
    }

    SamplePost get(int age) {
        return items[Math.floorMod(next - 1 - age, items.length)];
    }
}
