// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import java.util.Locale;

/**
 * An analyst's sentiment label for one mention, {@code platform:id}, or the removal of its label
 * ({@code label} null). On the labels topic the key is the mention id and the value the label's
 * name ({@code negative}, {@code neutral} or {@code positive}) in UTF-8, or none (a tombstone) for
 * a removal; the latest record per mention wins, so the topic is compacted.
 *
 * @param label the label, or null where the mention's label is removed
 */
public record SentimentCorrection(String mentionId, SentimentLabel label) {
    public SentimentCorrection {
        int colon = mentionId == null ? -1 : mentionId.indexOf(':');
        if (colon <= 0 || colon == mentionId.length() - 1 || mentionId.isBlank()) {
            throw new IllegalArgumentException(
                    "a mention id is platform:id (for example x:123), not '" + mentionId + "'");
        }
    }

    public static SentimentCorrection of(String mentionId, String label) {
        return new SentimentCorrection(mentionId.strip(), parseLabel(label));
    }

    /** The removal of the mention's label: it gets the model's reading back. */
    public static SentimentCorrection removal(String mentionId) {
        return new SentimentCorrection(mentionId == null ? null : mentionId.strip(), null);
    }

    public boolean isRemoval() {
        return label == null;
    }

    /** A line of a labels file: {@code platform:id<TAB>label}. */
    public static SentimentCorrection parseLine(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 2) {
            throw new IllegalArgumentException(
                    "expected platform:id<TAB>label, found " + fields.length + " field(s)");
        }
        return of(fields[0], fields[1]);
    }

    /** A line of a file of labels to remove: {@code platform:id}. */
    public static SentimentCorrection parseRemovalLine(String line) {
        if (line.indexOf('\t') >= 0) {
            throw new IllegalArgumentException(
                    "expected platform:id alone, found a tab: labels to remove are ids only");
        }
        return removal(line);
    }

    public static SentimentLabel parseLabel(String label) {
        try {
            return SentimentLabel.valueOf(label.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "a label is negative, neutral or positive, not '" + label + "'", e);
        }
    }
}
