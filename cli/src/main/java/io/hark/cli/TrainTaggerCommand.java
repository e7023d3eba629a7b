// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.nlp.entities.SocialTextAnnotator;
import io.hark.nlp.sentiment.LabeledTweet;
import io.hark.nlp.tagging.TaggedSentence;
import io.hark.nlp.tagging.TweetTagger;
import io.hark.nlp.tagging.TweetTaggerTrainer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reproduces the shipped part-of-speech tagger from CoreNLP's tags on tweets. */
@Command(
        name = "train-tagger",
        description = {
            "Trains Hark's part-of-speech tagger (an averaged perceptron) to give the tags of CoreNLP's",
            "maximum-entropy tagger: tags with CoreNLP the tweets of the SemEval 2013-2016 sets (never",
            "semeval-2016test*.tsv, which bench nlp measures on; semeval-2016devtest.tsv is held out to report",
            "agreement on), extra/tweet-sentiment-extraction.tsv and the first --sentiment140 tweets of",
            "extra/sentiment140-100k.tsv, trains on them and writes the model. The model Hark ships was made",
            "with the defaults; see nlp-models/.../tagging/MODEL.md."
        })
final class TrainTaggerCommand implements Callable<Integer> {
    private static final String SHIPPED =
            "nlp-models/src/main/resources" + TweetTagger.SHIPPED_MODEL;

    @Option(
            names = "--data",
            description =
                    "folder of semeval-*.tsv and extra/ (default: ../shared/data/sentiment beside the project)")
    Path data;

    @Option(names = "--out", description = "model file to write (default: the model Hark ships)")
    Path out;

    @Option(
            names = "--sentiment140",
            defaultValue = "100000",
            description = "how many Sentiment140 tweets to add (default: ${DEFAULT-VALUE})")
    int sentiment140;

    @Option(
            names = "--passes",
            defaultValue = "6",
            description = "training passes (default: ${DEFAULT-VALUE})")
    int passes;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "threads tagging with CoreNLP (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        Path dataDir = CommandFiles.sentimentData(data);
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException(
                    "no SemEval data at " + dataDir + " (use --data DIR)");
        }
        if (passes < 1 || threads < 1 || sentiment140 < 0) {
            throw new IllegalArgumentException(
                    "--passes and --threads must be at least 1, --sentiment140 at least 0");
        }
        Path model =
                out != null ? out : Path.of(System.getProperty("hark.home", ".")).resolve(SHIPPED);
        List<LabeledTweet> heldOutTweets =
                LabeledTweet.readTsv(existing(dataDir.resolve("semeval-2016devtest.tsv")));
        // a tweet of a set bench nlp or the held-out agreement reads is not trained on, even where
        // another set has it too
        Set<String> notToTrainOn = new HashSet<>();
        heldOutTweets.forEach(tweet -> notToTrainOn.add(tweet.id()));
        LabeledTweet.readTsv(existing(dataDir.resolve("semeval-2016test.tsv")))
                .forEach(tweet -> notToTrainOn.add(tweet.id()));
        List<Path> trainingFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataDir)) {
            files.filter(
                            file -> {
                                String name = file.getFileName().toString();
                                return name.startsWith("semeval-")
                                        && name.endsWith(".tsv")
                                        && !name.startsWith("semeval-2016test")
                                        && !name.startsWith("semeval-2016devtest");
                            })
                    .sorted()
                    .forEach(trainingFiles::add);
        }
        trainingFiles.add(dataDir.resolve("extra/tweet-sentiment-extraction.tsv"));
        List<String> trainingTexts = new ArrayList<>();
        for (Path file : trainingFiles) {
            LabeledTweet.readTsv(existing(file)).stream()
                    .filter(tweet -> !notToTrainOn.contains(tweet.id()))
                    .forEach(tweet -> trainingTexts.add(tweet.text()));
        }
        LabeledTweet.readTsv(existing(dataDir.resolve("extra/sentiment140-100k.tsv"))).stream()
                .limit(sentiment140)
                .forEach(tweet -> trainingTexts.add(tweet.text()));
        List<String> heldOutTexts = heldOutTweets.stream().map(LabeledTweet::text).toList();

        List<TaggedSentence> training =
                tagWithCoreNlp("CoreNLP tags training tweets", trainingTexts);
        List<TaggedSentence> heldOut = tagWithCoreNlp("CoreNLP tags held-out tweets", heldOutTexts);
        long tokens = training.stream().mapToLong(sentence -> sentence.words().size()).sum();
        System.err.printf(
                Locale.ROOT,
                "training on %d tweets (%d sentences, %d tokens); %d held-out tweets%n",
                trainingTexts.size(),
                training.size(),
                tokens,
                heldOutTexts.size());
        String name = "tweet-tagger-" + trainingTexts.size() + "-tweets-" + passes + "-passes";
        TweetTagger tagger =
                TweetTaggerTrainer.train(name, training, heldOut, passes, 1L, System.err);
        Files.createDirectories(model.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(model)) {
            tagger.write(stream);
        }
        System.out.printf(
                Locale.ROOT,
                "%s written to %s (%d bytes): agrees with CoreNLP's tagger on %.2f%% of the"
                        + " held-out tokens%n",
                name,
                model,
                Files.size(model),
                100 * TweetTaggerTrainer.agreement(tagger, heldOut));
        return 0;
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing " + file);
        }
        return file;
    }

    /** Every text's sentences as CoreNLP tags them, in the texts' order. */
    private List<TaggedSentence> tagWithCoreNlp(String task, List<String> texts) throws Exception {
        ExecutorService taggers = Executors.newFixedThreadPool(threads);
        ExecutorService collector = Executors.newSingleThreadExecutor();
        AtomicLong done = new AtomicLong();
        try {
            List<Future<List<TaggedSentence>>> tagged = new ArrayList<>(texts.size());
            for (String text : texts) {
                tagged.add(
                        taggers.submit(
                                () -> {
                                    List<TaggedSentence> sentences =
                                            SocialTextAnnotator.taggedByCoreNlp(text);
                                    done.incrementAndGet();
                                    return sentences;
                                }));
            }
            Future<List<TaggedSentence>> inOrder =
                    collector.submit(
                            () -> {
                                List<TaggedSentence> sentences = new ArrayList<>();
                                for (Future<List<TaggedSentence>> text : tagged) {
                                    sentences.addAll(text.get());
                                }
                                return sentences;
                            });
            return Progress.follow(task, texts.size(), inOrder, done::get);
        } finally {
            taggers.shutdownNow();
            collector.shutdownNow();
        }
    }
}
