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
 * Stanford CoreNLP's own sentiment: the RNTN over a shift-reduce parse of each sentence, its five
 * classes folded into negative, neutral and positive and averaged over the sentences, weighted by
 * their length.
 *
 * <p>Hark's own sentiment is {@code io.hark.nlp.sentiment.TweetSentiment}; this is the baseline it is
 * measured against. Loading takes seconds and hundreds of megabytes, so there is one thread-safe
 * instance per JVM ({@link #shared()}).
 */
public final class CoreNlpSentiment {
  public static final String MODEL = "corenlp-4.5.10-rntn-sr";
  /** Parsing cost grows faster than linearly with length; longer texts are cut here. */
  public static final int MAX_CHARS = 1_000;

  private static volatile CoreNlpSentiment shared;

  private final StanfordCoreNLP pipeline;

  private CoreNlpSentiment(Properties props) {
    this.pipeline = new StanfordCoreNLP(props);
  }

  private static CoreNlpSentiment shiftReduce() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    props.setProperty("parse.model", "edu/stanford/nlp/models/srparser/englishSR.ser.gz");
    props.setProperty("parse.binaryTrees", "true");
    props.setProperty("parse.maxlen", "100");
    props.setProperty("tokenize.options", "untokenizable=noneKeep");
    return new CoreNlpSentiment(props);
  }

  /**
   * CoreNLP as it comes: the default PCFG parser and the default NER, the baseline that Hark's
   * enrichment is benchmarked against. A new instance each call.
   */
  public static CoreNlpSentiment stockDefaults() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,parse,sentiment");
    return new CoreNlpSentiment(props);
  }

  /** The JVM's instance, loaded on first use. */
  public static CoreNlpSentiment shared() {
    CoreNlpSentiment instance = shared;
    if (instance == null) {
      synchronized (CoreNlpSentiment.class) {
        instance = shared;
        if (instance == null) {
          instance = shiftReduce();
          shared = instance;
        }
      }
    }
    return instance;
  }

  /** The sentiment of {@code text}, or empty when it has no sentence CoreNLP could parse. */
  public Optional<Sentiment> analyze(String text) {
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
    return Optional.of(Sentiment.fromProbabilities(negative, neutral, positive, MODEL));
  }
}
