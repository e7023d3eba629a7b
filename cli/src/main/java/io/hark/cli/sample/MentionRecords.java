// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import io.hark.cli.sample.SampleAuthors.Person;
import io.hark.cli.sample.SampleVocabulary.City;
import io.hark.cli.sample.SampleVocabulary.Country;
import io.hark.schema.Engagement;
import io.hark.schema.Geo;
import io.hark.schema.Mention;
import io.hark.schema.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Composed drafts as Avro mentions: ids and links formatted as each platform does, ingestion delay,
 * engagement, geo and the recent posts of each platform that later mentions reply to, repost or
 * quote.
 */
final class MentionRecords {
    private final SplittableRandom rnd;
    private final RecentPosts[] recent = new RecentPosts[Platform.values().length];
    private final long[] lastId = new long[Platform.values().length];

    MentionRecords(SplittableRandom rnd) {
        this.rnd = rnd;
        for (Platform p : Platform.values()) {
            recent[p.ordinal()] = new RecentPosts();
            lastId[p.ordinal()] =
                    switch (p) {
                        case reddit -> rnd.nextLong(2_900_000_000L, 3_000_000_000L);
                        case facebook ->
                                rnd.nextLong(1_000_000_000_000_000L, 1_100_000_000_000_000L);
                        case other -> rnd.nextLong(100_000, 900_000);
                        default -> rnd.nextLong(1L << 40, 1L << 41);
                    };
        }
    }

    /** The latest posts on {@code platform} that later mentions may answer. */
    RecentPosts recent(Platform platform) {
        return recent[platform.ordinal()];
    }

    /**
     * The mention of a composed draft, created at {@code created}; posts that others may answer are
     * remembered.
     */
    Mention emit(SampleDraft d, long created) {
        String id = nextId(d, created);
        String url = url(d, id, created);
        String conversation =
                d.parent != null ? d.parent.conversationId() : d.threadRoot ? id : null;
        long delay =
                d.platform == Platform.news
                                || d.platform == Platform.review
                                || d.platform == Platform.other
                        ? Math.min(300_000, Math.round(SampleAuthors.logNormal(rnd, 20_000, 1.0)))
                        : Math.min(
                                30_000, 150 + Math.round(SampleAuthors.logNormal(rnd, 600, 0.9)));
        Mention mention =
                Mention.newBuilder()
                        .setId(id)
                        .setPlatform(d.platform)
                        .setCreatedAt(Instant.ofEpochMilli(created))
                        .setIngestedAt(Instant.ofEpochMilli(created + delay))
                        .setText(d.text)
                        .setLang(d.lang)
                        .setUrl(url)
                        .setAuthor(d.author.toAvro())
                        .setEngagement(engagement(d))
                        .setInReplyToId(d.parent == null ? null : d.parent.id())
                        .setRepostOfId(d.repostOf)
                        .setQuoteOfId(d.quoteOf)
                        .setConversationId(conversation)
                        .setHashtags(SampleFormats.matches(SampleFormats.HASHTAG, d.text))
                        .setMentions(SampleFormats.matches(SampleFormats.HANDLE, d.text))
                        .setUrls(SampleFormats.urls(d.text))
                        .setGeo(geo(d.author))
                        .setSource(SampleMentions.SOURCE)
                        .setExtras(d.extras)
                        .build();
        // Spam is not worth a reply or a repost; the platforms soon hide it anyway.
        boolean remember =
                d.kind != SampleKind.REPOST
                        && d.kind != SampleKind.SPAM
                        && (d.platform != Platform.youtube || d.kind == SampleKind.VIDEO)
                        && d.platform != Platform.news
                        && d.platform != Platform.review;
        if (remember) {
            String root = d.parent != null ? d.parent.root() : url;
            recent[d.platform.ordinal()].add(
                    new SamplePost(
                            id,
                            d.brand,
                            d.kind,
                            d.author,
                            d.text,
                            url,
                            root,
                            conversation,
                            d.lang,
                            d.place));
        }
        return mention;
    }

    /**
     * A fresh id, unique on the platform: time-ordered 64-bit ids like the platforms' own where
     * they have them (X, Instagram, TikTok), counters elsewhere, formatted as the platform does.
     */
    private String nextId(SampleDraft d, long ms) {
        Platform p = d.platform;
        int i = p.ordinal();
        long floor =
                switch (p) {
                    case x -> Math.max(0, ms - 1_288_834_974_657L) << 22 | rnd.nextLong(1L << 22);
                    case instagram ->
                            Math.max(0, ms - 1_314_220_021_721L) << 23 | rnd.nextLong(1L << 23);
                    case tiktok -> (ms / 1000) << 32 | rnd.nextLong(1L << 32);
                    default -> 0;
                };
        long id = Math.max(floor, lastId[i] + 1 + rnd.nextInt(floor == 0 ? 50 : 1));
        lastId[i] = id;
        return switch (p) {
            case reddit -> Long.toString(id, 36);
            case youtube ->
                    d.kind == SampleKind.VIDEO
                            ? SampleFormats.base64url(SampleFormats.mix(id), 11)
                            : "Ugz"
                                    + SampleFormats.base64url(SampleFormats.mix(id), 11)
                                    + "4AaABAg";
            case news -> String.format(Locale.ROOT, "%016x", SampleFormats.mix(id));
            case review ->
                    "R" + Long.toUnsignedString(SampleFormats.mix(id), 36).toUpperCase(Locale.ROOT);
            default -> Long.toString(id);
        };
    }

