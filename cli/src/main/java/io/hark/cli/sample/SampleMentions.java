// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import io.hark.cli.sample.SampleAuthors.Person;
import io.hark.cli.sample.SampleVocabulary.Brand;
import io.hark.cli.sample.SampleVocabulary.Campaign;
import io.hark.cli.sample.SampleVocabulary.Category;
import io.hark.cli.sample.SampleVocabulary.City;
import io.hark.cli.sample.SampleVocabulary.Country;
import io.hark.cli.sample.SampleVocabulary.Foreign;
import io.hark.cli.sample.SampleVocabulary.Outlet;
import io.hark.schema.Engagement;
import io.hark.schema.Geo;
import io.hark.schema.Mention;
import io.hark.schema.Platform;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic stream of realistic, invented social mentions of the {@link SampleVocabulary#BRANDS sample brands}
 * on every platform: complaints, praise, questions, customer-service replies, reposts and quotes on X, Reddit threads,
 * Instagram and TikTok captions, YouTube videos and comments, news headlines, star reviews and forum posts, with
 * emoji, hashtags, handles, links, elongations, shouting, typos and a few texts in Spanish, French, German and
 * Portuguese. Every author's account has a creation time, months to years before the start for most.
 *
 * <p>The stream has its junk too, as real ones do. Spam, about 1.5% of mentions: pharmacy, crypto, giveaway and
 * easy-money pitches that name a brand and carry a link, some stuffed with hashtags, often as replies under popular
 * posts, from a small pool of bot accounts on X and Instagram mostly, opened hours to days before, with 0 to 3
 * followers. A bot posts in bursts, several times within minutes. And copy-paste campaigns, about 1% of mentions: a
 * boycott or petition message about a brand that 6 to 20 ordinary people post within the hour, each with their own
 * link, some tagging a friend, naming rather than tagging the brand, or writing it all in lower or upper case.
 *
 * <p>Mentions arrive as a Poisson process: {@code created_at} starts at {@code start} and advances by exponential
 * gaps at {@code mentionsPerSecond}, so N mentions cover about N / rate seconds. For a live stream, pass
 * {@code Instant.now()} and emit each mention when the wall clock reaches its {@code created_at}. Spam runs and
 * campaigns start as Poisson processes of their own, their posts spaced by their own gaps; the overall rate stays
 * {@code mentionsPerSecond}.
 *
 * <p>The same seed gives the same sequence, on any JVM. Not thread-safe.
 */
public final class SampleMentions implements Iterator<Mention> {

  /** The {@code source} of every sample mention. */
  public static final String SOURCE = "sample";

  private static final Platform[] PLATFORMS = Platform.values();
  /** Share of the stream by platform, in Platform order: x reddit instagram tiktok facebook youtube news review other. */
  private static final double[] PLATFORM_WEIGHTS = {36, 14, 11, 9, 6, 7, 5, 8, 4};
  private static final int RECENT = 256;
  private static final double SPAM_SHARE = 0.015;
  private static final double CAMPAIGN_SHARE = 0.01;
  private static final int MIN_SPAM_RUN = 3;
  private static final int MAX_SPAM_RUN = 8;
  private static final int MIN_CAMPAIGN_COPIES = 6;
  private static final int MAX_CAMPAIGN_COPIES = 20;
  private static final List<String> SHORTENERS = List.of("https://bit.example/", "http://tinyurl.example/",
      "https://cutt.example/");
  private static final List<String> CAMPAIGN_EMOJI = List.of("✊", "🙏", "‼️", "📢");

  private static final Pattern TOKEN = Pattern.compile("\\S+");
  private static final Pattern URL = Pattern.compile("(?<!\\S)https?://\\S+");
  private static final Pattern HASHTAG = Pattern.compile("(?<!\\S)#([A-Za-z0-9_]+)");
  private static final Pattern HANDLE = Pattern.compile("(?<!\\S)@([A-Za-z0-9_]+)");
  private static final List<String> STRETCHY = List.of("so", "no", "love", "please", "why", "good", "bad", "what",
      "really", "sorry", "hate", "cold", "slow", "ugh");
  private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private enum Kind { COMPLAINT, PRAISE, QUESTION, NEUTRAL, PROMO, CRISIS, SUPPORT, REPLY, REPOST, QUOTE, NEWS, REVIEW,
    VIDEO, SPAM, CAMPAIGN }

  /** A generated mention that later ones may reply to, repost or quote. root is the URL of its thread. */
  private record Post(String id, int brand, Kind kind, Person author, String text, String url, String root,
                      String conversationId, String lang, String place) {
  }

  /** A mention being composed. */
  private static final class Draft {
    final Platform platform;
    final Kind kind;
    final int brand;
    final Person author;
    String lang = "en";
    String text;
    Post parent;
    String repostOf;
    String quoteOf;
    boolean threadRoot = true;
    String place;
    String title;
    final Map<String, String> extras = new LinkedHashMap<>();

    Draft(Platform platform, Kind kind, int brand, Person author) {
      this.platform = platform;
      this.kind = kind;
      this.brand = brand;
      this.author = author;
    }
  }

  private final SplittableRandom rnd;
  private final SampleAuthors authors;
  private final long startMillis;
  private final double rate;
  /** The rate of the arrivals one by one: all but the spam runs' and campaigns' posts. */
  private final double singleRate;
  private final double[] brandCumulative;
  private final long[] lastId = new long[PLATFORMS.length];
  private final List<Ring> recent = new ArrayList<>();
  /** The spam runs and campaigns under way, and the next of each to start. */
  private final List<Run> runs = new ArrayList<>();
  private double elapsed;
  private long lastCreated;
  private int burstBrand = -1;
  private double burstEnd;
  private double burstRate;

  /**
   * @param seed              the same seed gives the same mentions
   * @param start             the {@code created_at} the stream starts from
   * @param mentionsPerSecond the average rate, over all brands and platforms
   */
  public SampleMentions(long seed, Instant start, double mentionsPerSecond) {
    Objects.requireNonNull(start, "start");
    if (!(mentionsPerSecond > 0) || Double.isInfinite(mentionsPerSecond)) {
      throw new IllegalArgumentException("mentionsPerSecond must be positive, not " + mentionsPerSecond);
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
    for (Platform p : PLATFORMS) {
      recent.add(new Ring());
      lastId[p.ordinal()] = switch (p) {
        case reddit -> rnd.nextLong(2_900_000_000L, 3_000_000_000L);
        case facebook -> rnd.nextLong(1_000_000_000_000_000L, 1_100_000_000_000_000L);
        case other -> rnd.nextLong(100_000, 900_000);
        default -> rnd.nextLong(1L << 40, 1L << 41);
      };
    }
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
    Draft d = arrive();
    long created = Math.max(lastCreated, startMillis + (long) (elapsed * 1000));
    lastCreated = created;
    return emit(d, created);
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
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The {@code created_at} of the latest mention, or the start. */
  public Instant currentTime() {
    return Instant.ofEpochMilli(lastCreated);
  }

  /**
   * A crisis from now (in stream time) for {@code duration}: the brand's mentions come {@code factor} times as often,
   * the extra ones angry posts about the same incident (under one hashtag, e.g. #BlueJetMeltdown) and headlines. The
   * overall rate rises accordingly. A new burst replaces the one under way.
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
  private Draft arrive() {
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
      // Memoryless: when a run's post or the end of the burst comes first, the next single arrival is drawn again
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
      return inBurst && rnd.nextDouble() * r < burstRate ? crisis(burstBrand)
          : compose(PLATFORMS[pick(PLATFORM_WEIGHTS)]);
    }
  }

  private double exponential(double rate) {
    return -StrictMath.log(1.0 - rnd.nextDouble()) / rate;
  }

  private Instant instant(double seconds) {
    return Instant.ofEpochMilli(startMillis + (long) (seconds * 1000));
  }

  /** The run's next post; on its first, the next run of the kind is scheduled. */
  private Draft post(Run run) {
    if (run.posted == 0) {
      runs.add(run.successor());
    }
    Draft d = run.draft();
    run.posted++;
    if (run.posted == run.posts) {
      runs.remove(run);
    } else {
      run.at += run.gap();
    }
    return d;
  }

  /** Posts that come at times of their own rather than one by one: a spam bot's burst, or a campaign's copies. */
  private abstract class Run {
    /** The stream time of the next post, in seconds. */
    double at;
    final int posts;
    int posted;

    Run(double at, int posts) {
      this.at = at;
      this.posts = posts;
    }

    abstract Draft draft();

    /** Seconds to the next post. */
    abstract double gap();

    /** The next run of the kind, starting after this one starts. */
    abstract Run successor();
  }

  /** A bot posting several pitches of one theme within minutes: what the listen job flags as a new account's burst. */
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
    Draft draft() {
      return spam(bot, pitches);
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

  /** One campaign message about a brand, posted by ordinary people within the hour, no one twice. */
  private final class CampaignRun extends Run {
    final int brand;
    final String message;
    final String hashtag;
    final Set<Person> posters = new HashSet<>();

    CampaignRun(double at) {
      super(at, rnd.nextInt(MIN_CAMPAIGN_COPIES, MAX_CAMPAIGN_COPIES + 1));
      brand = pickBrand();
      Fill f = fill(brand);
      Campaign campaign = SampleAuthors.pick(f.cat.campaigns(), rnd);
      message = f.apply(campaign.message());
      hashtag = f.brand.hashtag() + campaign.hashtagSuffix();
    }

    /** Campaigns start at the rate that makes their copies {@link #CAMPAIGN_SHARE} of the stream. */
    static double startRate(double rate) {
      return rate * CAMPAIGN_SHARE / ((MIN_CAMPAIGN_COPIES + MAX_CAMPAIGN_COPIES) / 2.0);
    }

    @Override
    Draft draft() {
      Platform p = rnd.nextDouble() < 0.75 ? Platform.x : Platform.facebook;
      Person poster = authors.pick(p, rnd);
      while (!posters.add(poster)) {
        poster = authors.pick(p, rnd);
      }
      Draft d = new Draft(p, Kind.CAMPAIGN, brand, poster);
      String link = rnd.nextDouble() < 0.7
          ? "https://petitions.example/" + hashtag.toLowerCase(Locale.ROOT) + "?ref=" + token(6) : shortlink();
      d.text = copyOf(message, SampleVocabulary.BRANDS.get(brand), p) + " " + link + " #" + hashtag
          + (rnd.nextDouble() < 0.2 ? " " + SampleAuthors.pick(CAMPAIGN_EMOJI, rnd) : "");
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

  // ---- composing, by platform ----

  private Draft compose(Platform p) {
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

  private Draft x() {
    Ring xs = recent.get(Platform.x.ordinal());
    double u = rnd.nextDouble();
    if (u < 0.10 && xs.size() > 0) {
      return repost(xs);
    }
    if (u < 0.13 && xs.size() > 0) {
      Post parent = mostFollowed(xs);
      Draft d = userDraft(Platform.x, Kind.QUOTE, parent.brand(), parent.author());
      d.text = noise(fill(d.brand).apply(SampleAuthors.pick(SampleVocabulary.QUOTES, rnd)), d) + " " + parent.url();
      d.quoteOf = parent.id();
      return d;
    }
    if (u < 0.20) {
      Draft d = supportReply(Platform.x);
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
    Draft d = userDraft(Platform.x, pickKind(brand), brand, null);
    Fill f = fill(brand);
    String text = shortText(d, f);
    if (d.lang.equals("en")) {
      if (rnd.nextDouble() < 0.25 && matches(HASHTAG, text).isEmpty()) {
        text += " " + f.apply("{#topic}");
      }
      if (rnd.nextDouble() < 0.08) {
        text += " " + f.apply("{url}");
      }
      text = noise(text, d);
    }
    d.text = text;
    return d;
  }

  private Draft repost(Ring xs) {
    Post original = mostFollowed(xs);
    Draft d = new Draft(Platform.x, Kind.REPOST, original.brand(), otherAuthor(Platform.x, original.author()));
    d.lang = original.lang();
    d.text = "RT @" + original.author().username() + ": " + original.text();
    d.repostOf = original.id();
    return d;
  }

  /** Of three recent posts, the one whose author has the most followers: the ones that get reposted and quoted. */
  private Post mostFollowed(Ring ring) {
    Post best = null;
    for (int i = 0; i < 3; i++) {
      Post p = ring.get(rnd.nextInt(ring.size()));
      long f = p.author().followers() == null ? 0 : p.author().followers();
      if (best == null || f > (best.author().followers() == null ? 0 : best.author().followers())) {
        best = p;
      }
    }
    return best;
  }

  private Draft userReply(Platform p, Post parent) {
    Draft d = userDraft(p, Kind.REPLY, parent.brand(), parent.author());
    d.lang = "en";
    List<String> templates = switch (parent.kind()) {
      case COMPLAINT, CRISIS, CAMPAIGN -> SampleVocabulary.REPLIES_TO_COMPLAINT;
      case PRAISE, PROMO -> SampleVocabulary.REPLIES_TO_PRAISE;
      case QUESTION -> SampleVocabulary.REPLIES_TO_QUESTION;
      case SUPPORT -> SampleVocabulary.REPLIES_TO_SUPPORT;
      default -> SampleVocabulary.REPLIES_TO_NEUTRAL;
    };
    d.text = "@" + parent.author().username() + " " + noise(fill(d.brand).apply(SampleAuthors.pick(templates, rnd)), d);
    reply(d, parent);
    return d;
  }

  /** A brand's customer-service answer to a recent complaint, question or praise on the platform, if any. */
  private Draft supportReply(Platform p) {
    Ring ring = recent.get(p.ordinal());
    List<Post> candidates = new ArrayList<>();
    for (int i = 0; i < Math.min(40, ring.size()); i++) {
      Post post = ring.get(i);
      if (!post.author().brandAccount() && switch (post.kind()) {
        case COMPLAINT, CRISIS, QUESTION, PRAISE -> true;
        default -> false;
      }) {
        candidates.add(post);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    Post parent = candidates.get(rnd.nextInt(candidates.size()));
    Draft d = new Draft(p, Kind.SUPPORT, parent.brand(), authors.support(parent.brand(), p));
    Fill f = fill(parent.brand());
    f.first = parent.author().firstName();
    Foreign foreign = SampleVocabulary.foreign(parent.lang() == null ? "en" : parent.lang());
    String template;
    if (foreign != null && parent.kind() != Kind.PRAISE) {
      template = foreign.support();
      d.lang = foreign.lang();
    } else {
      template = SampleAuthors.pick(switch (parent.kind()) {
        case QUESTION -> SampleVocabulary.SUPPORT_TO_QUESTION;
        case PRAISE -> SampleVocabulary.SUPPORT_TO_PRAISE;
        default -> SampleVocabulary.SUPPORT_TO_COMPLAINT;
      }, rnd);
    }
    d.text = "@" + parent.author().username() + " " + f.apply(template);
    reply(d, parent);
    return d;
  }

  private Draft promo(Platform p, int brand) {
    Draft d = new Draft(p, Kind.PROMO, brand, authors.official(brand, p));
    d.text = fill(brand).apply(SampleAuthors.pick(p == Platform.facebook
        ? SampleVocabulary.FACEBOOK_PAGE_POSTS : SampleVocabulary.PROMOS, rnd));
    return d;
  }

  private Draft reddit() {
    Ring ring = recent.get(Platform.reddit.ordinal());
    if (ring.size() > 0 && rnd.nextDouble() < 0.6) {
      Post parent = ring.get(rnd.nextInt(Math.min(ring.size(), 64)));
      Draft d = userDraft(Platform.reddit, Kind.REPLY, parent.brand(), parent.author());
      d.lang = null;
      d.text = noise(fill(d.brand).apply(SampleAuthors.pick(SampleVocabulary.REDDIT_COMMENTS, rnd)), d);
      d.place = parent.place();
      d.extras.put("subreddit", d.place);
      d.extras.put("kind", "comment");
      reply(d, parent);
      return d;
    }
    int brand = pickBrand();
    Draft d = userDraft(Platform.reddit, pickKind(brand), brand, null);
    d.lang = null;
    Fill f = fill(brand);
    Category cat = f.cat;
    d.place = rnd.nextDouble() < 0.25 ? "r/" + f.brand.hashtag() : SampleAuthors.pick(cat.subreddits(), rnd);
    longPost(d, f);
    d.extras.put("subreddit", d.place);
    d.extras.put("kind", "post");
    return d;
  }

  /** A Reddit or forum post: a title, a blank line and a body. */
  private void longPost(Draft d, Fill f) {
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
    d.text = title + "\n\n" + noise(body, d);
  }

  private Draft instagram() {
    Ring ring = recent.get(Platform.instagram.ordinal());
    double u = rnd.nextDouble();
    if (u < 0.10) {
      Draft d = supportReply(Platform.instagram);
      if (d != null) {
        return d;
      }
    }
    if (u < 0.15) {
      return promo(Platform.instagram, pickBrand());
    }
    if (u < 0.50 && ring.size() > 0) {
      Post parent = ring.get(rnd.nextInt(Math.min(ring.size(), 64)));
      Kind kind = pickKind(parent.brand());
      Draft d = userDraft(Platform.instagram, kind, parent.brand(), parent.author());
      Fill f = fill(d.brand);
      d.text = d.lang.equals("en") && kind != Kind.COMPLAINT
          ? f.apply(SampleAuthors.pick(SampleVocabulary.INSTAGRAM_COMMENTS, rnd)) : shortText(d, f);
      d.text = noise(d.text, d);
      reply(d, parent);
      return d;
    }
    int brand = pickBrand();
    Draft d = userDraft(Platform.instagram, pickKind(brand), brand, null);
    Fill f = fill(brand);
    String caption;
    if (!d.lang.equals("en") || d.kind == Kind.QUESTION) {
      caption = shortText(d, f);
    } else if (d.kind == Kind.COMPLAINT) {
      caption = f.apply(SampleAuthors.pick(SampleVocabulary.INSTAGRAM_CAPTIONS_BAD, rnd));
    } else if (d.kind == Kind.NEUTRAL) {
      caption = f.apply("{neutral}");
    } else {
      caption = f.apply(SampleAuthors.pick(SampleVocabulary.INSTAGRAM_CAPTIONS_GOOD, rnd));
    }
    caption = noise(caption, d);
    d.text = caption + "\n\n" + hashtags(caption, f, SampleVocabulary.INSTAGRAM_TAGS, 3 + rnd.nextInt(5));
    return d;
  }

  private Draft tiktok() {
    int brand = pickBrand();
    Draft d = userDraft(Platform.tiktok, pickKind(brand), brand, null);
    Fill f = fill(brand);
    String caption = d.lang.equals("en")
        ? noise(f.apply(SampleAuthors.pick(SampleVocabulary.TIKTOK_CAPTIONS, rnd)), d) : shortText(d, f);
    d.text = caption + " " + hashtags(caption, f, SampleVocabulary.TIKTOK_TAGS, 2 + rnd.nextInt(4));
    d.extras.put("sound", rnd.nextDouble() < 0.6 ? "original sound - " + d.author.username()
        : SampleAuthors.pick(SampleVocabulary.TIKTOK_SOUNDS, rnd));
    return d;
  }

  private Draft facebook() {
    Ring ring = recent.get(Platform.facebook.ordinal());
    double u = rnd.nextDouble();
    if (u < 0.10) {
      Draft d = supportReply(Platform.facebook);
      if (d != null) {
        return d;
      }
    }
    if (u < 0.30) {
      return promo(Platform.facebook, pickBrand());
    }
    if (u < 0.70 && ring.size() > 0) {
      Post parent = ring.get(rnd.nextInt(Math.min(ring.size(), 64)));
      Draft d = userDraft(Platform.facebook, pickKind(parent.brand()), parent.brand(), parent.author());
      d.text = noise(shortText(d, fill(d.brand)), d);
      reply(d, parent);
      return d;
    }
    int brand = pickBrand();
    Draft d = userDraft(Platform.facebook, pickKind(brand), brand, null);
    Fill f = fill(brand);
    if (!d.lang.equals("en")) {
      d.text = shortText(d, f);
    } else {
      d.text = noise(f.apply(switch (d.kind) {
        case COMPLAINT -> SampleAuthors.pick(SampleVocabulary.FACEBOOK_COMPLAINTS, rnd);
        case PRAISE -> SampleAuthors.pick(SampleVocabulary.FACEBOOK_PRAISES, rnd);
        case QUESTION -> "{question}";
        default -> "{neutral}";
      }), d);
    }
    return d;
  }

  private Draft youtube() {
    Ring videos = recent.get(Platform.youtube.ordinal());
    if (videos.size() > 0 && rnd.nextDouble() < 0.85) {
      Post video = videos.get(rnd.nextInt(Math.min(videos.size(), 32)));
      Draft d = userDraft(Platform.youtube, pickKind(video.brand()), video.brand(), video.author());
      Fill f = fill(d.brand);
      d.text = d.lang.equals("en")
          ? noise(f.apply(SampleAuthors.pick(SampleVocabulary.YOUTUBE_COMMENTS, rnd)), d) : shortText(d, f);
      d.lang = null; // the platform does not say
      d.extras.put("kind", "comment");
      d.extras.put("video_id", video.id());
      reply(d, video);
      return d;
    }
    int brand = pickBrand();
    Draft d = new Draft(Platform.youtube, Kind.VIDEO, brand, authors.pick(Platform.youtube, rnd));
    Fill f = fill(brand);
    d.title = f.apply(SampleAuthors.pick(f.cat.videoTitles(), rnd));
    d.text = d.title + "\n\n" + f.apply(SampleAuthors.pick(SampleVocabulary.YOUTUBE_DESCRIPTIONS, rnd));
    d.extras.put("kind", "video");
    return d;
  }

  private Draft news(int brand, boolean crisis) {
    Person outlet = authors.outlet(rnd);
    Draft d = new Draft(Platform.news, crisis ? Kind.CRISIS : Kind.NEWS, brand, outlet);
    d.threadRoot = false;
    d.lang = outlet.lang();
    Fill f = fill(brand);
    Foreign foreign = SampleVocabulary.foreign(d.lang);
    String headline;
    if (crisis && foreign == null) {
      headline = f.apply(SampleAuthors.pick(SampleVocabulary.CRISIS_HEADLINES, rnd));
    } else {
      headline = f.apply(SampleAuthors.pick(foreign == null ? f.cat.headlines() : foreign.headlines(), rnd));
    }
    d.title = headline;
    List<String> ledes = SampleVocabulary.NEWS_LEDES;
    if (headline.contains(f.rival().name())) {
      ledes = ledes.subList(0, ledes.size() - 1); // not "shares of rival X" when X is in the story
    }
    d.text = foreign == null ? headline + "\n\n" + f.apply(SampleAuthors.pick(ledes, rnd)) : headline;
    d.place = f.cat.section();
    for (Outlet o : SampleVocabulary.OUTLETS) {
      if (o.handle().equals(outlet.username())) {
        d.extras.put("outlet", o.name());
      }
    }
    d.extras.put("section", d.place);
    return d;
  }

  private Draft review() {
    int brand = pickBrand();
    Brand b = SampleVocabulary.BRANDS.get(brand);
    double neg = b.negativity();
    int rating = 1 + pick(new double[] {0.20 * neg, 0.10 * neg, 0.10, 0.18, 0.42});
    Kind tone = rating <= 2 ? Kind.COMPLAINT : rating >= 4 ? Kind.PRAISE : Kind.NEUTRAL;
    Draft d = userDraft(Platform.review, tone, brand, null);
    Fill f = fill(brand);
    String stars = "★".repeat(rating) + "☆".repeat(5 - rating);
    Foreign foreign = SampleVocabulary.foreign(d.lang);
    if (foreign != null) {
      d.text = stars + " " + f.apply(SampleAuthors.pick(rating <= 2 ? foreign.reviewLow()
          : rating == 3 ? foreign.reviewMid() : foreign.reviewHigh(), rnd));
    } else {
      String title = SampleAuthors.pick(SampleVocabulary.REVIEW_TITLES.get(rating - 1), rnd);
      String body = f.apply(SampleAuthors.pick(rating <= 2 ? SampleVocabulary.REVIEW_BODIES_LOW
          : rating == 3 ? SampleVocabulary.REVIEW_BODIES_MID : SampleVocabulary.REVIEW_BODIES_HIGH, rnd));
      String head = rnd.nextBoolean() ? stars + " " + title : SampleVocabulary.STAR_WORDS.get(rating - 1) + ": " + title;
      d.text = head + "\n" + noise(body, d);
    }
    d.threadRoot = false;
    d.extras.put("rating", Integer.toString(rating));
    d.extras.put("product", f.product());
    d.extras.put("verified_purchase", Boolean.toString(rnd.nextDouble() < 0.7));
    return d;
  }

  private Draft forum() {
    Ring ring = recent.get(Platform.other.ordinal());
    if (ring.size() > 0 && rnd.nextDouble() < 0.4) {
      Post parent = ring.get(rnd.nextInt(Math.min(ring.size(), 32)));
      Draft d = userDraft(Platform.other, Kind.REPLY, parent.brand(), parent.author());
      d.lang = null;
      d.text = noise(fill(d.brand).apply(SampleAuthors.pick(SampleVocabulary.REDDIT_COMMENTS, rnd)), d);
      d.place = parent.place();
      d.extras.put("site", d.place);
      d.extras.put("kind", "reply");
      reply(d, parent);
      return d;
    }
    int brand = pickBrand();
    Draft d = userDraft(Platform.other, pickKind(brand), brand, null);
    d.lang = null;
    Fill f = fill(brand);
    d.place = f.cat.forum();
    longPost(d, f);
    d.extras.put("site", d.place);
    d.extras.put("kind", "thread");
    return d;
  }

  /** A mention of the burst's incident. */
  private Draft crisis(int brand) {
    double u = rnd.nextDouble();
    if (u < 0.10) {
      return news(brand, true);
    }
    Platform p = u < 0.65 ? Platform.x : u < 0.75 ? Platform.reddit : u < 0.85 ? Platform.tiktok
        : u < 0.95 ? Platform.facebook : Platform.instagram;
    Draft d = userDraft(p, Kind.CRISIS, brand, null);
    d.lang = p == Platform.reddit ? null : "en";
    Fill f = fill(brand);
    if (p == Platform.reddit) {
      d.place = SampleAuthors.pick(f.cat.subreddits(), rnd);
      d.title = f.apply("Anyone else? {brand} {crisis}");
      d.text = d.title + "\n\n" + f.apply("Just saw this. {brand} {crisis} and support lines are jammed. "
          + "What are our options?");
      d.extras.put("subreddit", d.place);
      d.extras.put("kind", "post");
      return d;
    }
    d.text = noise(f.apply(SampleAuthors.pick(SampleVocabulary.CRISIS_POSTS, rnd)), d);
    if (p == Platform.tiktok) {
      d.text += " " + hashtags(d.text, f, SampleVocabulary.TIKTOK_TAGS, 2);
      d.extras.put("sound", "original sound - " + d.author.username());
    } else if (p == Platform.instagram) {
      d.text += "\n\n" + hashtags(d.text, f, SampleVocabulary.INSTAGRAM_TAGS, 3);
    }
    return d;
  }

  /** A bot's pitch about a brand, as a reply under a popular post half the time, sometimes stuffed with hashtags. */
  private Draft spam(Person bot, List<String> pitches) {
    Ring ring = recent.get(bot.platform().ordinal());
    Post parent = ring.size() > 0 && rnd.nextBoolean() ? mostFollowed(ring) : null;
    int brand = parent != null ? parent.brand() : pickBrand();
    Draft d = new Draft(bot.platform(), Kind.SPAM, brand, bot);
    Fill f = fill(brand);
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
   * One person's copy of a campaign message: as pasted, or with a friend tagged, or naming rather than tagging the
   * brand, and now and then in lower or upper case.
   */
  private String copyOf(String message, Brand brand, Platform p) {
    String copy = message;
    double u = rnd.nextDouble();
    if (u < 0.25) {
      copy = "@" + authors.pick(p, rnd).username() + " " + copy;
    } else if (u < 0.4) {
      copy = copy.replace("@" + brand.handle(), brand.name());
    }
    double c = rnd.nextDouble();
    if (c < 0.08) {
      copy = mapTokens(copy, t -> t.toLowerCase(Locale.ROOT));
    } else if (c < 0.14) {
      copy = mapTokens(copy, t -> t.toUpperCase(Locale.ROOT));
    }
    return copy;
  }

  // ---- composing helpers ----

  /** A draft by an ordinary author on the platform, not {@code avoid}, writing in their language now and then. */
  private Draft userDraft(Platform p, Kind kind, int brand, Person avoid) {
    Person author = otherAuthor(p, avoid);
    Draft d = new Draft(p, kind, brand, author);
    boolean localised = switch (p) {
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

  private void reply(Draft d, Post parent) {
    d.parent = parent;
    d.threadRoot = false;
  }

  /** A short social text of the draft's kind, in its language. */
  private String shortText(Draft d, Fill f) {
    Foreign foreign = SampleVocabulary.foreign(d.lang == null ? "en" : d.lang);
    List<String> templates = switch (d.kind) {
      case COMPLAINT -> foreign == null ? SampleVocabulary.COMPLAINTS : foreign.complaints();
      case PRAISE -> foreign == null ? SampleVocabulary.PRAISES : foreign.praises();
      case QUESTION -> foreign == null ? List.of("{question}", "{@brand} {question}", "Quick question: {question}")
          : foreign.questions();
      default -> foreign == null ? List.of("{neutral}", "{neutral} {#brand}", "{neutral} {#topic}") : foreign.neutrals();
    };
    return f.apply(SampleAuthors.pick(templates, rnd));
  }

  /** Hashtags to follow {@code caption}: the brand's (mostly), the category's, the platform's or spam's, none twice. */
  private String hashtags(String caption, Fill f, List<String> platformTags, int count) {
    List<String> used = new ArrayList<>();
    for (String tag : matches(HASHTAG, caption)) {
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

  private Kind pickKind(int brand) {
    double neg = SampleVocabulary.BRANDS.get(brand).negativity();
    return new Kind[] {Kind.COMPLAINT, Kind.PRAISE, Kind.QUESTION, Kind.NEUTRAL}[
        pick(new double[] {0.30 * neg, 0.25 / Math.sqrt(neg), 0.15, 0.30})];
  }

  private int pickBrand() {
    return SampleAuthors.search(brandCumulative, rnd.nextDouble() * brandCumulative[brandCumulative.length - 1]);
  }

  private int pick(double[] weights) {
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

  // ---- social-text noise ----

  /** Shouting, stretched words and typos, for English texts by ordinary people. */
  private String noise(String text, Draft d) {
    if (!"en".equals(d.lang) && d.lang != null) {
      return text;
    }
    boolean casual = d.platform == Platform.x || d.platform == Platform.tiktok || d.platform == Platform.instagram;
    if ((d.kind == Kind.COMPLAINT || d.kind == Kind.CRISIS) && rnd.nextDouble() < 0.15) {
      text = mapTokens(text, t -> t.toUpperCase(Locale.ROOT));
    } else if (casual && rnd.nextDouble() < 0.08) {
      text = mapTokens(text, t -> t.toLowerCase(Locale.ROOT));
    }
    if (rnd.nextDouble() < 0.15) {
      text = stretch(text);
    }
    if (rnd.nextDouble() < 0.05) {
      text = typo(text);
    }
    return text;
  }

  /** Applies {@code f} to every token but links and handles, keeping the whitespace. */
  private static String mapTokens(String text, UnaryOperator<String> f) {
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String t = m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(t.startsWith("http") || t.startsWith("@") ? t : f.apply(t)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Plain words (letters, maybe followed by punctuation): their start and end offsets. */
  private static List<int[]> words(String text) {
    List<int[]> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      int end = m.start();
      while (end < m.end() && Character.isLetter(text.charAt(end))) {
        end++;
      }
      boolean rest = true;
      for (int i = end; i < m.end(); i++) {
        rest &= ".,!?".indexOf(text.charAt(i)) >= 0;
      }
      if (end > m.start() && rest) {
        words.add(new int[] {m.start(), end});
      }
    }
    return words;
  }

  /** "so" to "soooo", "please" to "pleaseee", "bad" to "baaad": one word. */
  private String stretch(String text) {
    for (int[] w : words(text)) {
      String word = text.substring(w[0], w[1]);
      if (STRETCHY.contains(word.toLowerCase(Locale.ROOT))) {
        int at = w[1] - 1;
        if ("aeiouyAEIOUY".indexOf(text.charAt(at)) < 0) {
          while (at > w[0] && "aeiouAEIOU".indexOf(text.charAt(at)) < 0) {
            at--;
          }
        }
        String extra = String.valueOf(text.charAt(at)).repeat(2 + rnd.nextInt(3));
        return text.substring(0, at + 1) + extra + text.substring(at + 1);
      }
    }
    return text;
  }

  /** Two neighbouring letters swapped in one longer word. */
  private String typo(String text) {
    List<int[]> candidates = new ArrayList<>();
    for (int[] w : words(text)) {
      if (w[1] - w[0] >= 5) {
        candidates.add(w);
      }
    }
    if (candidates.isEmpty()) {
      return text;
    }
    int[] w = candidates.get(rnd.nextInt(candidates.size()));
    int i = w[0] + 1 + rnd.nextInt(w[1] - w[0] - 2);
    char[] chars = text.toCharArray();
    char c = chars[i];
    chars[i] = chars[i + 1];
    chars[i + 1] = c;
    return new String(chars);
  }

  // ---- the record ----

  private Mention emit(Draft d, long created) {
    String id = nextId(d, created);
    String url = url(d, id, created);
    String conversation = d.parent != null ? d.parent.conversationId() : d.threadRoot ? id : null;
    long delay = d.platform == Platform.news || d.platform == Platform.review || d.platform == Platform.other
        ? Math.min(300_000, Math.round(SampleAuthors.logNormal(rnd, 20_000, 1.0)))
        : Math.min(30_000, 150 + Math.round(SampleAuthors.logNormal(rnd, 600, 0.9)));
    Mention mention = Mention.newBuilder()
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
        .setHashtags(matches(HASHTAG, d.text))
        .setMentions(matches(HANDLE, d.text))
        .setUrls(urls(d.text))
        .setGeo(geo(d.author))
        .setSource(SOURCE)
        .setExtras(d.extras)
        .build();
    // Spam is not worth a reply or a repost; the platforms soon hide it anyway.
    boolean remember = d.kind != Kind.REPOST && d.kind != Kind.SPAM
        && (d.platform != Platform.youtube || d.kind == Kind.VIDEO)
        && d.platform != Platform.news && d.platform != Platform.review;
    if (remember) {
      String root = d.parent != null ? d.parent.root() : url;
      recent.get(d.platform.ordinal()).add(new Post(id, d.brand, d.kind, d.author, d.text, url, root, conversation,
          d.lang, d.place));
    }
    return mention;
  }

  /** Distinct captured tokens, in order of appearance. */
  static List<String> matches(Pattern pattern, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (!out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  static List<String> urls(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      String url = m.group().replaceAll("[.,!?)]+$", "");
      if (!out.contains(url)) {
        out.add(url);
      }
    }
    return out;
  }

  /**
   * A fresh id, unique on the platform: time-ordered 64-bit ids like the platforms' own where they have them (X,
   * Instagram, TikTok), counters elsewhere, formatted as the platform does.
   */
  private String nextId(Draft d, long ms) {
    Platform p = d.platform;
    int i = p.ordinal();
    long floor = switch (p) {
      case x -> Math.max(0, ms - 1_288_834_974_657L) << 22 | rnd.nextLong(1L << 22);
      case instagram -> Math.max(0, ms - 1_314_220_021_721L) << 23 | rnd.nextLong(1L << 23);
      case tiktok -> (ms / 1000) << 32 | rnd.nextLong(1L << 32);
      default -> 0;
    };
    long id = Math.max(floor, lastId[i] + 1 + rnd.nextInt(floor == 0 ? 50 : 1));
    lastId[i] = id;
    return switch (p) {
      case reddit -> Long.toString(id, 36);
      case youtube -> d.kind == Kind.VIDEO ? base64url(mix(id), 11) : "Ugz" + base64url(mix(id), 11) + "4AaABAg";
      case news -> String.format(Locale.ROOT, "%016x", mix(id));
      case review -> "R" + Long.toUnsignedString(mix(id), 36).toUpperCase(Locale.ROOT);
      default -> Long.toString(id);
    };
  }

  private String url(Draft d, String id, long created) {
    String user = d.author.username();
    String root = d.parent == null ? null : d.parent.root();
    return switch (d.platform) {
      case x -> "https://x.example/" + user + "/status/" + id;
      case reddit -> root != null ? root + "comment/" + id + "/"
          : "https://reddit.example/" + d.place + "/comments/" + id + "/" + slug(d.title) + "/";
      case instagram -> root != null ? root + "c/" + id + "/"
          : "https://instagram.example/p/" + base64url(Long.parseLong(id), 11) + "/";
      case tiktok -> "https://tiktok.example/@" + user + "/video/" + id;
      case facebook -> root != null ? root + "?comment_id=" + id : "https://facebook.example/" + user + "/posts/" + id;
      case youtube -> root != null ? root + "&lc=" + id : "https://youtube.example/watch?v=" + id;
      case news -> {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(created), ZoneOffset.UTC);
        yield "https://" + user + ".example/" + d.place + "/" + day.getYear() + "/" + two(day.getMonthValue()) + "/"
            + two(day.getDayOfMonth()) + "/" + slug(d.title) + "-" + id;
      }
      case review -> "https://reviews.example/" + SampleVocabulary.BRANDS.get(d.brand).handle() + "/review/" + id;
      default -> root != null ? root + "/" + id : "https://" + d.place + "/t/" + slug(d.title) + "/" + id;
    };
  }

  private Engagement engagement(Draft d) {
    Engagement.Builder e = Engagement.newBuilder();
    double f = d.author.followers() == null ? 0 : d.author.followers();
    double scale = d.parent != null ? 0.15 : 1.0;
    switch (d.platform) {
      case x -> {
        if (d.kind == Kind.REPOST) {
          return e.setLikes(0L).setReplies(0L).setReposts(0L).setQuotes(0L).build();
        }
        double likes = scale * (f * 0.004 * noise(1.2) + rnd.nextInt(4));
        boolean asks = d.kind == Kind.COMPLAINT || d.kind == Kind.QUESTION || d.kind == Kind.CRISIS;
        e.setLikes(count(likes))
            .setReplies(count(likes * 0.07 * noise(0.7) + (asks ? rnd.nextInt(3) : 0)))
            .setReposts(count(likes * 0.12 * noise(0.8)))
            .setQuotes(count(likes * 0.012 * noise(0.8)))
            .setViews(count(scale * f * 0.15 * noise(1.0) + likes * 25 + rnd.nextInt(40) + 1));
      }
      case reddit -> {
        double score = d.parent == null ? SampleAuthors.logNormal(rnd, 8, 1.6) : SampleAuthors.logNormal(rnd, 3, 1.3);
        e.setLikes(count(score)).setReplies(count(d.parent == null ? score * 0.3 * noise(0.8) : rnd.nextInt(3)));
      }
      case instagram -> {
        double likes = scale * (f * 0.03 * noise(1.1) + rnd.nextInt(5));
        e.setLikes(count(likes)).setReplies(count(likes * 0.03 * noise(0.8)));
      }
      case tiktok -> {
        double views = f * 0.8 * noise(1.2) + SampleAuthors.logNormal(rnd, 300, 1.8);
        double likes = views * 0.06 * noise(0.6);
        e.setViews(count(views)).setLikes(count(likes)).setReplies(count(likes * 0.02 * noise(0.6)))
            .setReposts(count(likes * 0.03 * noise(0.7)));
      }
      case facebook -> {
        double likes = scale * (f * 0.01 * noise(1.1) + rnd.nextInt(4));
        e.setLikes(count(likes)).setReplies(count(likes * 0.15 * noise(0.8)))
            .setReposts(count(likes * 0.05 * noise(0.8)));
      }
      case youtube -> {
        if (d.kind == Kind.VIDEO) {
          double views = f * 0.5 * noise(1.2) + SampleAuthors.logNormal(rnd, 200, 1.5);
          double likes = views * 0.03 * noise(0.5);
          e.setViews(count(views)).setLikes(count(likes)).setReplies(count(likes * 0.1 * noise(0.6)));
        } else {
          e.setLikes(count(SampleAuthors.logNormal(rnd, 2, 1.5) - 1)).setReplies((long) rnd.nextInt(3));
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

  /** A country for about 30% of mentions (the author's home), coordinates near a city for about 5%. */
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

  // ---- template filling ----

  private Fill fill(int brand) {
    return new Fill(brand);
  }

  /** Fills the slots of templates about one brand; a text's product, rival, problem, praise etc. stay the same. */
  private final class Fill {
    final Brand brand;
    final Category cat;
    String first = "there";
    private Brand rival;
    private String product;
    private String city;
    private String food;
    private String problem;
    private String praise;

    Fill(int brand) {
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
        case "problem" -> problem != null ? problem : (problem = apply(SampleAuthors.pick(cat.problems(), rnd)));
        case "praise" -> praise != null ? praise : (praise = apply(SampleAuthors.pick(cat.praises(), rnd)));
        case "crisis" -> apply(cat.crisis());
        case "neutral" -> apply(SampleAuthors.pick(cat.neutrals(), rnd));
        case "question" -> apply(SampleAuthors.pick(cat.questions(), rnd));
        case "person" -> brand.spokesperson();
        case "city" -> city != null ? city : (city = SampleAuthors.pick(SampleVocabulary.CITIES, rnd));
        case "food" -> food != null ? food : (food = SampleAuthors.pick(SampleVocabulary.FOODS, rnd));
        case "n" -> Integer.toString(2 + rnd.nextInt(8));
        case "mins" -> Integer.toString(10 + rnd.nextInt(46));
        case "pct" -> Integer.toString(2 + rnd.nextInt(13));
        case "price" -> "$" + (5 + rnd.nextInt(56));
        case "sec" -> two(rnd.nextInt(60));
        case "ref" -> cat.ref();
        case "first" -> first;
        case "sig" -> "" + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26));
        case "link" -> "https://" + brand.domain() + "/" + SampleAuthors.pick(List.of("new", "offers", "app"), rnd)
            + "/" + token(6);
        case "help" -> "https://" + brand.domain() + "/help/" + token(6);
        case "jobs" -> "https://" + brand.domain() + "/careers/" + token(6);
        case "shortlink" -> shortlink();
        case "url" -> rnd.nextBoolean() ? "https://pic.x.example/" + token(10)
            : "https://example.com/" + SampleAuthors.pick(List.of("news", "blog", "photos", "watch"), rnd) + "/"
              + token(8);
        case "friend" -> authors.pick(Platform.instagram, rnd).username();
        case "e+" -> SampleAuthors.pick(rnd.nextDouble() < 0.25 ? cat.emoji() : SampleVocabulary.EMOJI_GOOD, rnd);
        case "e-" -> SampleAuthors.pick(SampleVocabulary.EMOJI_BAD, rnd);
        case "e?" -> SampleAuthors.pick(SampleVocabulary.EMOJI_UNSURE, rnd);
        default -> throw new IllegalStateException("no slot {" + name + "} in sample templates");
      };
    }
  }

  // ---- small formats ----

  /** A link through a URL shortener, as spam and campaigns hide theirs. */
  private String shortlink() {
    return SampleAuthors.pick(SHORTENERS, rnd) + token(7);
  }

  private String token(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(BASE62.charAt(rnd.nextInt(BASE62.length())));
    }
    return s.toString();
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** A URL slug: ASCII lowercase words joined by hyphens. */
  static String slug(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "post" : s;
  }

  /** {@code v} in {@code width} base64url digits, most significant first. */
  static String base64url(long v, int width) {
    char[] c = new char[width];
    for (int i = width - 1; i >= 0; i--) {
      c[i] = BASE64URL.charAt((int) (v & 63));
      v >>>= 6;
    }
    return new String(c);
  }

  /** A bijection on longs that scatters counters (the MurmurHash3 finalizer): distinct in, distinct out. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** The latest posts of a platform, newest first. */
  private static final class Ring {
    private final Post[] items = new Post[RECENT];
    private int size;
    private int next;

    void add(Post p) {
      items[next] = p;
      next = (next + 1) % items.length;
      size = Math.min(size + 1, items.length);
    }

    int size() {
      return size;
    }

    Post get(int age) {
      return items[Math.floorMod(next - 1 - age, items.length)];
    }
  }
}
