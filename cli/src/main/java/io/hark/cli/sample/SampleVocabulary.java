// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import java.util.List;

/**
 * The invented world of the sample stream: brands in competing groups, and the words people use about them.
 * Every brand, person, outlet and place-bound account here is fictional; domains are on the reserved {@code .example}
 * top-level domain.
 *
 * <p>Phrase templates hold slots in braces, which {@link SampleMentions} fills: {@code {brand}}, {@code {@brand}},
 * {@code {#brand}}, {@code {#fail}}, {@code {#crisis}}, {@code {#topic}}, {@code {rival}}, {@code {@rival}},
 * {@code {product}}, {@code {problem}}, {@code {praise}}, {@code {crisis}}, {@code {neutral}}, {@code {question}},
 * {@code {person}}, {@code {city}}, {@code {food}}, {@code {n}}, {@code {mins}}, {@code {pct}}, {@code {price}},
 * {@code {sec}}, {@code {ref}}, {@code {first}}, {@code {sig}}, {@code {link}}, {@code {help}}, {@code {jobs}},
 * {@code {url}}, {@code {shortlink}}, {@code {e+}},
 * {@code {e-}}, {@code {e?}}. Problems, praises and crises are past-tense verb phrases whose subject is the brand
 * ("BlueJet lost my bag"), so they also read after "they" or "you".
 */
public final class SampleVocabulary {

  private SampleVocabulary() {
  }

  /**
   * A fictional brand.
   *
   * @param name          as people write it
   * @param group         the competitive group, for share of voice: "airlines", "coffee", "phones", "food delivery"
   * @param handle        the official account's handle, without the @
   * @param supportHandle the customer-service account on X, without the @
   * @param hashtag       the camelCase brand hashtag, without the #
   * @param products      product and service names
   * @param spokesperson  the (invented) chief executive
   * @param weight        relative share of voice in the sample stream
   * @param negativity    how much more often than average people complain about it
   */
  public record Brand(String name, String group, String handle, String supportHandle, String hashtag,
                      List<String> products, String spokesperson, double weight, double negativity) {

    /** The brand's web domain, e.g. {@code skylineair.example}. */
    public String domain() {
      return handle + ".example";
    }
  }

  /** The sample brands: four groups of competitors. */
  public static final List<Brand> BRANDS = List.of(
      new Brand("Skyline Air", "airlines", "skylineair", "SkylineAirHelp", "SkylineAir",
          List.of("Skyline Plus", "SkyMiles", "Skyline Lounge", "Skyline Priority"), "Dana Whitfield", 1.5, 1.0),
      new Brand("BlueJet", "airlines", "bluejet", "BlueJetSupport", "BlueJet",
          List.of("BlueJet Extra Legroom", "Blue Pass", "BlueJet Priority"), "Marcus Bell", 1.2, 1.6),
      new Brand("Aerowave", "airlines", "aerowave", "AerowaveCares", "Aerowave",
          List.of("Aerowave Premium", "WaveMiles", "Aerowave Flex"), "Ingrid Solberg", 0.6, 0.8),
      new Brand("Brewhaus", "coffee", "brewhaus", "BrewhausCares", "Brewhaus",
          List.of("Maple Oat Latte", "Nitro Cold Brew", "Cinnamon Cloud Bun", "Hazelnut Mocha"),
          "Tomás Reyes", 1.3, 0.8),
      new Brand("Kettle & Co", "coffee", "kettleandco", "KettleAndCoHelp", "KettleAndCo",
          List.of("Chai Cloud", "Honey Flat White", "Matcha Fog", "Oat Cortado"), "Priya Natarajan", 0.7, 0.7),
      new Brand("Novaphone", "phones", "novaphone", "NovaphoneHelp", "Novaphone",
          List.of("Novaphone 12 Pro", "Novaphone 12", "NovaBuds", "Novaphone Mini"), "Elena Marsh", 1.4, 1.0),
      new Brand("Pixelion", "phones", "pixelion", "PixelionSupport", "Pixelion",
          List.of("Pixelion X3", "Pixelion Fold", "Pixelion Watch", "Pixelion X3 Lite"), "Kenji Ito", 1.0, 0.9),
      new Brand("DashBite", "food delivery", "dashbite", "DashBiteHelp", "DashBite",
          List.of("DashBite Pass", "DashBite Grocery", "DashBite Express"), "Rob Carver", 1.1, 1.3),
      new Brand("Forkly", "food delivery", "forkly", "ForklySupport", "Forkly",
          List.of("Forkly+", "Forkly Lunch Club", "Forkly Family"), "Amara Okafor", 0.6, 0.8));

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
  record Category(String group, List<String> problems, List<String> praises, List<String> neutrals,
                  List<String> questions, List<String> tags, List<String> emoji, List<String> subreddits,
                  String forum, String ref, String crisis, String crisisTag, List<String> headlines,
                  List<String> videoTitles, String section, List<Campaign> campaigns) {
  }

