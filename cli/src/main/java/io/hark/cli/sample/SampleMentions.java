// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import io.hark.cli.sample.SampleAuthors.Person;
import io.hark.cli.sample.SampleVocabulary.Brand;
import io.hark.cli.sample.SampleVocabulary.Campaign;
import io.hark.schema.Mention;
import io.hark.schema.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic stream of realistic, invented social mentions of the {@link
 * SampleVocabulary#BRANDS sample brands} on every platform: complaints, praise, questions,
 * customer-service replies, reposts and quotes on X, Reddit threads, Instagram and TikTok captions,
 * YouTube videos and comments, news headlines, star reviews and forum posts, with emoji, hashtags,
 * handles, links, elongations, shouting, typos and a few texts in Spanish, French, German and
 * Portuguese. Every author's account has a creation time, months to years before the start for
 * most.
 *
 * <p>The stream has its junk too, as real ones do. Spam, about 1.5% of mentions: pharmacy, crypto,
 * giveaway and easy-money pitches that name a brand and carry a link, some stuffed with hashtags,
 * often as replies under popular posts, from a small pool of bot accounts on X and Instagram
 * mostly, opened hours to days before, with 0 to 3 followers. A bot posts in bursts, several times
 * within minutes. And copy-paste campaigns, about 1% of mentions: a boycott or petition message
 * about a brand that 6 to 20 ordinary people post within the hour, each with their own link, some
 * tagging a friend, naming rather than tagging the brand, or writing it all in lower or upper case.
 *
 * <p>Mentions arrive as a Poisson process: {@code created_at} starts at {@code start} and advances
 * by exponential gaps at {@code mentionsPerSecond}, so N mentions cover about N / rate seconds. For
 * a live stream, pass {@code Instant.now()} and emit each mention when the wall clock reaches its
 * {@code created_at}. Spam runs and campaigns start as Poisson processes of their own, their posts
 * spaced by their own gaps; the overall rate stays {@code mentionsPerSecond}.
 *
 * <p>The same seed gives the same sequence, on any JVM. Not thread-safe.
 */
public final class SampleMentions implements Iterator<Mention> {

    /** The {@code source} of every sample mention. */
    public static final String SOURCE = "sample";

    private static final Platform[] PLATFORMS = Platform.values();

    /**
     * Share of the stream by platform, in Platform order: x reddit instagram tiktok facebook
     * youtube news review other.
     */
    private static final double[] PLATFORM_WEIGHTS = {36, 14, 11, 9, 6, 7, 5, 8, 4};

    private static final double SPAM_SHARE = 0.015;
    private static final double CAMPAIGN_SHARE = 0.01;
    private static final int MIN_SPAM_RUN = 3;
    private static final int MAX_SPAM_RUN = 8;
    private static final int MIN_CAMPAIGN_COPIES = 6;
    private static final int MAX_CAMPAIGN_COPIES = 20;
    private static final List<String> CAMPAIGN_EMOJI = List.of("✊", "🙏", "‼️", "📢");

    private final SplittableRandom rnd;
    private final SampleAuthors authors;
    private final long startMillis;
    private final double rate;

    /** The rate of the arrivals one by one: all but the spam runs' and campaigns' posts. */
    private final double singleRate;

    private final double[] brandCumulative;
    private final MentionRecords records;
    private final SampleComposer composer;

    /** The spam runs and campaigns under way, and the next of each to start. */
    private final List<Run> runs = new ArrayList<>();

    private double elapsed;
    private long lastCreated;
    private int burstBrand = -1;
    private double burstEnd;
    private double burstRate;

    /**
     * @param seed the same seed gives the same mentions
     * @param start the {@code created_at} the stream starts from
     * @param mentionsPerSecond the average rate, over all brands and platforms
     */
    public SampleMentions(long seed, Instant start, double mentionsPerSecond) {
        Objects.requireNonNull(start, "start");
        if (!(mentionsPerSecond > 0) || Double.isInfinite(mentionsPerSecond)) {
            throw new IllegalArgumentException(
                    "mentionsPerSecond must be positive, not " + mentionsPerSecond);
        }
        this.rnd = new SplittableRandom(seed);
        this.authors = new SampleAuthors(seed, start);
        this.startMillis = start.toEpochMilli();
        this.lastCreated = startMillis;
        this.rate = mentionsPerSecond;
        this.singleRate = rate * (1 - SPAM_SHARE - CAMPAIGN_SHARE);
        this.brandCumulative = new double[SampleVocabulary.BRANDS.size()];
        double sum = 0;
        for (int i = 0; i < brandCumulative.length; i++) {
            sum += SampleVocabulary.BRANDS.get(i).weight();
            brandCumulative[i] = sum;
        }
        this.records = new MentionRecords(rnd);
        this.composer = new SampleComposer(rnd, authors, records, brandCumulative);
        runs.add(new SpamRun(exponential(SpamRun.startRate(rate))));
        runs.add(new CampaignRun(exponential(CampaignRun.startRate(rate))));
    }

    /** Always true: the stream is endless. */
    @Override
    public boolean hasNext() {
        return true;
    }

    /** The next mention, {@code created_at} no earlier than the previous one's. */
    @Override
    public Mention next() {
        SampleDraft d = arrive();
        long created = Math.max(lastCreated, startMillis + (long) (elapsed * 1000));
        lastCreated = created;
        return records.emit(d, created);
    }

    /** The next {@code count} mentions. */
    public List<Mention> take(int count) {
        List<Mention> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** The endless, ordered, sequential stream of the next mentions: limit it. */
    public Stream<Mention> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        this, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** The {@code created_at} of the latest mention, or the start. */
    public Instant currentTime() {
        return Instant.ofEpochMilli(lastCreated);
    }

    /**
     * A crisis from now (in stream time) for {@code duration}: the brand's mentions come {@code
     * factor} times as often, the extra ones angry posts about the same incident (under one
     * hashtag, e.g. #BlueJetMeltdown) and headlines. The overall rate rises accordingly. A new
     * burst replaces the one under way.
     *
     * @param brand a brand's name or handle, as in {@link SampleVocabulary#BRANDS}
     */
    public SampleMentions burst(String brand, Duration duration, double factor) {
        Brand b = SampleVocabulary.brand(brand);
        if (b == null) {
            throw new IllegalArgumentException("no sample brand " + brand);
        }
        if (duration.isNegative() || !(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("need a duration >= 0 and a factor >= 1");
        }
        burstBrand = SampleVocabulary.BRANDS.indexOf(b);
        burstEnd = elapsed + duration.toMillis() / 1000.0;
        burstRate = rate * b.weight() / brandCumulative[brandCumulative.length - 1] * (factor - 1);
        return this;
    }

    // ---- time ----

    /** Moves the clock to the next arrival, one by one or of a run, and composes it. */
    private SampleDraft arrive() {
        while (true) {
            boolean inBurst = burstBrand >= 0 && elapsed < burstEnd;
            double r = singleRate + (inBurst ? burstRate : 0);
            double single = elapsed + exponential(r);
            Run run = runs.get(0);
            for (Run other : runs) {
                if (other.at < run.at) {
                    run = other;
                }
            }
            // Memoryless: when a run's post or the end of the burst comes first, the next single
            // arrival is drawn again
            // from there.
            if (run.at <= single && (!inBurst || run.at <= burstEnd)) {
                elapsed = run.at;
                return post(run);
            }
            if (inBurst && single > burstEnd) {
                elapsed = burstEnd;
                continue;
            }
            elapsed = single;
            return inBurst && rnd.nextDouble() * r < burstRate
                    ? composer.crisis(burstBrand)
                    : composer.compose(PLATFORMS[composer.pick(PLATFORM_WEIGHTS)]);
        }
    }

    private double exponential(double rate) {
        return -StrictMath.log(1.0 - rnd.nextDouble()) / rate;
    }

    private Instant instant(double seconds) {
        return Instant.ofEpochMilli(startMillis + (long) (seconds * 1000));
    }

    /** The run's next post; on its first, the next run of the kind is scheduled. */
    private SampleDraft post(Run run) {
        if (run.posted == 0) {
            runs.add(run.successor());
        }
        SampleDraft d = run.draft();
        run.posted++;
        if (run.posted == run.posts) {
            runs.remove(run);
        } else {
            run.at += run.gap();
        }
        return d;
    }

    /**
     * Posts that come at times of their own rather than one by one: a spam bot's burst, or a
     * campaign's copies.
     */
    private abstract class Run {
        /** The stream time of the next post, in seconds. */
        double at;

        final int posts;
        int posted;

        Run(double at, int posts) {
            this.at = at;
            this.posts = posts;
        }

        abstract SampleDraft draft();

        /** Seconds to the next post. */
        abstract double gap();

        /** The next run of the kind, starting after this one starts. */
        abstract Run successor();
    }

    /**
     * A bot posting several pitches of one theme within minutes: what the listen job flags as a new
     * account's burst.
     */
    private final class SpamRun extends Run {
        final Person bot;
        final List<String> pitches;

        SpamRun(double at) {
            super(at, rnd.nextInt(MIN_SPAM_RUN, MAX_SPAM_RUN + 1));
            bot = authors.bot(instant(at), rnd);
            pitches = SampleAuthors.pick(SampleVocabulary.SPAM, rnd);
        }

        /** Runs start at the rate that makes their posts {@link #SPAM_SHARE} of the stream. */
        static double startRate(double rate) {
            return rate * SPAM_SHARE / ((MIN_SPAM_RUN + MAX_SPAM_RUN) / 2.0);
        }

        @Override
        SampleDraft draft() {
            return composer.spam(bot, pitches);
        }

        @Override
        double gap() {
            return 10 + exponential(1 / 40.0);
        }

        @Override
        Run successor() {
            return new SpamRun(at + exponential(startRate(rate)));
        }
    }

    /**
     * One campaign message about a brand, posted by ordinary people within the hour, no one twice.
     */
    private final class CampaignRun extends Run {
        final int brand;
        final String message;
        final String hashtag;
        final Set<Person> posters = new HashSet<>();

        CampaignRun(double at) {
            super(at, rnd.nextInt(MIN_CAMPAIGN_COPIES, MAX_CAMPAIGN_COPIES + 1));
            brand = composer.pickBrand();
            TemplateFill f = composer.fill(brand);
            Campaign campaign = SampleAuthors.pick(f.cat.campaigns(), rnd);
            message = f.apply(campaign.message());
            hashtag = f.brand.hashtag() + campaign.hashtagSuffix();
        }

        /**
         * Campaigns start at the rate that makes their copies {@link #CAMPAIGN_SHARE} of the
         * stream.
         */
        static double startRate(double rate) {
            return rate * CAMPAIGN_SHARE / ((MIN_CAMPAIGN_COPIES + MAX_CAMPAIGN_COPIES) / 2.0);
        }

        @Override
        SampleDraft draft() {
            Platform p = rnd.nextDouble() < 0.75 ? Platform.x : Platform.facebook;
            Person poster = authors.pick(p, rnd);
            while (!posters.add(poster)) {
                poster = authors.pick(p, rnd);
            }
            SampleDraft d = new SampleDraft(p, SampleKind.CAMPAIGN, brand, poster);
            String link =
                    rnd.nextDouble() < 0.7
                            ? "https://petitions.example/"
                                    + hashtag.toLowerCase(Locale.ROOT)
                                    + "?ref="
                                    + SampleFormats.token(rnd, 6)
                            : SampleFormats.shortlink(rnd);
            d.text =
                    composer.copyOf(message, SampleVocabulary.BRANDS.get(brand), p)
                            + " "
                            + link
                            + " #"
                            + hashtag
                            + (rnd.nextDouble() < 0.2
                                    ? " " + SampleAuthors.pick(CAMPAIGN_EMOJI, rnd)
                                    : "");
            return d;
        }

        @Override
        double gap() {
            return 20 + exponential(1 / 90.0);
        }

        @Override
        Run successor() {
            return new CampaignRun(at + exponential(startRate(rate)));
        }
    }
}
