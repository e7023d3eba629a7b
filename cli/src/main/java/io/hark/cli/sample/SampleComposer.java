// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import io.hark.cli.sample.SampleAuthors.Person;
import io.hark.cli.sample.SampleVocabulary.Brand;
import io.hark.cli.sample.SampleVocabulary.Category;
import io.hark.cli.sample.SampleVocabulary.Foreign;
import io.hark.cli.sample.SampleVocabulary.Outlet;
import io.hark.schema.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Composes sample mentions, platform by platform: X posts, reposts, quotes and replies, brands'
 * customer-service answers and promotions, Reddit and forum threads, Instagram, TikTok and Facebook
 * captions and comments, YouTube videos and comments, news headlines, star reviews, crisis posts,
 * spam pitches and campaign copies; then the noise ordinary people add.
 */
final class SampleComposer {
    private final SplittableRandom rnd;
    private final SampleAuthors authors;
    private final MentionRecords records;
    private final TextNoise textNoise;

    /** Brands' weights, summed in order, to pick brands by. */
    private final double[] brandCumulative;

    SampleComposer(
            SplittableRandom rnd,
            SampleAuthors authors,
            MentionRecords records,
            double[] brandCumulative) {
        this.rnd = rnd;
        this.authors = authors;
        this.records = records;
        this.textNoise = new TextNoise(rnd);
        this.brandCumulative = brandCumulative;
    }

    // ---- composing, by platform ----

    SampleDraft compose(Platform p) {
        return switch (p) {
            case x -> x();
            case reddit -> reddit();
            case instagram -> instagram();
            case tiktok -> tiktok();
            case facebook -> facebook();
            case youtube -> youtube();
            case news -> news(pickBrand(), false);
            case review -> review();
            default -> forum();
        };
    }

    private SampleDraft x() {
        RecentPosts xs = records.recent(Platform.x);
        double u = rnd.nextDouble();
        if (u < 0.10 && xs.size() > 0) {
            return repost(xs);
        }
        if (u < 0.13 && xs.size() > 0) {
            SamplePost parent = mostFollowed(xs);
            SampleDraft d =
                    userDraft(Platform.x, SampleKind.QUOTE, parent.brand(), parent.author());
            d.text =
                    textNoise.apply(
                                    fill(d.brand)
                                            .apply(
                                                    SampleAuthors.pick(
                                                            SampleVocabulary.QUOTES, rnd)),
                                    d)
                            + " "
                            + parent.url();
            d.quoteOf = parent.id();
            return d;
        }
        if (u < 0.20) {
            SampleDraft d = supportReply(Platform.x);
            if (d != null) {
                return d;
            }
        }
        if (u < 0.28 && xs.size() > 0) {
            return userReply(Platform.x, xs.get(rnd.nextInt(xs.size())));
        }
        if (u < 0.30) {
            return promo(Platform.x, pickBrand());
        }
        int brand = pickBrand();
        SampleDraft d = userDraft(Platform.x, pickKind(brand), brand, null);
        TemplateFill f = fill(brand);
        String text = shortText(d, f);
        if (d.lang.equals("en")) {
            if (rnd.nextDouble() < 0.25
                    && SampleFormats.matches(SampleFormats.HASHTAG, text).isEmpty()) {
                text += " " + f.apply("{#topic}");
            }
            if (rnd.nextDouble() < 0.08) {
                text += " " + f.apply("{url}");
            }
            text = textNoise.apply(text, d);
        }
        d.text = text;
        return d;
    }

    private SampleDraft repost(RecentPosts xs) {
        SamplePost original = mostFollowed(xs);
        SampleDraft d =
                new SampleDraft(
                        Platform.x,
                        SampleKind.REPOST,
                        original.brand(),
                        otherAuthor(Platform.x, original.author()));
        d.lang = original.lang();
        d.text = "RT @" + original.author().username() + ": " + original.text();
        d.repostOf = original.id();
        return d;
    }

