// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

/** What a sample mention is: what it says, or how it came about. */
enum SampleKind {
    COMPLAINT,
    PRAISE,
    QUESTION,
    NEUTRAL,
    PROMO,
    CRISIS,
    SUPPORT,
    REPLY,
    REPOST,
    QUOTE,
    NEWS,
    REVIEW,
    VIDEO,
    SPAM,
    CAMPAIGN
}
