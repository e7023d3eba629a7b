// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.topics;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.hark.nlp.entities.AnnotatedText;
import io.hark.nlp.entities.EntityRecognizer;
import io.hark.nlp.entities.NamedEntity;
import io.hark.nlp.entities.SocialTextAnnotator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Prints load time, retained heap and texts/s of one CoreNLP pass + entities + topics on typical
 * tweets, and with argument {@code compare} the same texts through CoreNLP's default NER
 * configuration. Not a test (timings on shared CI machines mean little); run with {@code java
 * -Xmx3g -cp <test classpath> io.hark.nlp.topics.EnrichmentBenchmark [compare]}.
 */
public final class EnrichmentBenchmark {

    static final List<String> TWEETS =
            List.of(
                    "Ugh @SkylineAir lost my bag again at JFK #BlueJetFail https://t.co/x1Y 😡",
                    "Tim Cook says the new iPhone ships next week. Not buying it this time.",
                    "Huge thanks to the crew on BlueJet flight 221 from Boston to Denver, best landing ever!",
                    "Anyone else stuck at Heathrow? Three hours and no update from British Airways #delays",
                    "Just tried the new oat latte at Starbucks on 5th avenue. Meh.",
                    "RT @news: Angela Merkel meets Emmanuel Macron in Paris to discuss energy prices",
                    "my phone battery dies in two hours since the update, thanks Samsung 🙄",
                    "Skyline Air customer service finally answered after 45 minutes on hold",
                    "Loved the concert in Lisbon last night!!! 🎶🎶 #fado",
                    "Why does the Uber app keep charging me twice?? @Uber_Support");

    public static void main(String[] args) {
        long before = usedHeap();
        long start = System.nanoTime();
        SocialTextAnnotator annotator = SocialTextAnnotator.shared();
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        long retainedMb = (usedHeap() - before) / (1024 * 1024);
        EntityRecognizer recognizer =
                new EntityRecognizer(Map.of("Skyline Air", "BRAND", "BlueJet", "BRAND"));
        TopicExtractor extractor = new TopicExtractor();
        System.out.printf("fast pipeline: load %d ms, retained ~%d MB%n", loadMs, retainedMb);

        double fast =
                measure(
                        () -> {
                            for (String tweet : TWEETS) {
                                AnnotatedText annotated = annotator.annotate(tweet);
                                List<NamedEntity> entities = recognizer.recognize(annotated);
                                extractor.extract(annotated, List.of(), entities);
                            }
                        });
        System.out.printf(
                "fast pipeline + gazetteer + topics: %.0f texts/s (single thread)%n", fast);
        int threads = Runtime.getRuntime().availableProcessors();
        double parallel =
                measure(
                        () ->
                                TWEETS.parallelStream()
                                        .forEach(
                                                tweet -> {
                                                    AnnotatedText annotated =
                                                            annotator.annotate(tweet);
                                                    extractor.extract(
                                                            annotated,
                                                            List.of(),
                                                            recognizer.recognize(annotated));
                                                }));
        System.out.printf("same, shared instances, %d cores: %.0f texts/s%n", threads, parallel);
        for (String tweet : TWEETS) {
            AnnotatedText annotated = annotator.annotate(tweet);
            List<NamedEntity> entities = recognizer.recognize(annotated);
            System.out.println(
                    entities + "  " + extractor.extractKeys(annotated, List.of(), entities));
        }

        if (args.length > 0 && args[0].equals("compare")) {
            before = usedHeap();
            start = System.nanoTime();
            Properties props = new Properties();
            props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
            StanfordCoreNLP defaults = new StanfordCoreNLP(props);
            loadMs = (System.nanoTime() - start) / 1_000_000;
            retainedMb = (usedHeap() - before) / (1024 * 1024);
            // Same cleaned input as the fast pipeline gets, so only the configuration differs.
            List<String> cleaned =
                    TWEETS.stream().map(tweet -> annotator.annotate(tweet).text()).toList();
            double slow =
                    measure(
                            () -> {
                                for (String tweet : cleaned) {
                                    defaults.annotate(new CoreDocument(tweet));
                                }
                            });
            System.out.printf(
                    "default ner: load %d ms, retained ~%d MB more, %.0f texts/s; fast/default = %.1fx%n",
                    loadMs, retainedMb, slow, fast / slow);
        }
    }

    private static double measure(Runnable roundOfTweets) {
        for (int i = 0; i < 50; i++) {
            roundOfTweets.run();
        }
        int rounds = 200;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            roundOfTweets.run();
        }
        return rounds * TWEETS.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