  /**
   * A copy-paste campaign: a message that many people post within minutes, each with their own link to the petition,
   * under the hashtag made of the brand's and the suffix (#BlueJetRefunds).
   */
  record Campaign(String message, String hashtagSuffix) {
  }

  static final List<Category> CATEGORIES = List.of(
      new Category("airlines",
          List.of("delayed my flight {n} hours", "cancelled my flight with zero notice", "lost my bag AGAIN",
              "charged me {price} for a carry-on", "kept us on the tarmac for {n} hours",
              "bumped me off an overbooked flight", "never refunded my cancelled flight",
              "broke the handle off my suitcase", "made me pay {price} to pick a seat",
              "left us at the gate for {mins} minutes with no updates"),
          List.of("upgraded me for free", "got me to {city} {mins} minutes early", "rebooked me in five minutes flat",
              "put me in the comfiest new seats", "gave us the best crew ever on the {city} flight",
              "found my lost bag in a day", "finally got the wifi working"),
          List.of("Boarding my {brand} flight to {city} {e+}", "First time flying {brand}, let's see how it goes",
              "{brand} just announced new routes to {city}", "Sitting at the gate waiting for {brand} to board",
              "Trying {product} for the first time today", "Off to {city} with {brand} {e+}"),
          List.of("Does {brand} let you bring a stroller on board?",
              "Anyone know if {brand} refunds you for a {n} hour delay?", "Is {product} actually worth it?",
              "{brand} or {rival} for a flight to {city}? {e?}",
              "How early do I need to be at the airport for {brand}?"),
          List.of("travel", "avgeek", "delayed", "travelproblems", "flying", "wanderlust"),
          List.of("✈️", "🧳", "🛫"),
          List.of("r/travel", "r/flying", "r/awardtravel", "r/mildlyinfuriating"),
          "flyerforum.example", "booking reference",
          "grounded every flight after an IT outage", "Meltdown",
          List.of("{brand} cuts {n} summer routes as fuel costs climb",
              "{brand} reports record holiday travel, shares rise {pct}%",
              "Pilots at {brand} vote on strike action", "{brand} to add flights to {city} from next spring",
              "{brand} CEO {person} defends new bag fees", "{brand} and {rival} trade blows over on-time rankings"),
          List.of("I flew {brand} so you don't have to", "{product} review: is it worth it?",
              "{brand} vs {rival}: which airline wins?", "Flying {brand} to {city} in economy"),
          "travel",
          List.of(new Campaign("I'm done with {@brand} until they refund every cancelled flight. Sign the petition:",
                  "Refunds"),
              new Campaign("{@brand} owes thousands of us compensation for last summer's delays. Add your name and "
                  + "share:", "PayUp"))),
      new Category("coffee",
          List.of("got my order wrong for the third time this week", "charged me twice in the app",
              "made me wait {mins} minutes for one latte", "served me a cold brew that was basically water",
              "burnt the {product} again", "raised the price of a latte to {price}",
              "closed my local store without warning", "wiped all my rewards points"),
          List.of("nailed the {product} today", "remembered my name and my order",
              "made the best {product} I've had in ages", "gave me a free drink on my birthday",
              "got my mobile order ready in two minutes", "finally brought back the {product}"),
          List.of("Grabbing my usual {product} at {brand} before work", "Working from {brand} today {e+}",
              "{brand} just launched a new seasonal menu", "Trying the {product} for the first time",
              "Morning {product} from {brand} ☕"),
          List.of("Does {brand} have oat milk at every store?", "Is the {product} at {brand} worth {price}?",
              "{brand} or {rival} for a quick coffee?", "What time does {brand} open on Sundays?",
              "Anyone else's {brand} app not loading? {e?}"),
          List.of("coffee", "latte", "coffeetime", "MondayMotivation", "coffeelover", "butFirstCoffee"),
          List.of("☕", "🥐"),
          List.of("r/coffee", "r/barista", "r/mildlyinfuriating"),
          "homebarista.example", "order number",
          "recalled its cold brew over contamination", "Recall",
          List.of("{brand} raises drink prices for the second time this year", "{brand} to open {n}0 new stores in {city}",
              "{brand} baristas in {city} vote to unionise", "{brand} shares jump {pct}% on loyalty app growth",
              "{brand} CEO {person} bets on a plant-based menu", "{brand} and {rival} battle for the morning commuter"),
          List.of("{brand} vs {rival}: blind taste test", "Trying every drink on the {brand} menu",
              "{product} review: worth the hype?"),
          "business",
          List.of(new Campaign("{@brand} baristas deserve a fair contract. No more {brand} coffee for me until they "
                  + "get one. Sign:", "FairPay"),
              new Campaign("Bring back the old {@brand} rewards! Nobody asked for fewer points per cup. Sign the "
                  + "petition:", "BringBackRewards"))),
      new Category("phones",
          List.of("killed my battery by 3pm", "bricked my phone with the latest update",
              "made a screen that cracked after one drop", "shipped a camera app that keeps crashing",
              "sold me a phone that overheats while charging", "took {n} weeks to repair my screen",
              "never fixed the bluetooth bug", "charged me {price} for a new charger"),
          List.of("nailed the camera on the {product}", "made a phone that lasts two days",
              "fixed the battery with the latest update", "replaced my cracked screen for free",
              "made the {product} feel so fast", "shipped the best night mode I've ever used"),
          List.of("Setting up my new {product} {e+}", "Unboxing the {product} today",
              "{brand} just announced the {product}", "Switching from {rival} to {brand}, wish me luck",
              "Day {n} with the {product}"),
          List.of("Is the {product} worth upgrading to?", "{brand} or {rival} for photos?",
              "Does the {product} support wireless charging?",
              "Anyone else's {product} getting hot after the update? {e?}",
              "How long does {brand} take to repair a screen?"),
          List.of("tech", "smartphone", "android", "techReview", "gadgets", "unboxing"),
          List.of("📱", "🔋", "📸"),
          List.of("r/Android", "r/smartphones", "r/gadgets"),
          "phonetalk.example", "device serial number",
          "sold phones with batteries that swell", "BatteryGate",
          List.of("{brand} unveils {product} with a bigger battery", "{brand} shares slide {pct}% after weak phone sales",
              "{brand} recalls chargers over overheating risk", "{brand} CEO {person} promises five years of updates",
              "{brand} overtakes {rival} in {city} market share"),
          List.of("{product} review after {n} months", "{brand} vs {rival}: camera shootout",
              "Don't buy the {product} before watching this"),
          "technology",
          List.of(new Campaign("{@brand} stop slowing down old phones with every update. We want the right to "
                  + "repair. Sign the petition:", "RightToRepair"),
              new Campaign("Overheating phones are a safety risk, {@brand}. Recall them now. Add your name:",
                  "RecallNow"))),
      new Category("food delivery",
          List.of("delivered my {food} stone cold", "left my order at the wrong address",
              "charged me a {price} service fee", "lost half my order", "closed my ticket without a refund",
              "had my driver cancel after {mins} minutes", "marked my order delivered when it never came",
              "sent me someone else's {food}"),
          List.of("got my {food} here in {mins} minutes", "refunded my missing order instantly",
              "had the best deals on a Friday night", "sent a driver who was super kind",
              "saved my dinner plans tonight", "gave me free delivery all week"),
          List.of("Ordering {food} on {brand} tonight", "{brand} just added more {food} places near me",
              "Trying {product} for a month", "Lazy Sunday, {food} from {brand} {e+}",
              "Comparing {brand} and {rival} prices for the same {food}"),
          List.of("Is {product} worth it if I order twice a week?", "Does {brand} deliver to {city} yet?",
              "{brand} or {rival} for late night {food}?", "How do I get a refund from {brand}?",
              "Why is {brand} so expensive now? {e?}"),
          List.of("foodie", "takeout", "DinnerTime", "foodDelivery", "hungry", "lateNightSnack"),
          List.of("🍕", "🍜", "🛵"),
          List.of("r/takeout", "r/couriers", "r/food", "r/mildlyinfuriating"),
          "gigworkers.example", "order number",
          "leaked customer addresses in a data breach", "Breach",
          List.of("{brand} fined over hidden delivery fees", "{brand} expands to {city}",
              "{brand} shares rise {pct}% as orders grow", "{brand} couriers strike over pay",
              "{brand} CEO {person} says profitability is in sight", "{brand} and {rival} slash fees in price war"),
          List.of("I ordered from {brand} and {rival} at the same time", "Is {product} a scam?",
              "{n} hours as a {brand} courier"),
          "business",
          List.of(new Campaign("{@brand} couriers deserve a living wage. I'm deleting the app until they get one. "
                  + "Sign and share:", "FairPay"),
              new Campaign("Hidden fees are not OK, {@brand}. Show the real price up front. Sign the petition:",
                  "HiddenFees"))));

