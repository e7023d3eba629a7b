// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

/** Flags the listen job puts on enriched mentions ({@code flags}) that later stages read. */
public final class MentionFlags {
    /**
     * The spam score reached the threshold: indexed, but left out of metrics and alerts by default.
     */
    public static final String SPAM = "spam";

    private MentionFlags() {}
}