    /**
     * Of three recent posts, the one whose author has the most followers: the ones that get
     * reposted and quoted.
     */
    private SamplePost mostFollowed(RecentPosts ring) {
        SamplePost best = null;
        for (int i = 0; i < 3; i++) {
            SamplePost p = ring.get(rnd.nextInt(ring.size()));
            long f = p.author().followers() == null ? 0 : p.author().followers();
            if (best == null
                    || f > (best.author().followers() == null ? 0 : best.author().followers())) {
                best = p;
            }
        }
        return best;
    }

    private SampleDraft userReply(Platform p, SamplePost parent) {
        SampleDraft d = userDraft(p, SampleKind.REPLY, parent.brand(), parent.author());
        d.lang = "en";
        List<String> templates =
                switch (parent.kind()) {
                    case COMPLAINT, CRISIS, CAMPAIGN -> SampleVocabulary.REPLIES_TO_COMPLAINT;
                    case PRAISE, PROMO -> SampleVocabulary.REPLIES_TO_PRAISE;
                    case QUESTION -> SampleVocabulary.REPLIES_TO_QUESTION;
                    case SUPPORT -> SampleVocabulary.REPLIES_TO_SUPPORT;
                    default -> SampleVocabulary.REPLIES_TO_NEUTRAL;
                };
        d.text =
                "@"
                        + parent.author().username()
                        + " "
                        + textNoise.apply(
                                fill(d.brand).apply(SampleAuthors.pick(templates, rnd)), d);
        reply(d, parent);
        return d;
    }