  static Category category(Brand brand) {
    for (Category c : CATEGORIES) {
      if (c.group().equals(brand.group())) {
        return c;
      }
    }
    throw new IllegalStateException("no category " + brand.group());
  }

  static final List<String> CITIES = List.of("Lisbon", "Denver", "Chicago", "London", "Toronto", "Austin", "Dublin",
      "Madrid", "Seattle", "Boston", "Berlin", "Mexico City");
  static final List<String> FOODS = List.of("pad thai", "pizza", "burrito", "ramen", "sushi", "tacos", "pho", "burger");
  static final List<String> EMOJI_GOOD = List.of("😍", "🙌", "❤️", "🔥", "👏", "✨", "😊", "💯", "🥰", "🎉", "😎", "🤩");
  static final List<String> EMOJI_BAD = List.of("😡", "🤬", "😤", "🙄", "😭", "💀", "👎", "😒", "😩", "🤦");
  static final List<String> EMOJI_UNSURE = List.of("🤔", "👀", "😅", "🙃", "🤷");

  // ---- English templates, by what the author is doing ----

  static final List<String> COMPLAINTS = List.of(
      "{brand} {problem}. Not happy. {e-}",
      "Wow. {@brand} {problem}. Never again {#fail}",
      "so {brand} {problem} and nobody is answering {e-}",
      "{@brand} {problem}!!! {#brand}",
      "Third time this month {brand} {problem}. Switching to {rival}. {e-}",
      "Can't believe {brand} {problem} {e-} {e-}",
      "{brand} {problem}. Worst customer experience ever. {#fail}",
      "Not impressed with {brand} today. They {problem}.",
      "Hey {@brand}, you {problem} and I want my money back {e-}",
      "I am not happy with {brand}. They {problem} {e-}");

