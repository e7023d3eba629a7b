// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries.bench;

import io.hark.queries.MatchInput;
import io.hark.schema.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Tweet-like posts of 10 to 40 words, about one in twenty naming a brand. */
final class MentionGenerator {
    private static final double BRAND_SHARE = 0.05;
    private static final List<String> LANGUAGES =
            List.of("en", "en", "en", "en", "en", "es", "fr", "de", "pt", "it");
    private static final List<String> COUNTRIES =
            List.of("us", "us", "gb", "fr", "de", "es", "br", "in");
    private static final List<String> COMPLAINTS =
            List.of("late", "broken", "refund", "delayed", "terrible", "waiting");
    private static final String PUNCTUATION = ",.!?";

    private final Vocabulary vocabulary;
    private final List<Brand> brands;
    private final Random random;

    MentionGenerator(Vocabulary vocabulary, List<Brand> brands, Random random) {
        this.vocabulary = vocabulary;
        this.brands = brands;
        this.random = random;
    }

    MatchInput next() {
        List<String> tokens = new ArrayList<>();
        int length = 10 + random.nextInt(31);
        for (int i = 0; i < length; i++) {
            tokens.add(vocabulary.sample(random));
        }
        if (random.nextDouble() < BRAND_SHARE) {
            int at = random.nextInt(tokens.size());
            tokens.add(at, Vocabulary.pick(Vocabulary.pick(brands, random).textForms(), random));
            if (random.nextDouble() < 0.3) {
                tokens.add(
                        Math.min(tokens.size(), at + 1 + random.nextInt(4)),
                        Vocabulary.pick(COMPLAINTS, random));
            }
        }
        if (random.nextDouble() < 0.15) {
            tokens.add("#" + vocabulary.sample(random));
        }
        if (random.nextDouble() < 0.2) {
            tokens.add(0, "@" + Vocabulary.madeUpWord(random, 2));
        }
        List<String> urls =
                random.nextDouble() < 0.1
                        ? List.of("https://t.co/" + Vocabulary.madeUpWord(random, 3))
                        : List.of();
        return new MatchInput(
                text(tokens, urls),
                "user" + random.nextInt(1_000_000),
                Vocabulary.pick(LANGUAGES, random),
                Vocabulary.pick(Platform.values(), random).name(),
                Vocabulary.pick(COUNTRIES, random),
                urls,
                marked(tokens, '#'),
                marked(tokens, '@'));
    }

    private String text(List<String> tokens, List<String> urls) {
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            text.append(
                    text.length() == 0
                            ? Character.toUpperCase(token.charAt(0)) + token.substring(1)
                            : token);
            if (random.nextDouble() < 0.08) {
                text.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
            }
            text.append(' ');
        }
        urls.forEach(url -> text.append(url).append(' '));
        return text.toString().strip();
    }

    /** The hashtags or handles among {@code tokens}, without their mark, as platforms list them. */
    private static List<String> marked(List<String> tokens, char mark) {
        List<String> names = new ArrayList<>();
        for (String token : tokens) {
            if (token.charAt(0) == mark) {
                names.add(token.substring(1));
            }
        }
        return names;
    }
}
