// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import io.hark.nlp.text.SocialTextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Word valences from -4 to +4: the VADER lexicon (MIT; see NOTICE-vader-lexicon.md next to it). */
public final class SentimentLexicon {
    static final String RESOURCE = "vader-lexicon.tsv";

    private static final SentimentLexicon VADER = load();

    private final Map<String, Double> valences;

    private SentimentLexicon(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    public static SentimentLexicon vader() {
        return VADER;
    }

    /** The valence of a lower-cased word, 0 when it is not in the lexicon. */
    public double valence(String word) {
        Double v = valences.get(word);
        return v == null ? 0 : v;
    }

    /**
     * The valence of a negation-marked token: a negated word counts half, reversed ("not great" is
     * mildly negative, not as negative as "awful").
     */
    public double markedValence(String markedToken) {
        double valence = valence(SocialTextNormalizer.unmarked(markedToken));
        return SocialTextNormalizer.isNegated(markedToken) ? -valence / 2 : valence;
    }

    public int size() {
        return valences.size();
    }

    private static SentimentLexicon load() {
        Map<String, Double> valences = new HashMap<>();
        try (InputStream in = SentimentLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    valences.put(
                            line.substring(0, tab),
                            Double.parseDouble(line.substring(tab + 1).trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SentimentLexicon(valences);
    }
}