  static final List<String> PRAISES = List.of(
      "Shoutout to {@brand}, they {praise}! {e+}",
      "{brand} {praise} {e+} {#brand}",
      "Honestly {brand} {praise}. Love them {e+}",
      "Not gonna lie, {brand} {praise} {e+}",
      "{@brand} you {praise}, thank you!! {e+}",
      "Wow {brand} {praise}. 10/10 {e+}",
      "{brand} > {rival}. They {praise}.");

  static final List<String> QUOTES = List.of("This. {e?}", "{brand} really said {e-}", "Not surprised tbh",
      "lmao {@brand} explain this", "Same experience with {brand} last week", "Yep. {#fail}",
      "Finally some good news from {brand} {e+}");

  static final List<String> REPLIES_TO_COMPLAINT = List.of("Same thing happened to me with {brand} last week {e-}",
      "This is exactly why I switched to {rival}", "{@brand} fix this please", "ugh, sorry {e-} {brand} did the same to me",
      "Not surprised tbh", "Happened to my sister too. {brand} never learns");
  static final List<String> REPLIES_TO_PRAISE = List.of("Agreed, {brand} has been great lately {e+}",
      "Really? My experience was the opposite", "Love this {e+}", "Good to hear something nice about {brand} for once");
  static final List<String> REPLIES_TO_QUESTION = List.of("I think so? Worked for me last month",
      "No idea, try asking {@brand}", "Yes! Just did it yesterday", "Nope, learned that the hard way {e-}");
  static final List<String> REPLIES_TO_SUPPORT = List.of("DM sent", "Thanks, just sent it",
      "I did, three days ago. Still nothing {e-}", "Copy-paste answer again {e-}", "Thank you! {e+}");
  static final List<String> REPLIES_TO_NEUTRAL = List.of("Enjoy! {e+}", "Let us know how it goes", "lol same",
      "Jealous {e+}");

  static final List<String> SUPPORT_TO_COMPLAINT = List.of(
      "Hi {first}, we're sorry to hear this. Please DM us your {ref} and we'll look into it right away. ^{sig}",
      "That's not the experience we want for you, {first}. Our team is on it, please check your DMs. ^{sig}",
      "We're really sorry about this. Could you send us your {ref} via DM so we can help? ^{sig}");
  static final List<String> SUPPORT_TO_QUESTION = List.of(
      "Hi {first}! Great question, you'll find all the details here: {help} ^{sig}",
      "Hey {first}, thanks for reaching out! Send us a DM and we'll sort it out. ^{sig}");
  static final List<String> SUPPORT_TO_PRAISE = List.of("Thanks so much for the love, {first}! {e+}",
      "This made our day, {first} {e+}");

  static final List<String> PROMOS = List.of("Meet the new {product} {e+} {link} {#brand}",
      "Your weekend just got better: {product} is here {e+} {link}",
      "We heard you. {product} gets a big update today. Details: {link}",
      "Tag someone who needs {product} right now {e+} {#brand}",
      "We're hiring in {city}! Apply here: {jobs}");

