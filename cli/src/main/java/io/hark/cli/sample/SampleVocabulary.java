// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The invented world of the sample stream: brands in competing groups, and the words people use
 * about them. Every brand, person, outlet and place-bound account here is fictional; domains are on
 * the reserved {@code .example} top-level domain.
 *
 * <p>Phrase templates hold slots in braces, which {@link SampleMentions} fills: {@code {brand}},
 * {@code {@brand}}, {@code {#brand}}, {@code {#fail}}, {@code {#crisis}}, {@code {#topic}}, {@code
 * {rival}}, {@code {@rival}}, {@code {product}}, {@code {problem}}, {@code {praise}}, {@code
 * {crisis}}, {@code {neutral}}, {@code {question}}, {@code {person}}, {@code {city}}, {@code
 * {food}}, {@code {n}}, {@code {mins}}, {@code {pct}}, {@code {price}}, {@code {sec}}, {@code
 * {ref}}, {@code {first}}, {@code {sig}}, {@code {link}}, {@code {help}}, {@code {jobs}}, {@code
 * {url}}, {@code {shortlink}}, {@code {e+}}, {@code {e-}}, {@code {e?}}. Problems, praises and
 * crises are past-tense verb phrases whose subject is the brand ("BlueJet lost my bag"), so they
 * also read after "they" or "you".
 */
public final class SampleVocabulary {
    /**
     * The words themselves, in {@code sample-vocabulary.yaml} beside this class: data, not code.
     */
    private static final JsonNode WORDS_FILE = read("sample-vocabulary.yaml");

    private SampleVocabulary() {}

    private static JsonNode read(String resource) {
        try (InputStream in = SampleVocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing resource "
                                + resource
                                + " beside "
                                + SampleVocabulary.class.getName());
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static JsonNode entry(String key) {
        JsonNode node = WORDS_FILE.get(key);
        if (node == null || !node.isArray()) {
            throw new IllegalStateException("sample-vocabulary.yaml has no list '" + key + "'");
        }
        return node;
    }

    private static List<String> strings(String key) {
        return List.copyOf(
                new ObjectMapper().convertValue(entry(key), new TypeReference<List<String>>() {}));
    }

    private static List<List<String>> stringLists(String key) {
        return new ObjectMapper()
                .convertValue(entry(key), new TypeReference<List<List<String>>>() {}).stream()
                        .map(List::copyOf)
                        .toList();
    }

    private static <T> List<T> records(String key, Class<T> type) {
        ObjectMapper mapper = new ObjectMapper();
        return List.copyOf(
                mapper.convertValue(
                        entry(key),
                        mapper.getTypeFactory().constructCollectionType(List.class, type)));
    }

    /**
     * A fictional brand.
     *
     * @param name as people write it
     * @param group the competitive group, for share of voice: "airlines", "coffee", "phones", "food
     *     delivery"
     * @param handle the official account's handle, without the @
     * @param supportHandle the customer-service account on X, without the @
     * @param hashtag the camelCase brand hashtag, without the #
     * @param products product and service names
     * @param spokesperson the (invented) chief executive
     * @param weight relative share of voice in the sample stream
     * @param negativity how much more often than average people complain about it
     */
    public record Brand(
            String name,
            String group,
            String handle,
            String supportHandle,
            String hashtag,
            List<String> products,
            String spokesperson,
            double weight,
            double negativity) {

        /** The brand's web domain, e.g. {@code skylineair.example}. */
        public String domain() {
            return handle + ".example";
        }
    }

    /** The sample brands: four groups of competitors. */
    public static final List<Brand> BRANDS = records("brands", Brand.class);

    /** The brand called {@code name} (case-insensitive), or null. */
    public static Brand brand(String name) {
        for (Brand b : BRANDS) {
            if (b.name().equalsIgnoreCase(name) || b.handle().equalsIgnoreCase(name)) {
                return b;
            }
        }
        return null;
    }

    /** What a group of competitors is talked about for. */
    record Category(
            String group,
            List<String> problems,
            List<String> praises,
            List<String> neutrals,
            List<String> questions,
            List<String> tags,
            List<String> emoji,
            List<String> subreddits,
            String forum,
            String ref,
            String crisis,
            String crisisTag,
            List<String> headlines,
            List<String> videoTitles,
            String section,
            List<Campaign> campaigns) {}

    /**
     * A copy-paste campaign: a message that many people post within minutes, each with their own
     * link to the petition, under the hashtag made of the brand's and the suffix (#BlueJetRefunds).
     */
    record Campaign(String message, String hashtagSuffix) {}

    static final List<Category> CATEGORIES = records("categories", Category.class);

    static Category category(Brand brand) {
        for (Category c : CATEGORIES) {
            if (c.group().equals(brand.group())) {
                return c;
            }
        }
        throw new IllegalStateException("no category " + brand.group());
    }

    static final List<String> CITIES = strings("cities");
    static final List<String> FOODS = strings("foods");
    static final List<String> EMOJI_GOOD = strings("emoji_good");
    static final List<String> EMOJI_BAD = strings("emoji_bad");
    static final List<String> EMOJI_UNSURE = strings("emoji_unsure");

    // ---- English templates, by what the author is doing ----

    static final List<String> COMPLAINTS = strings("complaints");

    static final List<String> PRAISES = strings("praises");

    static final List<String> QUOTES = strings("quotes");

    static final List<String> REPLIES_TO_COMPLAINT = strings("replies_to_complaint");
    static final List<String> REPLIES_TO_PRAISE = strings("replies_to_praise");
    static final List<String> REPLIES_TO_QUESTION = strings("replies_to_question");
    static final List<String> REPLIES_TO_SUPPORT = strings("replies_to_support");
    static final List<String> REPLIES_TO_NEUTRAL = strings("replies_to_neutral");

    static final List<String> SUPPORT_TO_COMPLAINT = strings("support_to_complaint");
    static final List<String> SUPPORT_TO_QUESTION = strings("support_to_question");
    static final List<String> SUPPORT_TO_PRAISE = strings("support_to_praise");

    static final List<String> PROMOS = strings("promos");

    static final List<String> REDDIT_TITLES_COMPLAINT = strings("reddit_titles_complaint");
    static final List<String> REDDIT_BODIES_COMPLAINT = strings("reddit_bodies_complaint");
    static final List<String> REDDIT_TITLES_PRAISE = strings("reddit_titles_praise");
    static final List<String> REDDIT_BODIES_PRAISE = strings("reddit_bodies_praise");
    static final List<String> REDDIT_BODIES_QUESTION = strings("reddit_bodies_question");
    static final List<String> REDDIT_TITLES_NEUTRAL = strings("reddit_titles_neutral");
    static final List<String> REDDIT_BODIES_NEUTRAL = strings("reddit_bodies_neutral");
    static final List<String> REDDIT_COMMENTS = strings("reddit_comments");

    static final List<String> INSTAGRAM_CAPTIONS_GOOD = strings("instagram_captions_good");
    static final List<String> INSTAGRAM_CAPTIONS_BAD = strings("instagram_captions_bad");
    static final List<String> INSTAGRAM_COMMENTS = strings("instagram_comments");
    static final List<String> INSTAGRAM_TAGS = strings("instagram_tags");

    static final List<String> TIKTOK_CAPTIONS = strings("tiktok_captions");
    static final List<String> TIKTOK_TAGS = strings("tiktok_tags");
    static final List<String> TIKTOK_SOUNDS = strings("tiktok_sounds");

    static final List<String> FACEBOOK_COMPLAINTS = strings("facebook_complaints");
    static final List<String> FACEBOOK_PRAISES = strings("facebook_praises");
    static final List<String> FACEBOOK_PAGE_POSTS = strings("facebook_page_posts");

    static final List<String> YOUTUBE_DESCRIPTIONS = strings("youtube_descriptions");
    static final List<String> YOUTUBE_COMMENTS = strings("youtube_comments");

    static final List<String> NEWS_LEDES = strings("news_ledes");
    static final List<String> CRISIS_POSTS = strings("crisis_posts");
    static final List<String> CRISIS_HEADLINES = strings("crisis_headlines");

    /**
     * Spam pitches, by theme: pharmacy, crypto, giveaways, easy money. Each names the brand, so
     * that listening queries catch it, and has a link next to words of Hark's spam vocabulary, as
     * real spam does.
     */
    static final List<List<String>> SPAM = stringLists("spam");

    /** What spam stuffs its hashtags with, besides the brand's and the category's. */
    static final List<String> SPAM_TAGS = strings("spam_tags");

    static final List<List<String>> REVIEW_TITLES = stringLists("review_titles");
    static final List<String> REVIEW_BODIES_LOW = strings("review_bodies_low");
    static final List<String> REVIEW_BODIES_MID = strings("review_bodies_mid");
    static final List<String> REVIEW_BODIES_HIGH = strings("review_bodies_high");
    static final List<String> STAR_WORDS = strings("star_words");

    /** The few templates for texts not in English. */
    record Foreign(
            String lang,
            List<String> complaints,
            List<String> praises,
            List<String> questions,
            List<String> neutrals,
            List<String> headlines,
            List<String> reviewLow,
            List<String> reviewMid,
            List<String> reviewHigh,
            String support) {}

    static final List<Foreign> FOREIGN = records("foreign", Foreign.class);

    static Foreign foreign(String lang) {
        for (Foreign f : FOREIGN) {
            if (f.lang().equals(lang)) {
                return f;
            }
        }
        return null;
    }

    // ---- people and places ----

    static final List<String> FIRST_NAMES = strings("first_names");
    static final List<String> LAST_NAMES = strings("last_names");
    static final List<String> WORDS = strings("words");
    static final List<String> REDDIT_ADJECTIVES = strings("reddit_adjectives");
    static final List<String> REDDIT_NOUNS = strings("reddit_nouns");

    /** A news outlet: handle, name, language, country. */
    record Outlet(String handle, String name, String lang, String country, double weight) {}

    static final List<Outlet> OUTLETS = records("outlets", Outlet.class);

    record City(String name, double lat, double lon) {}

    /**
     * A country authors live in: weight among authors, the language its non-English speakers write,
     * cities.
     */
    record Country(String code, double weight, String lang, List<City> cities) {}

    static final List<Country> COUNTRIES = records("countries", Country.class);

    static Country country(String code) {
        for (Country c : COUNTRIES) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
