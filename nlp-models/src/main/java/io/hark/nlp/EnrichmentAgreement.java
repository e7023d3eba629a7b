// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

import io.hark.nlp.entities.NamedEntity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How far one enrichment path agrees with another on the same texts: what {@code bench nlp} and the
 * agreement test report when a cheaper path replaces a dearer one.
 *
 * @param texts how many texts were compared
 * @param entityPrecision the candidate's entities (text and type) that the reference has too, over
 *     all of the candidate's, summed over the texts
 * @param entityRecall the reference's entities that the candidate has too, over all of the
 *     reference's
 * @param topicJaccard the mean over texts of |common topic keys| / |keys of either| (1 where both
 *     have none)
 * @param sentimentAgreement among texts in the same language on both paths, the share with the same
 *     sentiment label (or none in both): where the languages differ (a platform's claim against
 *     detection) one path may have no sentiment by design, which {@code languageAgreement} shows
 * @param languageAgreement the share of texts with the same language
 */
public record EnrichmentAgreement(
        int texts,
        double entityPrecision,
        double entityRecall,
        double topicJaccard,
        double sentimentAgreement,
        double languageAgreement) {

    public double entityF1() {
        double sum = entityPrecision + entityRecall;
        return sum == 0 ? 0 : 2 * entityPrecision * entityRecall / sum;
    }

    /**
     * @param reference each text's enrichment by the path taken as right
     * @param candidate the same texts' enrichment, in the same order, by the path measured
     */
    public static EnrichmentAgreement of(List<Enrichment> reference, List<Enrichment> candidate) {
        if (reference.size() != candidate.size()) {
            throw new IllegalArgumentException(
                    "reference has " + reference.size() + " texts, candidate " + candidate.size());
        }
        long common = 0;
        long referenceEntities = 0;
        long candidateEntities = 0;
        double jaccardSum = 0;
        int sameSentiment = 0;
        int sameLanguage = 0;
        for (int i = 0; i < reference.size(); i++) {
            Enrichment right = reference.get(i);
            Enrichment measured = candidate.get(i);
            List<NamedEntity> unmatched = new ArrayList<>(right.entities());
            for (NamedEntity entity : measured.entities()) {
                if (unmatched.remove(entity)) {
                    common++;
                }
            }
            referenceEntities += right.entities().size();
            candidateEntities += measured.entities().size();
            jaccardSum += jaccard(right.topics(), measured.topics());
            if (Objects.equals(right.language(), measured.language())) {
                sameLanguage++;
                if (Objects.equals(polarity(right), polarity(measured))) {
                    sameSentiment++;
                }
            }
        }
        int texts = reference.size();
        return new EnrichmentAgreement(
                texts,
                share(common, candidateEntities),
                share(common, referenceEntities),
                texts == 0 ? 1 : jaccardSum / texts,
                sameLanguage == 0 ? 1 : (double) sameSentiment / sameLanguage,
                texts == 0 ? 1 : (double) sameLanguage / texts);
    }

    private static double jaccard(List<String> a, List<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(new HashSet<>(b));
        return (double) both.size() / union.size();
    }

    private static TextSentiment.Polarity polarity(Enrichment enrichment) {
        return enrichment.sentiment() == null ? null : enrichment.sentiment().polarity();
    }

    /** Nothing found and nothing to find is full agreement. */
    private static double share(long part, long whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }
}
