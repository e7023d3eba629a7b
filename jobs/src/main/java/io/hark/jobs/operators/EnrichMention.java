// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.operators;

import io.hark.nlp.CoreNlpSentiment;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds Hark's enrichment to a mention: for now Stanford CoreNLP's sentiment.
 *
 * <p>Sentiment is only given for English (or unlabelled) text; other languages get none rather
 * than a guess. The model loads once per JVM in {@link #open}, shared by all task slots.
 */
public class EnrichMention extends RichMapFunction<Mention, EnrichedMention> {
  public static final String FLAG_SENTIMENT_UNSUPPORTED_LANGUAGE = "sentiment_unsupported_language";
  public static final String FLAG_SENTIMENT_FAILED = "sentiment_failed";
  public static final String FLAG_NLP_TEXT_TRUNCATED = "nlp_text_truncated";

  private static final Logger LOG = LoggerFactory.getLogger(EnrichMention.class);

  private transient CoreNlpSentiment sentiment;

  public static TypeInformation<EnrichedMention> outputType() {
    return new AvroTypeInfo<>(EnrichedMention.class);
  }

  @Override
  public void open(OpenContext openContext) {
    sentiment = CoreNlpSentiment.shared();
  }

  @Override
  public EnrichedMention map(Mention mention) {
    List<String> flags = new ArrayList<>();
    Sentiment result = null;
    if (!isEnglishOrUnknown(mention.getLang())) {
      flags.add(FLAG_SENTIMENT_UNSUPPORTED_LANGUAGE);
    } else {
      if (mention.getText().length() > CoreNlpSentiment.MAX_CHARS) {
        flags.add(FLAG_NLP_TEXT_TRUNCATED);
      }
      try {
        result = sentiment.analyze(mention.getText()).map(EnrichMention::toSchema).orElse(null);
      } catch (RuntimeException e) {
        // A text that trips the NLP must not stop the stream: it is indexed without sentiment.
        LOG.warn("sentiment failed for mention {}:{}: {}", mention.getPlatform(), mention.getId(), e.toString());
        flags.add(FLAG_SENTIMENT_FAILED);
      }
    }
    return EnrichedMention.newBuilder()
        .setMention(mention)
        .setSentiment(result)
        .setFlags(flags)
        .setEnrichedAt(Instant.now())
        .build();
  }

  private static boolean isEnglishOrUnknown(String lang) {
    return lang == null || lang.isBlank() || lang.toLowerCase(Locale.ROOT).startsWith("en")
        || lang.equalsIgnoreCase("und");
  }

  private static Sentiment toSchema(io.hark.nlp.Sentiment sentiment) {
    return Sentiment.newBuilder()
        .setLabel(SentimentLabel.valueOf(sentiment.polarity().name().toLowerCase(Locale.ROOT)))
        .setScore(sentiment.score())
        .setConfidence(sentiment.confidence())
        .setModel(sentiment.model())
        .build();
  }
}
