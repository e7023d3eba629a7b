// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import io.hark.cli.sample.SampleVocabulary.Brand;
import io.hark.cli.sample.SampleVocabulary.Country;
import io.hark.cli.sample.SampleVocabulary.Outlet;
import io.hark.schema.Author;
import io.hark.schema.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The invented people of the sample stream: a pool of a few thousand authors per seed, each on one
 * platform, picked with Zipf-like activity (a few accounts post a lot, most rarely); lognormal,
 * heavy-tailed follower counts; a home country and language; an account opened months to years
 * before the stream starts. Plus the brands' own accounts, the news outlets, and a few spam bots,
 * each only hours to days old when it posts.
 */
final class SampleAuthors {

    /** One account, opened at createdAt. followers is null where the platform does not show it. */
    record Person(
            Platform platform,
            String id,
            String username,
            String displayName,
            Long followers,
            boolean verified,
            String country,
            String lang,
            boolean brandAccount,
            Instant createdAt) {

        Author toAvro() {
            return Author.newBuilder()
                    .setId(id)
                    .setUsername(username)
                    .setDisplayName(displayName)
                    .setFollowersCount(followers)
                    .setVerified(verified)
                    .setCreatedAt(createdAt)
                    .build();
        }

        /**
         * What a customer-service agent would call them: their first name if the display name has
         * one, else the handle.
         */
        String firstName() {
            if (displayName != null) {
                String first = displayName.split(" ", 2)[0];
                if (SampleVocabulary.FIRST_NAMES.contains(first)) {
                    return first;
                }
            }
            return username;
        }
    }

    /** Pool sizes by platform, in Platform order; news is the outlets. */
    private static final int[] POOL = {1600, 900, 700, 700, 500, 600, 0, 900, 300};

    private static final double ZIPF_EXPONENT = 0.9;
    private static final double ZIPF_OFFSET = 2.0;
    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    /**
     * No account but a bot is younger: the listen job takes accounts under a week old for possible
     * spam bots.
     */
    private static final double YOUNGEST_ACCOUNT_YEARS = 30 / 365.25;

    /** The platforms of the spam bots, one a slot: X and Instagram mostly. */
    private static final Platform[] BOT_PLATFORMS = {
        Platform.x,
        Platform.x,
        Platform.x,
        Platform.x,
        Platform.x,
        Platform.x,
        Platform.x,
        Platform.x,
        Platform.x,
        Platform.x,
        Platform.instagram,
        Platform.instagram,
        Platform.instagram,
        Platform.instagram,
        Platform.facebook,
        Platform.facebook
    };

    /**
     * A bot gets banned (replaced by a fresh one) once its account is this old, so bots are always
     * brand-new.
     */
    private static final Duration BOT_LIFETIME = Duration.ofDays(5);

    private final List<List<Person>> pools = new ArrayList<>();
    private final List<double[]> cumulative = new ArrayList<>();
    private final List<Person> outlets = new ArrayList<>();
    private final double[] outletCumulative;
    private final List<List<Person>> officials = new ArrayList<>();
    private final List<Person> support = new ArrayList<>();
    private final Person[] bots = new Person[BOT_PLATFORMS.length];