    /**
     * A brand's customer-service answer to a recent complaint, question or praise on the platform,
     * if any.
     */
    private SampleDraft supportReply(Platform p) {
        RecentPosts ring = records.recent(p);
        List<SamplePost> candidates = new ArrayList<>();
        for (int i = 0; i < Math.min(40, ring.size()); i++) {
            SamplePost post = ring.get(i);
            if (!post.author().brandAccount()
                    && switch (post.kind()) {
                        case COMPLAINT, CRISIS, QUESTION, PRAISE -> true;
                        default -> false;
                    }) {
                candidates.add(post);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        SamplePost parent = candidates.get(rnd.nextInt(candidates.size()));
        SampleDraft d =
                new SampleDraft(
                        p, SampleKind.SUPPORT, parent.brand(), authors.support(parent.brand(), p));
        TemplateFill f = fill(parent.brand());
        f.first = parent.author().firstName();
        Foreign foreign = SampleVocabulary.foreign(parent.lang() == null ? "en" : parent.lang());
        String template;
        if (foreign != null && parent.kind() != SampleKind.PRAISE) {
            template = foreign.support();
            d.lang = foreign.lang();
        } else {
            template =
                    SampleAuthors.pick(
                            switch (parent.kind()) {
                                case QUESTION -> SampleVocabulary.SUPPORT_TO_QUESTION;
                                case PRAISE -> SampleVocabulary.SUPPORT_TO_PRAISE;
                                default -> SampleVocabulary.SUPPORT_TO_COMPLAINT;
                            },
                            rnd);
        }
        d.text = "@" + parent.author().username() + " " + f.apply(template);
        reply(d, parent);
        return d;
    }

    private SampleDraft promo(Platform p, int brand) {
        SampleDraft d = new SampleDraft(p, SampleKind.PROMO, brand, authors.official(brand, p));
        d.text =
                fill(brand)
                        .apply(
                                SampleAuthors.pick(
                                        p == Platform.facebook
                                                ? SampleVocabulary.FACEBOOK_PAGE_POSTS
                                                : SampleVocabulary.PROMOS,
                                        rnd));
        return d;
    }

    private SampleDraft reddit() {
        RecentPosts ring = records.recent(Platform.reddit);
        if (ring.size() > 0 && rnd.nextDouble() < 0.6) {
            return comment(
                    Platform.reddit,
                    ring.get(rnd.nextInt(Math.min(ring.size(), 64))),
                    "subreddit",
                    "comment");
        }
        int brand = pickBrand();
        SampleDraft d = userDraft(Platform.reddit, pickKind(brand), brand, null);
        d.lang = null;
        TemplateFill f = fill(brand);
        Category cat = f.cat;
        d.place =
                rnd.nextDouble() < 0.25
                        ? "r/" + f.brand.hashtag()
                        : SampleAuthors.pick(cat.subreddits(), rnd);
        longPost(d, f);
        d.extras.put("subreddit", d.place);
        d.extras.put("kind", "post");
        return d;
    }

    /** A Reddit or forum post: a title, a blank line and a body. */
    private void longPost(SampleDraft d, TemplateFill f) {
        String title;
        String body;
        switch (d.kind) {
            case COMPLAINT -> {
                title = f.apply(SampleAuthors.pick(SampleVocabulary.REDDIT_TITLES_COMPLAINT, rnd));
                body = f.apply(SampleAuthors.pick(SampleVocabulary.REDDIT_BODIES_COMPLAINT, rnd));
            }
            case PRAISE -> {
                title = f.apply(SampleAuthors.pick(SampleVocabulary.REDDIT_TITLES_PRAISE, rnd));
                body = f.apply(SampleAuthors.pick(SampleVocabulary.REDDIT_BODIES_PRAISE, rnd));
            }
            case QUESTION -> {
                title = f.apply("{question}");
                body = f.apply(SampleAuthors.pick(SampleVocabulary.REDDIT_BODIES_QUESTION, rnd));
            }
            default -> {
                title = f.apply(SampleAuthors.pick(SampleVocabulary.REDDIT_TITLES_NEUTRAL, rnd));
                body = f.apply(SampleAuthors.pick(SampleVocabulary.REDDIT_BODIES_NEUTRAL, rnd));
            }
        }
        d.title = title;
        d.text = title + "\n\n" + textNoise.apply(body, d);
    }

    private SampleDraft instagram() {
        RecentPosts ring = records.recent(Platform.instagram);
        double u = rnd.nextDouble();
        if (u < 0.10) {
            SampleDraft d = supportReply(Platform.instagram);
            if (d != null) {
                return d;
            }
        }
        if (u < 0.15) {
            return promo(Platform.instagram, pickBrand());
        }
        if (u < 0.50 && ring.size() > 0) {
            SamplePost parent = ring.get(rnd.nextInt(Math.min(ring.size(), 64)));
            SampleKind kind = pickKind(parent.brand());
            SampleDraft d = userDraft(Platform.instagram, kind, parent.brand(), parent.author());
            TemplateFill f = fill(d.brand);
            d.text =
                    d.lang.equals("en") && kind != SampleKind.COMPLAINT
                            ? f.apply(SampleAuthors.pick(SampleVocabulary.INSTAGRAM_COMMENTS, rnd))
                            : shortText(d, f);
            d.text = textNoise.apply(d.text, d);
            reply(d, parent);
            return d;
        }
        int brand = pickBrand();
        SampleDraft d = userDraft(Platform.instagram, pickKind(brand), brand, null);
        TemplateFill f = fill(brand);
        String caption;
        if (!d.lang.equals("en") || d.kind == SampleKind.QUESTION) {
            caption = shortText(d, f);
        } else if (d.kind == SampleKind.COMPLAINT) {
            caption = f.apply(SampleAuthors.pick(SampleVocabulary.INSTAGRAM_CAPTIONS_BAD, rnd));
        } else if (d.kind == SampleKind.NEUTRAL) {
            caption = f.apply("{neutral}");
        } else {
            caption = f.apply(SampleAuthors.pick(SampleVocabulary.INSTAGRAM_CAPTIONS_GOOD, rnd));
        }
        caption = textNoise.apply(caption, d);
        d.text =
                caption
                        + "\n\n"
                        + hashtags(caption, f, SampleVocabulary.INSTAGRAM_TAGS, 3 + rnd.nextInt(5));
        return d;
    }

    private SampleDraft tiktok() {
        int brand = pickBrand();
        SampleDraft d = userDraft(Platform.tiktok, pickKind(brand), brand, null);
        TemplateFill f = fill(brand);
        String caption =
                d.lang.equals("en")
                        ? textNoise.apply(
                                f.apply(SampleAuthors.pick(SampleVocabulary.TIKTOK_CAPTIONS, rnd)),
                                d)
                        : shortText(d, f);
        d.text =
                caption
                        + " "
                        + hashtags(caption, f, SampleVocabulary.TIKTOK_TAGS, 2 + rnd.nextInt(4));
        d.extras.put(
                "sound",
                rnd.nextDouble() < 0.6
                        ? "original sound - " + d.author.username()
                        : SampleAuthors.pick(SampleVocabulary.TIKTOK_SOUNDS, rnd));
        return d;
    }

    private SampleDraft facebook() {
        RecentPosts ring = records.recent(Platform.facebook);
        double u = rnd.nextDouble();
        if (u < 0.10) {
            SampleDraft d = supportReply(Platform.facebook);
            if (d != null) {
                return d;
            }
        }
        if (u < 0.30) {
            return promo(Platform.facebook, pickBrand());
        }
        if (u < 0.70 && ring.size() > 0) {
            SamplePost parent = ring.get(rnd.nextInt(Math.min(ring.size(), 64)));
            SampleDraft d =
                    userDraft(
                            Platform.facebook,
                            pickKind(parent.brand()),
                            parent.brand(),
                            parent.author());
            d.text = textNoise.apply(shortText(d, fill(d.brand)), d);
            reply(d, parent);
            return d;
        }
        int brand = pickBrand();
        SampleDraft d = userDraft(Platform.facebook, pickKind(brand), brand, null);
        TemplateFill f = fill(brand);
        if (!d.lang.equals("en")) {
            d.text = shortText(d, f);
        } else {
            d.text =
                    textNoise.apply(
                            f.apply(
                                    switch (d.kind) {
                                        case COMPLAINT ->
                                                SampleAuthors.pick(
                                                        SampleVocabulary.FACEBOOK_COMPLAINTS, rnd);
                                        case PRAISE ->
                                                SampleAuthors.pick(
                                                        SampleVocabulary.FACEBOOK_PRAISES, rnd);
                                        case QUESTION -> "{question}";
                                        default -> "{neutral}";
                                    }),
                            d);
        }
        return d;
    }

    private SampleDraft youtube() {
        RecentPosts videos = records.recent(Platform.youtube);
        if (videos.size() > 0 && rnd.nextDouble() < 0.85) {
            SamplePost video = videos.get(rnd.nextInt(Math.min(videos.size(), 32)));
            SampleDraft d =
                    userDraft(
                            Platform.youtube,
                            pickKind(video.brand()),
                            video.brand(),
                            video.author());
            TemplateFill f = fill(d.brand);
            d.text =
                    d.lang.equals("en")
                            ? textNoise.apply(
                                    f.apply(
                                            SampleAuthors.pick(
                                                    SampleVocabulary.YOUTUBE_COMMENTS, rnd)),
                                    d)
                            : shortText(d, f);
            d.lang = null; // the platform does not say
            d.extras.put("kind", "comment");
            d.extras.put("video_id", video.id());
            reply(d, video);
            return d;
        }
        int brand = pickBrand();
        SampleDraft d =
                new SampleDraft(
                        Platform.youtube,
                        SampleKind.VIDEO,
                        brand,
                        authors.pick(Platform.youtube, rnd));
        TemplateFill f = fill(brand);
        d.title = f.apply(SampleAuthors.pick(f.cat.videoTitles(), rnd));
        d.text =
                d.title
                        + "\n\n"
                        + f.apply(SampleAuthors.pick(SampleVocabulary.YOUTUBE_DESCRIPTIONS, rnd));
        d.extras.put("kind", "video");
        return d;
    }

    private SampleDraft news(int brand, boolean crisis) {
        Person outlet = authors.outlet(rnd);
        SampleDraft d =
                new SampleDraft(
                        Platform.news, crisis ? SampleKind.CRISIS : SampleKind.NEWS, brand, outlet);
        d.threadRoot = false;
        d.lang = outlet.lang();
        TemplateFill f = fill(brand);
        Foreign foreign = SampleVocabulary.foreign(d.lang);
        String headline;
        if (crisis && foreign == null) {
            headline = f.apply(SampleAuthors.pick(SampleVocabulary.CRISIS_HEADLINES, rnd));
        } else {
            headline =
                    f.apply(
                            SampleAuthors.pick(
                                    foreign == null ? f.cat.headlines() : foreign.headlines(),
                                    rnd));
        }
        d.title = headline;
        List<String> ledes = SampleVocabulary.NEWS_LEDES;
        if (headline.contains(f.rival().name())) {
            ledes =
                    ledes.subList(
                            0, ledes.size() - 1); // not "shares of rival X" when X is in the story
        }
        d.text =
                foreign == null
                        ? headline + "\n\n" + f.apply(SampleAuthors.pick(ledes, rnd))
                        : headline;
        d.place = f.cat.section();
        for (Outlet o : SampleVocabulary.OUTLETS) {
            if (o.handle().equals(outlet.username())) {
                d.extras.put("outlet", o.name());
            }
        }
        d.extras.put("section", d.place);
        return d;
    }

    private SampleDraft review() {
        int brand = pickBrand();
        Brand b = SampleVocabulary.BRANDS.get(brand);
        double neg = b.negativity();
        int rating = 1 + pick(new double[] {0.20 * neg, 0.10 * neg, 0.10, 0.18, 0.42});
        SampleKind tone =
                rating <= 2
                        ? SampleKind.COMPLAINT
                        : rating >= 4 ? SampleKind.PRAISE : SampleKind.NEUTRAL;
        SampleDraft d = userDraft(Platform.review, tone, brand, null);
        TemplateFill f = fill(brand);
        String stars = "★".repeat(rating) + "☆".repeat(5 - rating);
        Foreign foreign = SampleVocabulary.foreign(d.lang);
        if (foreign != null) {
            d.text =
                    stars
                            + " "
                            + f.apply(
                                    SampleAuthors.pick(
                                            rating <= 2
                                                    ? foreign.reviewLow()
                                                    : rating == 3
                                                            ? foreign.reviewMid()
                                                            : foreign.reviewHigh(),
                                            rnd));
        } else {
            String title = SampleAuthors.pick(SampleVocabulary.REVIEW_TITLES.get(rating - 1), rnd);
            String body =
                    f.apply(
                            SampleAuthors.pick(
                                    rating <= 2
                                            ? SampleVocabulary.REVIEW_BODIES_LOW
                                            : rating == 3
                                                    ? SampleVocabulary.REVIEW_BODIES_MID
                                                    : SampleVocabulary.REVIEW_BODIES_HIGH,
                                    rnd));
            String head =
                    rnd.nextBoolean()
                            ? stars + " " + title
                            : SampleVocabulary.STAR_WORDS.get(rating - 1) + ": " + title;
            d.text = head + "\n" + textNoise.apply(body, d);
        }
        d.threadRoot = false;
        d.extras.put("rating", Integer.toString(rating));
        d.extras.put("product", f.product());
        d.extras.put("verified_purchase", Boolean.toString(rnd.nextDouble() < 0.7));
        return d;
    }

    private SampleDraft forum() {
        RecentPosts ring = records.recent(Platform.other);
        if (ring.size() > 0 && rnd.nextDouble() < 0.4) {
            return comment(
                    Platform.other,
                    ring.get(rnd.nextInt(Math.min(ring.size(), 32))),
                    "site",
                    "reply");
        }
        int brand = pickBrand();
        SampleDraft d = userDraft(Platform.other, pickKind(brand), brand, null);
        d.lang = null;
        TemplateFill f = fill(brand);
        d.place = f.cat.forum();
        longPost(d, f);
        d.extras.put("site", d.place);
        d.extras.put("kind", "thread");
        return d;
    }

    /** A mention of the burst's incident. */
    SampleDraft crisis(int brand) {
        double u = rnd.nextDouble();
        if (u < 0.10) {
            return news(brand, true);
        }
        Platform p =
                u < 0.65
                        ? Platform.x
                        : u < 0.75
                                ? Platform.reddit
                                : u < 0.85
                                        ? Platform.tiktok
                                        : u < 0.95 ? Platform.facebook : Platform.instagram;
        SampleDraft d = userDraft(p, SampleKind.CRISIS, brand, null);
        d.lang = p == Platform.reddit ? null : "en";
        TemplateFill f = fill(brand);
        if (p == Platform.reddit) {
            d.place = SampleAuthors.pick(f.cat.subreddits(), rnd);
            d.title = f.apply("Anyone else? {brand} {crisis}");
            d.text =
                    d.title
                            + "\n\n"
                            + f.apply(
                                    "Just saw this. {brand} {crisis} and support lines are jammed. "
                                            + "What are our options?");
            d.extras.put("subreddit", d.place);
            d.extras.put("kind", "post");
            return d;
        }
        d.text =
                textNoise.apply(f.apply(SampleAuthors.pick(SampleVocabulary.CRISIS_POSTS, rnd)), d);
        if (p == Platform.tiktok) {
            d.text += " " + hashtags(d.text, f, SampleVocabulary.TIKTOK_TAGS, 2);
            d.extras.put("sound", "original sound - " + d.author.username());
        } else if (p == Platform.instagram) {
            d.text += "\n\n" + hashtags(d.text, f, SampleVocabulary.INSTAGRAM_TAGS, 3);
        }
        return d;
    }

    /**
     * A bot's pitch about a brand, as a reply under a popular post half the time, sometimes stuffed
     * with hashtags.
     */
    SampleDraft spam(Person bot, List<String> pitches) {
        RecentPosts ring = records.recent(bot.platform());
        SamplePost parent = ring.size() > 0 && rnd.nextBoolean() ? mostFollowed(ring) : null;
        int brand = parent != null ? parent.brand() : pickBrand();
        SampleDraft d = new SampleDraft(bot.platform(), SampleKind.SPAM, brand, bot);
        TemplateFill f = fill(brand);
        String text = f.apply(SampleAuthors.pick(pitches, rnd));
        if (rnd.nextDouble() < 0.3) {
            text += " " + hashtags(text, f, SampleVocabulary.SPAM_TAGS, 6 + rnd.nextInt(4));
        }
        if (parent != null) {
            reply(d, parent);
            if (d.platform == Platform.x) {
                text = "@" + parent.author().username() + " " + text;
            }
        }
        d.text = text;
        return d;
    }

    /**
     * One person's copy of a campaign message: as pasted, or with a friend tagged, or naming rather
     * than tagging the brand, and now and then in lower or upper case.
     */
    String copyOf(String message, Brand brand, Platform p) {
        String copy = message;
        double u = rnd.nextDouble();
        if (u < 0.25) {
            copy = "@" + authors.pick(p, rnd).username() + " " + copy;
        } else if (u < 0.4) {
            copy = copy.replace("@" + brand.handle(), brand.name());
        }
        double c = rnd.nextDouble();
        if (c < 0.08) {
            copy = TextNoise.mapTokens(copy, t -> t.toLowerCase(Locale.ROOT));
        } else if (c < 0.14) {
            copy = TextNoise.mapTokens(copy, t -> t.toUpperCase(Locale.ROOT));
        }
        return copy;
    }

    // ---- composing helpers ----

    /**
     * A draft by an ordinary author on the platform, not {@code avoid}, writing in their language
     * now and then.
     */
    private SampleDraft userDraft(Platform p, SampleKind kind, int brand, Person avoid) {
        Person author = otherAuthor(p, avoid);
        SampleDraft d = new SampleDraft(p, kind, brand, author);
        boolean localised =
                switch (p) {
                    case x, instagram, tiktok, facebook, youtube, review -> true;
                    default -> false;
                };
        if (localised && !"en".equals(author.lang()) && rnd.nextDouble() < 0.6) {
            d.lang = author.lang();
        }
        return d;
    }

    private Person otherAuthor(Platform p, Person avoid) {
        Person author = authors.pick(p, rnd);
        while (avoid != null && author.id().equals(avoid.id())) {
            author = authors.pick(p, rnd);
        }
        return author;
    }

    /** A comment in a thread (a subreddit's, a forum's): the parent's place, brand and thread. */
    private SampleDraft comment(
            Platform platform, SamplePost parent, String placeKey, String kind) {
        SampleDraft d = userDraft(platform, SampleKind.REPLY, parent.brand(), parent.author());
        d.lang = null;
        d.text =
                textNoise.apply(
                        fill(d.brand)
                                .apply(SampleAuthors.pick(SampleVocabulary.REDDIT_COMMENTS, rnd)),
                        d);
        d.place = parent.place();
        d.extras.put(placeKey, d.place);
        d.extras.put("kind", kind);
        reply(d, parent);
        return d;
    }

    private void reply(SampleDraft d, SamplePost parent) {
        d.parent = parent;
        d.threadRoot = false;
    }

    /** A short social text of the draft's kind, in its language. */
    private String shortText(SampleDraft d, TemplateFill f) {
        Foreign foreign = SampleVocabulary.foreign(d.lang == null ? "en" : d.lang);
        List<String> templates =
                switch (d.kind) {
                    case COMPLAINT ->
                            foreign == null ? SampleVocabulary.COMPLAINTS : foreign.complaints();
                    case PRAISE -> foreign == null ? SampleVocabulary.PRAISES : foreign.praises();
                    case QUESTION ->
                            foreign == null
                                    ? List.of(
                                            "{question}",
                                            "{@brand} {question}",
                                            "Quick question: {question}")
                                    : foreign.questions();
                    default ->
                            foreign == null
                                    ? List.of(
                                            "{neutral}", "{neutral} {#brand}", "{neutral} {#topic}")
                                    : foreign.neutrals();
                };
        return f.apply(SampleAuthors.pick(templates, rnd));
    }

    /**
     * Hashtags to follow {@code caption}: the brand's (mostly), the category's, the platform's or
     * spam's, none twice.
     */
    private String hashtags(String caption, TemplateFill f, List<String> platformTags, int count) {
        List<String> used = new ArrayList<>();
        for (String tag : SampleFormats.matches(SampleFormats.HASHTAG, caption)) {
            used.add(tag.toLowerCase(Locale.ROOT));
        }
        List<String> tags = new ArrayList<>();
        if (rnd.nextDouble() < 0.7 && !used.contains(f.brand.hashtag().toLowerCase(Locale.ROOT))) {
            tags.add(f.brand.hashtag());
        }
        for (int tries = 0; tags.size() < count && tries < 20; tries++) {
            String tag = SampleAuthors.pick(rnd.nextBoolean() ? f.cat.tags() : platformTags, rnd);
            if (!tags.contains(tag) && !used.contains(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String tag : tags) {
            out.append(out.length() == 0 ? "#" : " #").append(tag);
        }
        return out.toString();
    }

    private SampleKind pickKind(int brand) {
        double neg = SampleVocabulary.BRANDS.get(brand).negativity();
        return new SampleKind[] {
                    SampleKind.COMPLAINT, SampleKind.PRAISE, SampleKind.QUESTION, SampleKind.NEUTRAL
                }
                [pick(new double[] {0.30 * neg, 0.25 / Math.sqrt(neg), 0.15, 0.30})];
    }

    int pickBrand() {
        return SampleAuthors.search(
                brandCumulative, rnd.nextDouble() * brandCumulative[brandCumulative.length - 1]);
    }

    int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    TemplateFill fill(int brand) {
        return new TemplateFill(brand, rnd, authors);
    }
}
