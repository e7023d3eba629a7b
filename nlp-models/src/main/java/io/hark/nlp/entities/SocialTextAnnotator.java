// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import io.hark.nlp.tagging.TaggedSentence;
import io.hark.nlp.tagging.TweetTagger;
import io.hark.nlp.text.TextCap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Runs CoreNLP once per mention (tokenize, ssplit, lemma, ner) in its fast configuration, with
 * Hark's {@link TweetTagger} for the part-of-speech tags, and returns an immutable {@link
 * AnnotatedText}. Never throws.
 *
 * <p>Hark's tagger is trained to give the tags of CoreNLP's maximum-entropy tagger on tweets (see
 * its MODEL.md), which cost 40% of a tweet's enrichment, at a small fraction of their cost.
 *
 * <p>Fast configuration: the 3-class CRF only (PERSON / ORGANIZATION / LOCATION), no SUTime, no
 * numeric classifiers, no fine-grained RegexNER. Dates, money and the like are not entities Hark
 * aggregates, and those stages cost more than the CRF itself.
 *
 * <p>Texts longer than {@link #MAX_CHARS} are cut (at whitespace) first: CRF and tagger cost grows
 * with length, and the opening of a post, review or article carries its subject. This bounds the
 * time per text. Measured on a busy 2-core machine: a typical tweet takes 2-5 ms, 1,000 chars of
 * English ~45 ms, but 1,000 chars of Spanish or German ~300-450 ms and of random letters ~1 s,
 * because both models are English and unknown words are ~20x dearer. So call this for mentions
 * detected as English (or undetermined) only.
 *
 * <p>Text with no word to tag ({@link #carriesWords}: only hashtags, @handles, URLs, emoji, numbers
 * or punctuation) is tokenized but neither tagged nor NER-labelled: it can yield no keyphrase, and
 * its hashtags and handles are topics or nothing by themselves. {@link #reference()} runs every
 * text through every stage with CoreNLP's tagger, as Hark did before: {@code bench nlp} measures
 * the shared annotator against it.
 *
 * <p>Thread-safe: the pipeline's annotators are stateless per call once loaded, and CoreNLP caches
 * loaded annotators per configuration, so the models exist once per JVM.
 */
public final class SocialTextAnnotator {

    /** Longest text annotated; the rest of a longer text is ignored. */
    public static final int MAX_CHARS = 1_000;

    static final String NER_MODEL =
            "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private static final Set<String> CRF_TYPES =
            Set.of(NamedEntity.PERSON, NamedEntity.ORGANIZATION, NamedEntity.LOCATION);

    /**
     * Social text is full of emoji, symbols and broken encodings: keep unknown characters as tokens
     * without warning about each one, and don't rewrite brackets or quotes.
     */
    static final String TOKENIZE_OPTIONS =
            "untokenizable=noneKeep,ptb3Escaping=false,invertible=false";

    /** Tokens and sentences: cheap, and enough to tell whether the text has words to tag. */
    private final StanfordCoreNLP tokenizer;

    /** Hark's tagger, or null for CoreNLP's. */
    private final TweetTagger tagger;

    /**
     * Lemmas and the CRF's labels (and CoreNLP's POS tags, without Hark's tagger) over tokens the
     * tokenizer made: the dear part.
     */
    private final StanfordCoreNLP lemmasAndNer;

    private final boolean skipWordless;

    private SocialTextAnnotator(TweetTagger tagger, boolean skipWordless) {
        this.tokenizer = new StanfordCoreNLP(tokenizerProperties());
        this.tagger = tagger;
        this.lemmasAndNer = new StanfordCoreNLP(lemmasAndNerProperties(tagger == null));
        this.skipWordless = skipWordless;
    }

    /** The one instance per JVM; the first call loads the models (a few seconds). */
    public static SocialTextAnnotator shared() {
        return Shared.INSTANCE;
    }

    /**
     * Every text through every stage, wordless or not: today's output before the shortcuts, the
     * baseline {@code bench nlp} measures {@link #shared()} against. Shares the loaded models.
     */
    public static SocialTextAnnotator reference() {
        return Reference.INSTANCE;
    }

    private static final class Shared {
        static final SocialTextAnnotator INSTANCE =
                new SocialTextAnnotator(TweetTagger.shared(), true);
    }

    private static final class Reference {
        static final SocialTextAnnotator INSTANCE = new SocialTextAnnotator(null, false);
    }

    /**
     * The text's sentences as CoreNLP's tokenizer and maximum-entropy tagger tag them, after the
     * same cleaning as {@link #annotate}: what {@link TweetTagger} is trained to reproduce.
     */
    public static List<TaggedSentence> taggedByCoreNlp(String rawText) {
        String text = clean(rawText);
        if (text.isBlank()) {
            return List.of();
        }
        Annotation document = new Annotation(text);
        reference().tokenizer.annotate(document);
        CoreNlpTagger.PIPELINE.annotate(document);
        List<TaggedSentence> sentences = new ArrayList<>();
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
            sentences.add(
                    new TaggedSentence(
                            labels.stream().map(CoreLabel::word).toList(),
                            labels.stream().map(CoreLabel::tag).toList()));
        }
        return sentences;
    }

    private static final class CoreNlpTagger {
        static final StanfordCoreNLP PIPELINE = new StanfordCoreNLP(posProperties());

        private static Properties posProperties() {
            Properties props = new Properties();
            props.setProperty("annotators", "pos");
            props.setProperty("enforceRequirements", "false");
            return props;
        }
    }

    private static Properties tokenizerProperties() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        props.setProperty("tokenize.language", "en");
        props.setProperty("tokenize.options", TOKENIZE_OPTIONS);
        return props;
    }

    private static Properties lemmasAndNerProperties(boolean coreNlpTagger) {
        Properties props = new Properties();
        props.setProperty("annotators", coreNlpTagger ? "pos,lemma,ner" : "lemma,ner");
        // The tokens come from the tokenizer pipeline, on the same annotation.
        props.setProperty("enforceRequirements", "false");
        props.setProperty("ner.model", NER_MODEL);
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "true");
        return props;
    }

    public AnnotatedText annotate(String rawText) {
        String text = clean(rawText);
        if (text.isBlank()) {
            return AnnotatedText.empty();
        }
        try {
            Annotation document = new Annotation(text);
            tokenizer.annotate(document);
            List<CoreLabel> labels = document.get(CoreAnnotations.TokensAnnotation.class);
            List<Token> tokens = toTokens(labels);
            if (skipWordless && !carriesWords(tokens)) {
                return new AnnotatedText(text, tokens, List.of());
            }
            if (tagger != null) {
                tagSentences(document);
            }
            lemmasAndNer.annotate(document);
            return new AnnotatedText(
                    text,
                    toTokens(labels),
                    toSpans(labels, document.get(CoreAnnotations.MentionsAnnotation.class)));
        } catch (RuntimeException e) {
            // One odd mention must not fail the stream; it simply yields no entities or topics.
            return AnnotatedText.empty();
        }
    }

    private void tagSentences(Annotation document) {
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
            String[] words = new String[labels.size()];
            for (int i = 0; i < words.length; i++) {
                words[i] = labels.get(i).word();
            }
            String[] tags = tagger.tag(words);
            for (int i = 0; i < tags.length; i++) {
                labels.get(i).setTag(tags[i]);
            }
        }
    }

    /**
     * Whether a token has a letter and is no hashtag, handle or URL: without one, the text has no
     * keyphrase for the tagger to find nor a name for the CRF.
     */
    static boolean carriesWords(List<Token> tokens) {
        for (Token token : tokens) {
            if (!token.isHashtag()
                    && !token.isHandle()
                    && !token.isUrl()
                    && token.word().codePoints().anyMatch(Character::isLetter)) {
                return true;
            }
        }
        return false;
    }

    /** Tokens as they are: untagged ones get an empty tag, their word as lemma and no entity. */
    private static List<Token> toTokens(List<CoreLabel> labels) {
        List<Token> tokens = new ArrayList<>(labels.size());
        for (CoreLabel label : labels) {
            tokens.add(
                    new Token(
                            label.word(),
                            nullToEmpty(label.tag()),
                            label.lemma() == null ? label.word() : label.lemma(),
                            label.ner() == null ? "O" : label.ner(),
                            label.sentIndex(),
                            label.beginPosition(),
                            label.endPosition()));
        }
        return tokens;
    }

    private static List<EntitySpan> toSpans(List<CoreLabel> labels, List<CoreMap> coreMentions) {
        if (coreMentions == null) {
            return List.of();
        }
        Map<CoreLabel, Integer> indexOf = new IdentityHashMap<>(labels.size() * 2);
        for (int i = 0; i < labels.size(); i++) {
            indexOf.put(labels.get(i), i);
        }
        List<EntitySpan> mentions = new ArrayList<>();
        for (CoreMap mention : coreMentions) {
            List<CoreLabel> span = mention.get(CoreAnnotations.TokensAnnotation.class);
            String type = mention.get(CoreAnnotations.NamedEntityTagAnnotation.class);
            if (span == null || span.isEmpty() || !CRF_TYPES.contains(type)) {
                continue;
            }
            Integer start = indexOf.get(span.get(0));
            Integer last = indexOf.get(span.get(span.size() - 1));
            if (start != null && last != null) {
                mentions.add(new EntitySpan(start, last + 1, type));
            }
        }
        return mentions;
    }

    /**
     * Caps the text and blanks out what carries no meaning for NER or topics but costs time or
     * confuses the tokenizer: control, format (zero-width, bidi), private-use and lone-surrogate
     * characters, and emoji / pictographic symbols. Emoji matter for speed: the tagger treats each
     * as an unknown word, and runs of unknown words cost ~20x known ones (1,000 chars of emoji took
     * ~1 s before this). Each UTF-16 unit becomes one space, so offsets stay aligned with the
     * capped input.
     */
    static String clean(String rawText) {
        if (rawText == null || rawText.isEmpty()) {
            return "";
        }
        String capped = TextCap.capAtBoundary(rawText, MAX_CHARS);
        StringBuilder out = new StringBuilder(capped.length());
        for (int i = 0; i < capped.length(); ) {
            int codePoint = capped.codePointAt(i);
            int units = Character.charCount(codePoint);
            if (codePoint == '\n' || codePoint == '\t' || !isNoise(codePoint)) {
                out.appendCodePoint(codePoint);
            } else {
                out.append(" ".repeat(units));
            }
            i += units;
        }
        return out.toString();
    }

    private static boolean isNoise(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.OTHER_SYMBOL // emoji, pictographs, flags
                || (type == Character.MODIFIER_SYMBOL
                        && codePoint > 0x7F) // skin tones; keeps ^ and `
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) // emoji variation selectors
                || codePoint == 0x20E3; // keycap
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
