// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the people, organizations, locations and known brands / products a mention talks about.
 *
 * <p>Combines the CRF of {@link SocialTextAnnotator} with a gazetteer given at construction ({@code
 * name -> type}, e.g. {@code "Skyline Air" -> "BRAND"}). Where a gazetteer name and a CRF mention
 * overlap, the gazetteer wins: it is curated for the customer's monitoring and its canonical
 * spelling aggregates better than the text's.
 *
 * <p>Output is in text order, deduplicated case-insensitively per type. Only the first {@link
 * SocialTextAnnotator#MAX_CHARS} characters of a text are considered. Never throws; thread-safe
 * (all state is immutable, the annotator is shared).
 */
public final class EntityRecognizer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SocialTextAnnotator annotator;
    private final Gazetteer gazetteer;

    public EntityRecognizer(Map<String, String> gazetteer) {
        this(SocialTextAnnotator.shared(), gazetteer);
    }

    public EntityRecognizer(SocialTextAnnotator annotator, Map<String, String> gazetteer) {
        this.annotator = annotator;
        this.gazetteer = new Gazetteer(gazetteer == null ? Map.of() : gazetteer);
    }

    /** Annotates the text and recognizes its entities. */
    public List<NamedEntity> recognize(String text) {
        return recognize(annotator.annotate(text));
    }

    /** Recognizes entities in an already annotated text (to share one CoreNLP pass with topics). */
    public List<NamedEntity> recognize(AnnotatedText annotated) {
        if (annotated == null) {
            return List.of();
        }
        List<Gazetteer.Match> known = gazetteer.find(annotated.tokens());
        List<Located> located = new ArrayList<>(known.size() + annotated.mentions().size());
        for (Gazetteer.Match match : known) {
            located.add(new Located(match.start(), new NamedEntity(match.name(), match.type())));
        }
        for (EntitySpan mention : annotated.mentions()) {
            boolean coveredByGazetteer =
                    known.stream().anyMatch(m -> mention.overlaps(m.start(), m.end()));
            if (!coveredByGazetteer) {
                located.add(
                        new Located(
                                mention.start(),
                                new NamedEntity(
                                        WHITESPACE
                                                .matcher(
                                                        annotated.span(
                                                                mention.start(), mention.end()))
                                                .replaceAll(" "),
                                        mention.type())));
            }
        }
        located.sort(Comparator.comparingInt(Located::start));

        Set<String> seen = new HashSet<>();
        List<NamedEntity> entities = new ArrayList<>(located.size());
        for (Located l : located) {
            if (seen.add(l.entity().dedupeKey())) {
                entities.add(l.entity());
            }
        }
        return List.copyOf(entities);
    }

    private record Located(int start, NamedEntity entity) {}
}