    private String url(SampleDraft d, String id, long created) {
        String user = d.author.username();
        String root = d.parent == null ? null : d.parent.root();
        return switch (d.platform) {
            case x -> "https://x.example/" + user + "/status/" + id;
            case reddit ->
                    root != null
                            ? root + "comment/" + id + "/"
                            : "https://reddit.example/"
                                    + d.place
                                    + "/comments/"
                                    + id
                                    + "/"
                                    + SampleFormats.slug(d.title)
                                    + "/";
            case instagram ->
                    root != null
                            ? root + "c/" + id + "/"
                            : "https://instagram.example/p/"
                                    + SampleFormats.base64url(Long.parseLong(id), 11)
                                    + "/";
            case tiktok -> "https://tiktok.example/@" + user + "/video/" + id;
            case facebook ->
                    root != null
                            ? root + "?comment_id=" + id
                            : "https://facebook.example/" + user + "/posts/" + id;
            case youtube ->
                    root != null ? root + "&lc=" + id : "https://youtube.example/watch?v=" + id;
            case news -> {
                LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(created), ZoneOffset.UTC);
                yield "https://"
                        + user
                        + ".example/"
                        + d.place
                        + "/"
                        + day.getYear()
                        + "/"
                        + SampleFormats.two(day.getMonthValue())
                        + "/"
                        + SampleFormats.two(day.getDayOfMonth())
                        + "/"
                        + SampleFormats.slug(d.title)
                        + "-"
                        + id;
            }
            case review ->
                    "https://reviews.example/"
                            + SampleVocabulary.BRANDS.get(d.brand).handle()
                            + "/review/"
                            + id;
            default ->
                    root != null
                            ? root + "/" + id
                            : "https://" + d.place + "/t/" + SampleFormats.slug(d.title) + "/" + id;
        };
    }

    private Engagement engagement(SampleDraft d) {
        Engagement.Builder e = Engagement.newBuilder();
        double f = d.author.followers() == null ? 0 : d.author.followers();
        double scale = d.parent != null ? 0.15 : 1.0;
        switch (d.platform) {
            case x -> {
                if (d.kind == SampleKind.REPOST) {
                    return e.setLikes(0L).setReplies(0L).setReposts(0L).setQuotes(0L).build();
                }
                double likes = scale * (f * 0.004 * noise(1.2) + rnd.nextInt(4));
                boolean asks =
                        d.kind == SampleKind.COMPLAINT
                                || d.kind == SampleKind.QUESTION
                                || d.kind == SampleKind.CRISIS;
                e.setLikes(count(likes))
                        .setReplies(count(likes * 0.07 * noise(0.7) + (asks ? rnd.nextInt(3) : 0)))
                        .setReposts(count(likes * 0.12 * noise(0.8)))
                        .setQuotes(count(likes * 0.012 * noise(0.8)))
                        .setViews(
                                count(
                                        scale * f * 0.15 * noise(1.0)
                                                + likes * 25
                                                + rnd.nextInt(40)
                                                + 1));
            }
            case reddit -> {
                double score =
                        d.parent == null
                                ? SampleAuthors.logNormal(rnd, 8, 1.6)
                                : SampleAuthors.logNormal(rnd, 3, 1.3);
                e.setLikes(count(score))
                        .setReplies(
                                count(
                                        d.parent == null
                                                ? score * 0.3 * noise(0.8)
                                                : rnd.nextInt(3)));
            }
            case instagram -> {
                double likes = scale * (f * 0.03 * noise(1.1) + rnd.nextInt(5));
                e.setLikes(count(likes)).setReplies(count(likes * 0.03 * noise(0.8)));
            }
            case tiktok -> {
                double views = f * 0.8 * noise(1.2) + SampleAuthors.logNormal(rnd, 300, 1.8);
                double likes = views * 0.06 * noise(0.6);
                e.setViews(count(views))
                        .setLikes(count(likes))
                        .setReplies(count(likes * 0.02 * noise(0.6)))
                        .setReposts(count(likes * 0.03 * noise(0.7)));
            }
            case facebook -> {
                double likes = scale * (f * 0.01 * noise(1.1) + rnd.nextInt(4));
                e.setLikes(count(likes))
                        .setReplies(count(likes * 0.15 * noise(0.8)))
                        .setReposts(count(likes * 0.05 * noise(0.8)));
            }
            case youtube -> {
                if (d.kind == SampleKind.VIDEO) {
                    double views = f * 0.5 * noise(1.2) + SampleAuthors.logNormal(rnd, 200, 1.5);
                    double likes = views * 0.03 * noise(0.5);
                    e.setViews(count(views))
                            .setLikes(count(likes))
                            .setReplies(count(likes * 0.1 * noise(0.6)));
                } else {
                    e.setLikes(count(SampleAuthors.logNormal(rnd, 2, 1.5) - 1))
                            .setReplies((long) rnd.nextInt(3));
                }
            }
            case review -> e.setLikes(count(SampleAuthors.logNormal(rnd, 1, 1.2) - 1));
            default -> {
                // news sites and forums report no counts
            }
        }
        return e.build();
    }

    private double noise(double sigma) {
        return SampleAuthors.logNormal(rnd, 1, sigma);
    }

    private static long count(double v) {
        return Math.max(0, Math.round(Math.min(v, 1e12)));
    }

    /**
     * A country for about 30% of mentions (the author's home), coordinates near a city for about
     * 5%.
     */
    private Geo geo(Person author) {
        double u = rnd.nextDouble();
        if (u >= 0.30) {
            return null;
        }
        Country country = SampleVocabulary.country(author.country());
        Geo.Builder g = Geo.newBuilder().setCountryCode(country.code()).setLat(null).setLon(null);
        if (u < 0.05) {
            City city = SampleAuthors.pick(country.cities(), rnd);
            g.setLat(round4(city.lat() + 0.05 * SampleAuthors.gaussian(rnd)))
                    .setLon(round4(city.lon() + 0.05 * SampleAuthors.gaussian(rnd)));
        }
        return g.build();
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