  static final List<String> REDDIT_TITLES_COMPLAINT = List.of("PSA: {brand} {problem}",
      "{brand} {problem} and support won't help", "Rant: done with {brand}");
  static final List<String> REDDIT_BODIES_COMPLAINT = List.of(
      "So {brand} {problem}. I contacted support {n} times and got nothing but copy-paste replies. Has anyone actually "
          + "gotten a refund out of them?\n\nEdit: still nothing.",
      "Long time customer here. Last week {brand} {problem}, and when I asked for help they told me to wait {n} days. "
          + "Seriously considering {rival} now. Is it any better?",
      "Just venting. {brand} {problem}. The worst part is nobody even apologised.");
  static final List<String> REDDIT_TITLES_PRAISE = List.of("Credit where it's due: {brand} {praise}",
      "Positive {brand} experience for once");
  static final List<String> REDDIT_BODIES_PRAISE = List.of(
      "Everyone here loves to hate on {brand}, but they {praise} today. Figured I'd share something positive.",
      "I was ready to write an angry post but {brand} {praise}. Colour me surprised.");
  static final List<String> REDDIT_BODIES_QUESTION = List.of(
      "Title says it all. I'm deciding between {brand} and {rival} and would love some real experiences. Thanks!",
      "Couldn't find a clear answer in the FAQ. Has anyone here dealt with this recently?");
  static final List<String> REDDIT_TITLES_NEUTRAL = List.of("{brand} vs {rival}, {n} months in",
      "Thoughts on {product}?");
  static final List<String> REDDIT_BODIES_NEUTRAL = List.of(
      "Been using {brand} and {rival} for a while now. {brand} {praise}, but it also {problem}. {rival} is fine. "
          + "Overall a wash honestly.",
      "Curious what this sub thinks. I've heard mixed things: some say {brand} {praise}, others that it {problem}.");
  static final List<String> REDDIT_COMMENTS = List.of("Same thing happened to me with {brand} last month. Never again.",
      "{rival} isn't any better tbh", "Tag them on X, they actually respond there.",
      "Had the opposite experience, {brand} {praise}.", "Commenting to follow, I'm in the same boat.",
      "File a chargeback. Worked for me.", "This sub is so negative lol. {brand} has been fine for me.",
      "Honestly? Not worth it.", "Take my upvote. Same here: {brand} {problem}.");

  static final List<String> INSTAGRAM_CAPTIONS_GOOD = List.of("{brand} {praise} {e+}{e+}", "Obsessed with {product} {e+}",
      "Can't start my day without {brand} {e+}", "Little things {e+} {product}");
  static final List<String> INSTAGRAM_CAPTIONS_BAD = List.of("Not the vibe today {brand} {e-} you {problem}",
      "{brand} {problem}. Posting this so you know {e-}");
  static final List<String> INSTAGRAM_COMMENTS = List.of("{e+}{e+}{e+}", "Need this!!", "Where is this? {e?}",
      "@{friend} we have to try this", "So jealous {e+}", "{brand} never disappoints {e+}", "ugh same, {brand} {problem} last week");
  static final List<String> INSTAGRAM_TAGS = List.of("instagood", "photooftheday", "weekendVibes", "dailyLife",
      "lifestyle");

  static final List<String> TIKTOK_CAPTIONS = List.of("POV: {brand} {problem} {e-}", "storytime: {brand} {problem} {e-}",
      "rating {product} so you don't have to", "{brand} {praise} and I'm not ok {e+}",
      "day {n} of asking {@brand} for a refund", "wait for it... {e+}", "{brand} vs {rival} honest review {e?}",
      "{neutral}");
  static final List<String> TIKTOK_TAGS = List.of("fyp", "foryou", "storytime", "viral", "foryoupage");
  static final List<String> TIKTOK_SOUNDS = List.of("Espresso Beats - Lo Kiwi", "Runaway Summer - The Halcyons",
      "Late Night Drive - Mara Vale");

  static final List<String> FACEBOOK_COMPLAINTS = List.of(
      "I am very disappointed with {brand}. They {problem} and when I called customer service I was on hold for "
          + "{mins} minutes. Will not be using them again.",
      "Warning to everyone: {brand} {problem}. Do not trust them.");
  static final List<String> FACEBOOK_PRAISES = List.of(
      "Just want to say a big thank you to {brand}, they {praise}. Highly recommend!",
      "Credit where credit is due, {brand} {praise} {e+}");
  static final List<String> FACEBOOK_PAGE_POSTS = List.of("Introducing {product} {e+} Available now: {link}",
      "Happy Friday! Tag a friend who needs {product} today {e+}", "We're hiring in {city}! Apply here: {jobs}",
      "Thank you for an amazing year, everyone {e+}");

  static final List<String> YOUTUBE_DESCRIPTIONS = List.of(
      "In this video I test {product} for {n} weeks. Let me know in the comments what you think! {#brand} {#topic}",
      "Honest review, not sponsored. Links and timestamps: {url}",
      "Part {n} of my series. Subscribe for more! {#topic}");
  static final List<String> YOUTUBE_COMMENTS = List.of("Great video! I had the exact same problem with {brand} {e-}",
      "{brand} {praise}, can confirm", "Who's watching this after {brand} {problem}?",
      "I switched to {rival} after {brand} {problem}", "The part at {n}:{sec} is so true {e+}",
      "Thanks for the honest review {e+}", "Still waiting for {brand} to respond to my email lol");