    /**
     * @param start the start of the stream, which every account but the bots' is opened well before
     */
    SampleAuthors(long seed, Instant start) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5A4D91E6C3B2F781L);
        // Account ages have a random sequence of their own, so that the people a seed gives do not
        // depend on them.
        SplittableRandom ages = new SplittableRandom(seed ^ 0x2C1B7E05D94A3F6DL);
        for (Platform p : Platform.values()) {
            Set<String> taken = new HashSet<>();
            Set<String> ids = new HashSet<>();
            List<Person> pool = new ArrayList<>();
            for (int i = 0; i < POOL[p.ordinal()]; i++) {
                pool.add(person(p, rnd, taken, ids, openedBefore(start, p, 3.5, 1.0, ages)));
            }
            pools.add(pool);
            double[] cum = new double[pool.size()];
            double sum = 0;
            for (int i = 0; i < cum.length; i++) {
                sum += StrictMath.pow(i + ZIPF_OFFSET, -ZIPF_EXPONENT);
                cum[i] = sum;
            }
            cumulative.add(cum);
        }
        outletCumulative = new double[SampleVocabulary.OUTLETS.size()];
        double sum = 0;
        for (Outlet o : SampleVocabulary.OUTLETS) {
            outlets.add(
                    new Person(
                            Platform.news,
                            o.handle(),
                            o.handle(),
                            o.name(),
                            null,
                            false,
                            o.country(),
                            o.lang(),
                            false,
                            openedBefore(start, Platform.news, 12, 0.4, ages)));
            sum += o.weight();
            outletCumulative[outlets.size() - 1] = sum;
        }
        for (Brand b : SampleVocabulary.BRANDS) {
            long followers = Math.round(80_000 * b.weight() * (1 + rnd.nextDouble() * 8));
            List<Person> accounts = new ArrayList<>();
            for (Platform p : Platform.values()) {
                String name =
                        p == Platform.facebook || p == Platform.youtube ? b.hashtag() : b.handle();
                accounts.add(
                        new Person(
                                p,
                                accountId(p, rnd),
                                name,
                                b.name(),
                                Math.round(followers * platformScale(p)),
                                true,
                                "US",
                                "en",
                                true,
                                openedBefore(start, p, 10, 0.3, ages)));
            }
            officials.add(accounts);
            support.add(
                    new Person(
                            Platform.x,
                            accountId(Platform.x, rnd),
                            b.supportHandle(),
                            b.name() + " Support",
                            followers / 5,
                            true,
                            "US",
                            "en",
                            true,
                            openedBefore(start, Platform.x, 6, 0.3, ages)));
        }
    }

    /** An author on {@code platform}, active ones more often. Not for news. */
    Person pick(Platform platform, SplittableRandom rnd) {
        double[] cum = cumulative.get(platform.ordinal());
        return pools.get(platform.ordinal())
                .get(search(cum, rnd.nextDouble() * cum[cum.length - 1]));
    }

    Person outlet(SplittableRandom rnd) {
        return outlets.get(
                search(
                        outletCumulative,
                        rnd.nextDouble() * outletCumulative[outletCumulative.length - 1]));
    }

    /** The brand's official account on the platform. */
    Person official(int brand, Platform platform) {
        return officials.get(brand).get(platform.ordinal());
    }

    /**
     * Who answers customers for the brand on the platform: a support account on X, the official one
     * elsewhere.
     */
    Person support(int brand, Platform platform) {
        return platform == Platform.x ? support.get(brand) : official(brand, platform);
    }

    /**
     * A spam bot to post at {@code at}, from a small pool: an account opened hours to a few days
     * earlier, with a handful of followers at most. A bot older than {@link #BOT_LIFETIME} is
     * replaced by a fresh one, as if it had been banned.
     */
    Person bot(Instant at, SplittableRandom rnd) {
        int slot = rnd.nextInt(bots.length);
        Person bot = bots[slot];
        if (bot == null || Duration.between(bot.createdAt(), at).compareTo(BOT_LIFETIME) > 0) {
            bot =
                    newBot(
                            BOT_PLATFORMS[slot],
                            at.minusSeconds(rnd.nextLong(3_600, 3 * 24 * 3_600)),
                            rnd);
            bots[slot] = bot;
        }
        return bot;
    }

    /** The first index whose cumulative weight exceeds {@code u}. */
    static int search(double[] cumulative, double u) {
        int i = Arrays.binarySearch(cumulative, u);
        return Math.min(i >= 0 ? i + 1 : -i - 1, cumulative.length - 1);
    }

    private static double platformScale(Platform p) {
        return switch (p) {
            case instagram, tiktok -> 2.0;
            case youtube -> 1.5;
            case facebook -> 0.8;
            default -> 1.0;
        };
    }

    private static Person person(
            Platform p,
            SplittableRandom rnd,
            Set<String> taken,
            Set<String> ids,
            Instant createdAt) {
        Country country = homeCountry(rnd);
        String lang =
                !"en".equals(country.lang())
                                && rnd.nextDouble() < (country.code().equals("CA") ? 0.2 : 0.45)
                        ? country.lang()
                        : "en";
        String first = pick(SampleVocabulary.FIRST_NAMES, rnd);
        String last = pick(SampleVocabulary.LAST_NAMES, rnd);
        String username;
        String display;
        switch (p) {
            case reddit -> {
                username =
                        rnd.nextDouble() < 0.1
                                ? "throwaway" + (1000 + rnd.nextInt(9000))
                                : pick(SampleVocabulary.REDDIT_ADJECTIVES, rnd)
                                        + "_"
                                        + pick(SampleVocabulary.REDDIT_NOUNS, rnd)
                                        + "_"
                                        + (10 + rnd.nextInt(9990));
                display = null;
            }
            case review -> {
                username = (first + last.charAt(0)).toLowerCase(Locale.ROOT) + rnd.nextInt(1000);
                display = first + " " + last.charAt(0) + ".";
            }
            default -> {
                String w1 = pick(SampleVocabulary.WORDS, rnd);
                String w2 = pick(SampleVocabulary.WORDS, rnd);
                int style = rnd.nextInt(6);
                username =
                        switch (style) {
                            case 0 -> first + "_" + last;
                            case 1 -> first + last + (10 + rnd.nextInt(90));
                            case 2 -> first.charAt(0) + last;
                            case 3 -> w1 + w2;
                            case 4 -> w1 + "_" + first;
                            default -> first + "the" + w2;
                        };
                username = username.toLowerCase(Locale.ROOT);
                if (username.length() > 15) {
                    username = username.substring(0, 15);
                }
                display =
                        style <= 2
                                ? first + " " + last
                                : style == 3 ? capitalize(w1) + " " + capitalize(w2) : first;
                if (rnd.nextDouble() < 0.1) {
                    display += " " + pick(SampleVocabulary.EMOJI_GOOD, rnd);
                }
            }
        }
        while (!taken.add(username)) {
            String suffix = Integer.toString(rnd.nextInt(100));
            username =
                    (username.length() + suffix.length() > 15 && p != Platform.reddit
                                    ? username.substring(0, 15 - suffix.length())
                                    : username)
                            + suffix;
        }
        String id = accountId(p, rnd);
        while (!ids.add(id)) {
            id = accountId(p, rnd);
        }
        Long followers =
                switch (p) {
                    case reddit, review, other -> null;
                    default ->
                            Math.min(
                                    90_000_000L,
                                    Math.round(
                                            logNormal(
                                                    rnd,
                                                    medianFollowers(p),
                                                    p == Platform.tiktok ? 2.3 : 2.0)));
                };
        double f = followers == null ? 0 : followers;
        boolean verified = rnd.nextDouble() < (f >= 100_000 ? 0.5 : f >= 10_000 ? 0.05 : 0.005);
        return new Person(
                p,
                id,
                username,
                display,
                followers,
                verified,
                country.code(),
                lang,
                false,
                createdAt);
    }

    /**
     * A bot named like the platform's default handles for new sign-ups: a first name and eight
     * digits.
     */
    private static Person newBot(Platform p, Instant createdAt, SplittableRandom rnd) {
        String first = pick(SampleVocabulary.FIRST_NAMES, rnd);
        String username = first.toLowerCase(Locale.ROOT) + rnd.nextInt(10_000_000, 100_000_000);
        return new Person(
                p,
                accountId(p, rnd),
                username,
                first + " " + pick(SampleVocabulary.LAST_NAMES, rnd),
                (long) rnd.nextInt(4),
                false,
                homeCountry(rnd).code(),
                "en",
                false,
                createdAt);
    }

    /**
     * When an account on {@code p} was opened: a lognormal number of years before {@code start}, at
     * least a month and no more than the platform has been popular. Whole seconds, as platforms
     * give them.
     */
    private static Instant openedBefore(
            Instant start, Platform p, double medianYears, double sigma, SplittableRandom rnd) {
        double years;
        do {
            years = logNormal(rnd, medianYears, sigma);
        } while (years < YOUNGEST_ACCOUNT_YEARS || years > oldestAccountYears(p));
        return Instant.ofEpochSecond(start.getEpochSecond() - Math.round(years * SECONDS_PER_YEAR));
    }

    private static double oldestAccountYears(Platform p) {
        return switch (p) {
            case instagram -> 15;
            case tiktok -> 8;
            case news -> 25;
            default -> 19;
        };
    }

    private static double medianFollowers(Platform p) {
        return switch (p) {
            case instagram -> 400;
            case tiktok -> 600;
            case facebook -> 200;
            case youtube -> 50;
            default -> 250;
        };
    }

    private static Country homeCountry(SplittableRandom rnd) {
        double total = 0;
        for (Country c : SampleVocabulary.COUNTRIES) {
            total += c.weight();
        }
        double u = rnd.nextDouble() * total;
        for (Country c : SampleVocabulary.COUNTRIES) {
            u -= c.weight();
            if (u < 0) {
                return c;
            }
        }
        return SampleVocabulary.COUNTRIES.get(0);
    }

    /** A platform-looking account id. */
    private static String accountId(Platform p, SplittableRandom rnd) {
        return switch (p) {
            case x -> Long.toString(rnd.nextLong(10_000_000L, 1_900_000_000_000_000_000L));
            case reddit ->
                    "t2_"
                            + Long.toString(
                                    rnd.nextLong(
                                            36L * 36 * 36 * 36 * 36 * 36 * 36,
                                            36L * 36 * 36 * 36 * 36 * 36 * 36 * 36),
                                    36);
            case instagram -> Long.toString(rnd.nextLong(1_000_000_000L, 70_000_000_000L));
            case tiktok ->
                    Long.toString(
                            rnd.nextLong(6_700_000_000_000_000_000L, 7_400_000_000_000_000_000L));
            case facebook ->
                    Long.toString(rnd.nextLong(100_000_000_000_000L, 999_999_999_999_999L));
            case youtube ->
                    "UC"
                            + SampleFormats.base64url(rnd.nextLong(), 11)
                            + SampleFormats.base64url(rnd.nextLong(), 11);
            case review ->
                    "A"
                            + Long.toString(
                                            rnd.nextLong(
                                                    36L * 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36
                                                            * 36 * 36,
                                                    Long.MAX_VALUE),
                                            36)
                                    .toUpperCase(Locale.ROOT);
            default -> Long.toString(rnd.nextLong(1_000, 10_000_000));
        };
    }

    static double logNormal(SplittableRandom rnd, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(rnd));
    }

    /**
     * A standard normal deviate by Box-Muller, with StrictMath so that every JVM draws the same
     * sequence.
     */
    static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u))
                * StrictMath.cos(2 * Math.PI * rnd.nextDouble());
    }

    static <T> T pick(List<T> list, SplittableRandom rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
