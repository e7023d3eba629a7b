// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

/** What Hark counts of a post's {@link Engagement}. */
public final class Engagements {
    private Engagements() {}

    /**
     * Likes, replies, reposts and quotes: the interactions a post drew (views are not engagement).
     * The document's {@code engagement.total} and the window metrics' {@code engagement} both count
     * this.
     */
    public static long total(Engagement engagement) {
        long total = 0;
        for (Long count :
                new Long[] {
                    engagement.getLikes(),
                    engagement.getReplies(),
                    engagement.getReposts(),
                    engagement.getQuotes()
                }) {
            total += count == null ? 0 : count;
        }
        return total;
    }
}