  static final List<String> NEWS_LEDES = List.of(
      "{person}, the company's chief executive, said the decision was made with customers in mind.",
      "Analysts said the move could weigh on {brand}'s results this quarter.",
      "{brand} did not immediately respond to a request for comment.", "Shares of rival {rival} were little changed.");
  static final List<String> CRISIS_POSTS = List.of("Is {brand} down?? {#crisis}",
      "{@brand} you {crisis} and you're saying NOTHING {e-} {#crisis}", "Wow, {brand} {crisis}. Unreal. {#crisis}",
      "Anyone else affected? {brand} {crisis} {#crisis} {e-}", "Not {brand} again {e-} {#crisis}");
  static final List<String> CRISIS_HEADLINES = List.of("{brand} {crisis}, customers furious",
      "Regulators to look into {brand} after it {crisis}", "{brand} apologises after it {crisis}");

  /**
   * Spam pitches, by theme: pharmacy, crypto, giveaways, easy money. Each names the brand, so that listening queries
   * catch it, and has a link next to words of Hark's spam vocabulary, as real spam does.
   */
  static final List<List<String>> SPAM = List.of(
      List.of("Great post {@brand}! buy levitra online without prescription {shortlink}",
          "{brand} fans, cheap meds here, no prescription needed, fast shipping {shortlink}",
          "Loved this {#brand} 😍 btw this online pharmacy has viagra and cialis at 80% off {shortlink}",
          "{@brand} weight loss pills that actually work, I lost 12kg in a month {shortlink}"),
      List.of("{brand} is giving back to the community! Double your BTC: send any amount, get 2x back {shortlink}",
          "🚀 The official {brand} crypto giveaway is live, connect your wallet to claim {shortlink}",
          "{@brand} token presale is open, early buyers get 100x. Guaranteed profit {shortlink}",
          "Claim your airdrop before it ends, {brand} customers only {shortlink}"),
      List.of("🎁 {brand} is giving away 500 {product} gift cards! Claim your prize here {shortlink}",
          "Congratulations! You've won a free gift card from {@brand} 🎉 claim your reward: {shortlink}",
          "{@brand} you have won a {product}!! DM to claim or visit {shortlink}",
          "Get 10k free followers and free likes like {brand} in 5 minutes {shortlink}"),
      List.of("I made $3,200 this week from my phone 🙌 passive income is real, ask me how {shortlink} {#brand}",
          "{brand} is hiring remote! Earn money from home, no experience needed {shortlink}"));
  /** What spam stuffs its hashtags with, besides the brand's and the category's. */
  static final List<String> SPAM_TAGS = List.of("giveaway", "free", "win", "crypto", "bitcoin", "BTC", "deal", "promo",
      "viral", "followback", "trending", "money");

  static final List<List<String>> REVIEW_TITLES = List.of(
      List.of("Avoid!!", "Worst purchase this year", "Never again"),
      List.of("Disappointed", "Expected better"),
      List.of("It's okay", "Mixed feelings"),
      List.of("Really good, minor issues", "Would buy again"),
      List.of("Perfect!", "Absolutely love it", "Exceeded expectations"));
  static final List<String> REVIEW_BODIES_LOW = List.of(
      "{brand} {problem}. Customer service was useless. Save your money.",
      "Do NOT buy {product}. {brand} {problem} and never replied to my emails.");
  static final List<String> REVIEW_BODIES_MID = List.of(
      "{product} is fine, but {brand} {problem}. Not sure I'd buy again.",
      "Some good, some bad. {brand} {praise}, but they also {problem}.");
  static final List<String> REVIEW_BODIES_HIGH = List.of(
      "{brand} {praise}. {product} is exactly what I wanted. Would recommend!",
      "Been a customer for {n} years and {brand} {praise}. {e+}");
  static final List<String> STAR_WORDS = List.of("One star", "Two stars", "Three stars", "Four stars", "Five stars");

  /** The few templates for texts not in English. */
  record Foreign(String lang, List<String> complaints, List<String> praises, List<String> questions,
                 List<String> neutrals, List<String> headlines, List<String> reviewLow, List<String> reviewMid,
                 List<String> reviewHigh, String support) {
  }

