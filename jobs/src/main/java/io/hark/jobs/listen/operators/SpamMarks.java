// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.nlp.spam.SpamSignal;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Spam;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Spam signals as carried on an enriched mention between the operators that detect them and {@link
 * ScoreSpam}.
 */
final class SpamMarks {
    private SpamMarks() {}

    static void addSignal(EnrichedMention enriched, SpamSignal signal) {
        Spam spam =
                enriched.getSpam() == null ? new Spam(0.0, new ArrayList<>()) : enriched.getSpam();
        List<String> signals = new ArrayList<>(spam.getSignals());
        if (!signals.contains(name(signal))) {
            signals.add(name(signal));
        }
        spam.setSignals(signals);
        enriched.setSpam(spam);
    }

    static EnumSet<SpamSignal> signals(EnrichedMention enriched) {
        EnumSet<SpamSignal> signals = EnumSet.noneOf(SpamSignal.class);
        if (enriched.getSpam() != null) {
            enriched.getSpam()
                    .getSignals()
                    .forEach(
                            name -> signals.add(SpamSignal.valueOf(name.toUpperCase(Locale.ROOT))));
        }
        return signals;
    }

    /** As indexed: lower case, like every other keyword Hark writes. */
    static String name(SpamSignal signal) {
        return signal.name().toLowerCase(Locale.ROOT);
    }
}
