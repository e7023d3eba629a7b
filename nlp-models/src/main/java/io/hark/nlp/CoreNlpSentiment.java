// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.Optional;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;

/**
 * Stanford CoreNLP as it comes (default PCFG parser and NER, the RNTN sentiment model): the
 * baseline Hark's own sentiment ({@code io.hark.nlp.sentiment.TweetSentiment}) is measured against.
 * The RNTN's five classes are folded into negative, neutral and positive and averaged over the
 * sentences, weighted by their length. Loading takes seconds and most of a gigabyte; thread-safe.
 */
public final class CoreNlpSentiment {
    public static final String MODEL = "corenlp-4.5.10-rntn";

    /** Parsing cost grows faster than linearly with length; longer texts are cut here. */
    public static final int MAX_CHARS = 1_000;

    /**
     * The PCFG parser's chart grows with the square of a sentence's length: 250 tokens of one
     * sentence take about 3 GB. Longer sentences get a flat tree, which the sentiment model still
     * reads.
     */
    public static final int MAX_SENTENCE_TOKENS = 80;

    private final StanfordCoreNLP pipeline;

    public CoreNlpSentiment() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,parse,sentiment");
        props.setProperty("tokenize.options", "untokenizable=noneKeep");
        props.setProperty("parse.maxlen", String.valueOf(MAX_SENTENCE_TOKENS));
        this.pipeline = new StanfordCoreNLP(props);
    }

    /** The sentiment of {@code text}, or empty when it has no sentence CoreNLP could parse. */
    public Optional<TextSentiment> analyze(String text) {
        String capped = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Annotation document = new Annotation(capped);
        pipeline.annotate(document);
        double negative = 0;
        double neutral = 0;
        double positive = 0;
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            if (tree == null) {
                continue;
            }
            SimpleMatrix classes = RNNCoreAnnotations.getPredictions(tree);
            if (classes == null) {
                continue;
            }
            int weight = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
            negative += weight * (classes.get(0) + classes.get(1));
            neutral += weight * classes.get(2);
            positive += weight * (classes.get(3) + classes.get(4));
        }
        if (negative + neutral + positive <= 0) {
            return Optional.empty();
        }
        return Optional.of(TextSentiment.fromProbabilities(negative, neutral, positive, MODEL));
    }
}