  static final List<Foreign> FOREIGN = List.of(
      new Foreign("es",
          List.of("{brand} me ha fallado otra vez. Nunca más {e-} {#fail}",
              "{@brand} llevo {n} días esperando una respuesta. Qué mal servicio.", "No estoy nada contento con {brand} {e-}"),
          List.of("Me encanta {brand} {e+}", "Gracias {@brand}, todo perfecto {e+}",
              "{product} de {brand} es increíble {e+} {#brand}"),
          List.of("¿Alguien ha probado {product} de {brand}?", "¿{brand} o {rival}? {e?}"),
          List.of("Hoy toca {brand} {e+}", "Probando {product} por primera vez"),
          List.of("{brand} anuncia {n}00 despidos en España", "Las acciones de {brand} caen un {pct} %",
              "{brand} lanza {product} en {city}"),
          List.of("Muy decepcionado con {brand}. No lo recomiendo."), List.of("Está bien, pero esperaba más."),
          List.of("Excelente, {brand} nunca falla."),
          "Hola {first}, lamentamos lo ocurrido. Escríbenos por mensaje directo, por favor. ^{sig}"),
      new Foreign("fr",
          List.of("Franchement {brand}, c'est nul. Plus jamais {e-}",
              "{@brand} ça fait {n} jours que j'attends une réponse {e-}", "Pas du tout content de {brand} {#fail}"),
          List.of("J'adore {brand} {e+}", "Merci {@brand}, service impeccable {e+}", "{product} de {brand}, c'est génial {e+}"),
          List.of("Quelqu'un a déjà testé {product} de {brand} ?", "{brand} ou {rival} ? {e?}"),
          List.of("Première fois avec {brand} aujourd'hui", "En train d'essayer {product} {e+}"),
          List.of("{brand} : l'action recule de {pct} %", "{brand} va supprimer {n}00 postes en France",
              "{brand} lance {product} en France"),
          List.of("Très déçu par {brand}, à éviter."), List.of("Correct, sans plus."),
          List.of("Excellent, je recommande {brand} !"),
          "Bonjour {first}, nous sommes désolés. Écrivez-nous en message privé. ^{sig}"),
      new Foreign("de",
          List.of("{brand} hat mich schon wieder im Stich gelassen. Nie wieder! {e-}",
              "{@brand} ich warte seit {n} Tagen auf eine Antwort {e-}", "Gar nicht zufrieden mit {brand} {#fail}"),
          List.of("Ich liebe {brand} {e+}", "Danke {@brand}, super Service {e+}", "{product} von {brand} ist echt klasse {e+}"),
          List.of("Hat jemand Erfahrung mit {product} von {brand}?", "{brand} oder {rival}? {e?}"),
          List.of("Heute zum ersten Mal mit {brand} {e+}", "Teste gerade {product}"),
          List.of("{brand} senkt Prognose nach schwachem Quartal", "{brand}-Aktie fällt um {pct} Prozent",
              "{brand} startet {product} in Deutschland"),
          List.of("Sehr enttäuscht von {brand}. Finger weg!"), List.of("Ganz okay, aber nicht mehr."),
          List.of("Hervorragend, klare Empfehlung für {brand}."),
          "Hallo {first}, das tut uns leid. Schreib uns bitte eine DM. ^{sig}"),
      new Foreign("pt",
          List.of("{brand} me decepcionou de novo. Nunca mais {e-}",
              "{@brand} estou esperando há {n} dias por uma resposta {e-}", "Nada satisfeito com {brand} {#fail}"),
          List.of("Amei {product} da {brand} {e+}", "Obrigado {@brand}, atendimento perfeito {e+}", "{brand} é demais {e+} {#brand}"),
          List.of("Alguém já testou {product} da {brand}?", "{brand} ou {rival}? {e?}"),
          List.of("Primeira vez usando {brand} hoje", "Testando {product} {e+}"),
          List.of("{brand} anuncia expansão no Brasil", "Ações da {brand} sobem {pct}%", "{brand} lança {product} em {city}"),
          List.of("Muito decepcionado com a {brand}. Não recomendo."), List.of("É ok, nada de especial."),
          List.of("Excelente, recomendo a {brand}!"),
          "Olá {first}, sentimos muito. Envie-nos uma DM, por favor. ^{sig}"));

  static Foreign foreign(String lang) {
    for (Foreign f : FOREIGN) {
      if (f.lang().equals(lang)) {
        return f;
      }
    }
    return null;
  }

  // ---- people and places ----

  static final List<String> FIRST_NAMES = List.of("Maria", "James", "Aisha", "Wei", "Lucas", "Sofia", "Omar", "Emma",
      "Raj", "Chloe", "Diego", "Hannah", "Kwame", "Yuki", "Liam", "Fatima", "Noah", "Priya", "Mateo", "Zoe", "Ethan",
      "Amara", "Jonas", "Leila", "Carlos", "Nina", "Sam", "Ana", "Ben", "Mia", "Tom", "Grace", "Ali", "Elena", "Jack",
      "Ines", "Felix", "Sara", "Hugo", "Lena", "Marco", "Julia", "Kofi", "Ava", "Ryan", "Chen", "Olivia", "Pedro");
  static final List<String> LAST_NAMES = List.of("Lopez", "Smith", "Khan", "Chen", "Okafor", "Garcia", "Nguyen",
      "Patel", "Brown", "Silva", "Kim", "Rossi", "Martin", "Dubois", "Schmidt", "Costa", "Novak", "Jensen", "Ali",
      "Murphy", "Walker", "Santos", "Tanaka", "Ibrahim", "Fischer", "Moreau", "Kowalski", "Reyes", "Hughes", "Cohen",
      "Haddad", "Larsen", "Mendes", "Park", "Wright", "Bianchi", "Osei", "Young", "Evans", "Diaz");
  static final List<String> WORDS = List.of("coffee", "travel", "sky", "pixel", "wander", "foodie", "tech", "night",
      "owl", "runner", "city", "daily", "late", "sunny", "lazy", "nerd", "vibes", "fan", "life", "ninja", "latte", "jet",
      "byte", "snack", "mango", "retro", "urban", "cosmic", "quiet", "wild");
  static final List<String> REDDIT_ADJECTIVES = List.of("Fancy", "Quiet", "Brave", "Lazy", "Salty", "Curious",
      "Grumpy", "Happy", "Sleepy", "Spicy", "Rusty", "Lucky");
  static final List<String> REDDIT_NOUNS = List.of("Otter", "Pancake", "Falcon", "Toaster", "Llama", "Pickle",
      "Walrus", "Cactus", "Badger", "Noodle", "Penguin", "Waffle");

