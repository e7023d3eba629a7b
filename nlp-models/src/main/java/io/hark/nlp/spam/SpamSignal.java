// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.spam;

/**
 * The evidence that a mention is spam, each with the weight it adds to the {@link SpamScore}.
 *
 * <p>The weights are set so that one signal alone flags a mention only when it is nearly conclusive
 * (a link next to spam vocabulary); the weaker ones each have innocent explanations (a complaint
 * about crypto, a reply to a long thread, a meme everyone copies, a new user's first posts) and
 * flag a mention only in combination.
 */
public enum SpamSignal {
    LINK_WITH_SPAM_VOCABULARY(
            0.8,
            "a link in a text with pharmacy, crypto, adult, giveaway or easy-money vocabulary"),
    SPAM_VOCABULARY(
            0.25, "pharmacy, crypto, adult, giveaway or easy-money vocabulary, without a link"),
    HASHTAG_STUFFING(
            0.3,
            "at least "
                    + SpamText.STUFFED_HASHTAGS
                    + " hashtags, or at least "
                    + SpamText.MIN_HASHTAGS_FOR_SHARE
                    + " that make up more than half of the words"),
    HANDLE_STUFFING(0.3, "at least " + SpamText.STUFFED_HANDLES + " @handles"),
    COPY_PASTE(
            0.4, "the same or nearly the same text posted by many authors (set by the stream job)"),
    NEW_ACCOUNT_BURST(
            0.3, "a brand-new or follower-less account posting in a burst (set by the stream job)");

    private final double weight;
    private final String description;

    SpamSignal(double weight, String description) {
        this.weight = weight;
        this.description = description;
    }

    /** How much this signal alone says the mention is spam, in (0, 1). */
    public double weight() {
        return weight;
    }

    /** One line saying when the signal is set, for documentation and the indexed document. */
    public String description() {
        return description;
    }
}
