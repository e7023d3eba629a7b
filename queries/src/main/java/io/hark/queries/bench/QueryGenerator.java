// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.bench;

import io.hark.queries.QueryDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Queries as analysts write them for brands: name variants, then context, exclusions and filters.
 */
final class QueryGenerator {
    private static final List<String> COMPLAINTS =
            List.of(
                    "late",
                    "broken",
                    "refund*",
                    "delay*",
                    "worst",
                    "terrible",
                    "\"customer service\"",
                    "waiting",
                    "cancel*");
    private static final List<String> EXCLUSIONS =
            List.of("jobs", "hiring", "giveaway", "win", "spam", "bot*");
    private static final List<String> LANGUAGES = List.of("en", "en", "en", "es", "fr", "de");
    private static final int GROUPS = 50;

    private final Vocabulary vocabulary;
    private final Random random;

    QueryGenerator(Vocabulary vocabulary, Random random) {
        this.vocabulary = vocabulary;
        this.random = random;
    }

    List<QueryDefinition> generate(List<Brand> brands) {
        List<QueryDefinition> queries = new ArrayList<>();
        for (int i = 0; i < brands.size(); i++) {
            Brand brand = brands.get(i);
            String name =
                    Character.toUpperCase(brand.name().charAt(0))
                            + brand.name().substring(1)
                            + " "
                            + brand.product();
            queries.add(
                    new QueryDefinition(
                            "brand-" + i, name, query(brand), "client-" + (i % GROUPS)));
        }
        return queries;
    }

    private String query(Brand brand) {
        String names = "(" + String.join(" OR ", nameTerms(brand)) + ")";
        switch (random.nextInt(7)) {
            case 0:
                return names;
            case 1:
                return names + " AND NOT " + any(EXCLUSIONS, 2, 4);
            case 2:
                return names + " NEAR/5 " + any(COMPLAINTS, 3, 5);
            case 3:
                return names + " AND lang:" + Vocabulary.pick(LANGUAGES, random);
            case 4:
                return names
                        + " AND (platform:x OR platform:reddit) AND NOT "
                        + any(EXCLUSIONS, 2, 3);
            case 5:
                return "("
                        + names
                        + " NEAR/3f "
                        + any(COMPLAINTS, 2, 4)
                        + ") OR (@"
                        + brand.handle()
                        + " AND help)";
            default:
                return names + " AND NOT platform:news AND NOT author:" + brand.name() + "_bot";
        }
    }

    /** 3 to 10 ways to name the brand, the name itself first as analysts write it. */
    private List<String> nameTerms(Brand brand) {
        List<String> variants = new ArrayList<>(brand.misspellings());
        variants.add('"' + brand.name() + " " + brand.product() + '"');
        variants.add('"' + brand.name() + " app\"");
        variants.add("#" + brand.hashtag());
        variants.add("@" + brand.handle());
        // Analysts check that a wildcard does not catch everyday words, as "pleas*" would.
        String stem = brand.name().substring(0, brand.name().length() - 1);
        if (!vocabulary.hasWordStartingWith(stem)) {
            variants.add(stem + "*");
        }
        Collections.shuffle(variants, random);
        int count = 2 + random.nextInt(variants.size() - 1);
        List<String> terms = new ArrayList<>(List.of(brand.name()));
        terms.addAll(variants.subList(0, count));
        return terms;
    }

    private String any(List<String> options, int min, int max) {
        int count = min + random.nextInt(max - min + 1);
        return "(" + String.join(" OR ", Vocabulary.sampleDistinct(options, count, random)) + ")";
    }
}
