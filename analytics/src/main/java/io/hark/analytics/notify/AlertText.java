// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import io.hark.schema.Alert;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Pieces of alerts as people read them, shared by the message formats. */
final class AlertText {
    private AlertText() {}

    static String queryName(Alert alert) {
        return alert.getQueryName() != null ? alert.getQueryName() : alert.getQueryId();
    }

    /** Whole numbers without decimals, shares and scores with at most two. */
    static String number(double value) {
        // DecimalFormat is not thread-safe, so one per call
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(value);
    }

    /** {@code text} cut to {@code max} characters, an ellipsis marking the cut. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split an emoji in two
        }
        return text.substring(0, end) + "…";
    }
}
