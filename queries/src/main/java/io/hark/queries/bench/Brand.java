// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** A made-up brand with the names people call it by, misspellings included. */
record Brand(
        String name, List<String> misspellings, String product, String hashtag, String handle) {
    private static final List<String> PRODUCTS =
            List.of(
                    "brew",
                    "max",
                    "pro",
                    "go",
                    "plus",
                    "mini",
                    "air",
                    "lite",
                    "one",
                    "express",
                    "cold brew",
                    "card");
    private static final List<String> HANDLE_SUFFIXES =
            List.of("", "", "hq", "_uk", "support", "_official");

    static List<Brand> generate(int count, Vocabulary vocabulary, Random random) {
        Set<String> taken = new LinkedHashSet<>();
        List<Brand> brands = new ArrayList<>();
        while (brands.size() < count) {
            String name = Vocabulary.madeUpWord(random, 2 + random.nextInt(2));
            if (name.length() >= 5 && !vocabulary.contains(name) && taken.add(name)) {
                brands.add(create(name, random));
            }
        }
        return brands;
    }

    private static Brand create(String name, Random random) {
        Set<String> misspellings = new LinkedHashSet<>();
        int wanted = 1 + random.nextInt(3);
        for (int attempt = 0; attempt < 20 && misspellings.size() < wanted; attempt++) {
            String misspelling = misspell(name, random);
            if (!misspelling.equals(name)) {
                misspellings.add(misspelling);
            }
        }
        String product = Vocabulary.pick(PRODUCTS, random);
        String hashtag = random.nextBoolean() ? name : name + product.replace(" ", "");
        String handle = name + Vocabulary.pick(HANDLE_SUFFIXES, random);
        return new Brand(name, List.copyOf(misspellings), product, hashtag, handle);
    }

    /** A typo as people make them: a letter dropped, doubled or swapped with the next. */
    private static String misspell(String name, Random random) {
        int i = 1 + random.nextInt(name.length() - 2);
        switch (random.nextInt(3)) {
            case 0:
                return name.substring(0, i) + name.substring(i + 1);
            case 1:
                return name.substring(0, i) + name.charAt(i) + name.substring(i);
            default:
                return name.substring(0, i)
                        + name.charAt(i + 1)
                        + name.charAt(i)
                        + name.substring(i + 2);
        }
    }

    /** How a post may name the brand. */
    List<String> textForms() {
        List<String> forms =
                new ArrayList<>(
                        List.of(name, name, name + " " + product, "#" + hashtag, "@" + handle));
        forms.addAll(misspellings);
        return forms;
    }
}
