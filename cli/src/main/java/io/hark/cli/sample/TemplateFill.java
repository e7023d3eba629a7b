// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import io.hark.cli.sample.SampleVocabulary.Brand;
import io.hark.cli.sample.SampleVocabulary.Category;
import io.hark.schema.Platform;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills the slots of templates about one brand; a text's product, rival, problem, praise etc. stay
 * the same.
 */
final class TemplateFill {
    final Brand brand;
    final Category cat;
    String first = "there";
    private Brand rival;
    private String product;
    private String city;
    private String food;
    private String problem;
    private String praise;

    private final SplittableRandom rnd;
    private final SampleAuthors authors;

    TemplateFill(int brand, SplittableRandom rnd, SampleAuthors authors) {
        this.rnd = rnd;
        this.authors = authors;
        this.brand = SampleVocabulary.BRANDS.get(brand);
        this.cat = SampleVocabulary.category(this.brand);
    }

    String apply(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open).append(slot(template.substring(open + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }

    String product() {
        if (product == null) {
            product = SampleAuthors.pick(brand.products(), rnd);
        }
        return product;
    }

    Brand rival() {
        while (rival == null) {
            Brand b = SampleAuthors.pick(SampleVocabulary.BRANDS, rnd);
            if (b != brand && b.group().equals(brand.group())) {
                rival = b;
            }
        }
        return rival;
    }

    private String slot(String name) {
        return switch (name) {
            case "brand" -> brand.name();
            case "@brand" -> "@" + brand.handle();
            case "#brand" -> "#" + brand.hashtag();
            case "#fail" -> "#" + brand.hashtag() + "Fail";
            case "#crisis" -> "#" + brand.hashtag() + cat.crisisTag();
            case "#topic" -> "#" + SampleAuthors.pick(cat.tags(), rnd);
            case "rival" -> rival().name();
            case "@rival" -> "@" + rival().handle();
            case "product" -> product();
            case "problem" ->
                    problem != null
                            ? problem
                            : (problem = apply(SampleAuthors.pick(cat.problems(), rnd)));
            case "praise" ->
                    praise != null
                            ? praise
                            : (praise = apply(SampleAuthors.pick(cat.praises(), rnd)));
            case "crisis" -> apply(cat.crisis());
            case "neutral" -> apply(SampleAuthors.pick(cat.neutrals(), rnd));
            case "question" -> apply(SampleAuthors.pick(cat.questions(), rnd));
            case "person" -> brand.spokesperson();
            case "city" ->
                    city != null ? city : (city = SampleAuthors.pick(SampleVocabulary.CITIES, rnd));
            case "food" ->
                    food != null ? food : (food = SampleAuthors.pick(SampleVocabulary.FOODS, rnd));
            case "n" -> Integer.toString(2 + rnd.nextInt(8));
            case "mins" -> Integer.toString(10 + rnd.nextInt(46));
            case "pct" -> Integer.toString(2 + rnd.nextInt(13));
            case "price" -> "$" + (5 + rnd.nextInt(56));
            case "sec" -> SampleFormats.two(rnd.nextInt(60));
            case "ref" -> cat.ref();
            case "first" -> first;
            case "sig" -> "" + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26));
            case "link" ->
                    "https://"
                            + brand.domain()
                            + "/"
                            + SampleAuthors.pick(List.of("new", "offers", "app"), rnd)
                            + "/"
                            + SampleFormats.token(rnd, 6);
            case "help" -> "https://" + brand.domain() + "/help/" + SampleFormats.token(rnd, 6);
            case "jobs" -> "https://" + brand.domain() + "/careers/" + SampleFormats.token(rnd, 6);
            case "shortlink" -> SampleFormats.shortlink(rnd);
            case "url" ->
                    rnd.nextBoolean()
                            ? "https://pic.x.example/" + SampleFormats.token(rnd, 10)
                            : "https://example.com/"
                                    + SampleAuthors.pick(
                                            List.of("news", "blog", "photos", "watch"), rnd)
                                    + "/"
                                    + SampleFormats.token(rnd, 8);
            case "friend" -> authors.pick(Platform.instagram, rnd).username();
            case "e+" ->
                    SampleAuthors.pick(
                            rnd.nextDouble() < 0.25 ? cat.emoji() : SampleVocabulary.EMOJI_GOOD,
                            rnd);
            case "e-" -> SampleAuthors.pick(SampleVocabulary.EMOJI_BAD, rnd);
            case "e?" -> SampleAuthors.pick(SampleVocabulary.EMOJI_UNSURE, rnd);
            default ->
                    throw new IllegalStateException("no slot {" + name + "} in sample templates");
        };
    }
}