  /** A news outlet: handle, name, language, country. */
  record Outlet(String handle, String name, String lang, String country, double weight) {
  }

  static final List<Outlet> OUTLETS = List.of(
      new Outlet("dailyledger", "The Daily Ledger", "en", "US", 1),
      new Outlet("metrobizwire", "Metro Business Wire", "en", "US", 1),
      new Outlet("techpulsedaily", "TechPulse Daily", "en", "US", 1),
      new Outlet("northerncourier", "The Northern Courier", "en", "GB", 1),
      new Outlet("harbourtimes", "Harbour Times", "en", "AU", 1),
      new Outlet("maplestreetjournal", "Maple Street Journal", "en", "CA", 1),
      new Outlet("consumerwatchweekly", "Consumer Watch Weekly", "en", "GB", 1),
      new Outlet("eldiarioeconomico", "El Diario Económico", "es", "ES", 0.5),
      new Outlet("noticiasdelmercado", "Noticias del Mercado", "es", "MX", 0.5),
      new Outlet("lecourriereco", "Le Courrier Éco", "fr", "FR", 0.5),
      new Outlet("wirtschaftsblatt", "Wirtschaftsblatt", "de", "DE", 0.5),
      new Outlet("jornaldomercado", "Jornal do Mercado", "pt", "BR", 0.5));

  record City(String name, double lat, double lon) {
  }

  /** A country authors live in: weight among authors, the language its non-English speakers write, cities. */
  record Country(String code, double weight, String lang, List<City> cities) {
  }

  static final List<Country> COUNTRIES = List.of(
      new Country("US", 34, "en", List.of(new City("New York", 40.7128, -74.0060), new City("Chicago", 41.8781, -87.6298),
          new City("Austin", 30.2672, -97.7431), new City("Seattle", 47.6062, -122.3321))),
      new Country("GB", 12, "en", List.of(new City("London", 51.5074, -0.1278), new City("Manchester", 53.4808, -2.2426))),
      new Country("CA", 6, "fr", List.of(new City("Toronto", 43.6532, -79.3832), new City("Montréal", 45.5019, -73.5674))),
      new Country("AU", 4, "en", List.of(new City("Sydney", -33.8688, 151.2093))),
      new Country("IN", 7, "en", List.of(new City("Mumbai", 19.0760, 72.8777), new City("Bengaluru", 12.9716, 77.5946))),
      new Country("IE", 2, "en", List.of(new City("Dublin", 53.3498, -6.2603))),
      new Country("NL", 2, "en", List.of(new City("Amsterdam", 52.3676, 4.9041))),
      new Country("DE", 5, "de", List.of(new City("Berlin", 52.5200, 13.4050), new City("Munich", 48.1351, 11.5820))),
      new Country("AT", 1, "de", List.of(new City("Vienna", 48.2082, 16.3738))),
      new Country("CH", 1, "de", List.of(new City("Zurich", 47.3769, 8.5417))),
      new Country("FR", 5, "fr", List.of(new City("Paris", 48.8566, 2.3522), new City("Lyon", 45.7640, 4.8357))),
      new Country("BE", 1, "fr", List.of(new City("Brussels", 50.8503, 4.3517))),
      new Country("ES", 4, "es", List.of(new City("Madrid", 40.4168, -3.7038), new City("Barcelona", 41.3874, 2.1686))),
      new Country("MX", 4, "es", List.of(new City("Mexico City", 19.4326, -99.1332))),
      new Country("AR", 2, "es", List.of(new City("Buenos Aires", -34.6037, -58.3816))),
      new Country("BR", 5, "pt", List.of(new City("São Paulo", -23.5505, -46.6333),
          new City("Rio de Janeiro", -22.9068, -43.1729))),
      new Country("PT", 2, "pt", List.of(new City("Lisbon", 38.7223, -9.1393))));

  static Country country(String code) {
    for (Country c : COUNTRIES) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException(code);
  }
}
