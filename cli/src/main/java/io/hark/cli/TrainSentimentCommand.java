// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.nlp.sentiment.DomainAdaptation;
import io.hark.nlp.sentiment.LabeledTweet;
import io.hark.nlp.sentiment.TargetedSentimentTrainer;
import io.hark.nlp.sentiment.TweetSentiment;
import io.hark.nlp.sentiment.TweetSentimentModel;
import io.hark.nlp.sentiment.TweetSentimentTrainer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reproduces the shipped sentiment model, or adapts it to a domain from analysts' labels. */
@Command(
        name = "train-sentiment",
        description = {
            "Trains Hark's tweet sentiment model on the SemEval 2013-2016 train and dev sets (never on",
            "semeval-2016test.tsv) and extra/tweet-sentiment-extraction.tsv, with a distant model from",
            "extra/sentiment140-100k.tsv; picks the regularization on 2016devtest, prints dev scores and those of a",
            "model trained without the extra set on it, and writes the model.",
            "The model Hark ships was made with the defaults; see nlp-models/.../sentiment/MODEL.md.",
            "With --targeted, trains the sentiment-toward-a-target model instead, on targeted/semeval-*-B.tsv (never on",
            "semeval-2016test-B.tsv) over the shipped whole-text model, each training tweet read by a whole-text model",
            "trained without its fold (about 4 minutes); sigma chosen by cross-validation by topic.",
            "With --domain LABELS.tsv (id<TAB>label<TAB>text lines, such as labels export writes) and --out FILE: adapts the",
            "shipped model (or --general FILE) to the labels' domain instead (about a minute); use it with sentiment --model FILE."
        })
final class TrainSentimentCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            description =
                    "folder of semeval-*.tsv and extra/ (default: ../shared/data/sentiment beside the project)")
    Path data;

    @Option(
            names = "--out",
            description = "model file to write (default: the model nlp-models ships)")
    Path out;

    @Option(
            names = "--targeted",
            description =
                    "train the targeted model (sentiment --targets); "
                            + "--sigmas, --min-feature-count and --in-domain-copies are for the whole-text model only")
    boolean targeted;

    @Option(
            names = "--sigmas",
            defaultValue = "0.5,1,2",
            description = "L2 priors to try (default: ${DEFAULT-VALUE})")
    String sigmas;

    @Option(
            names = "--min-feature-count",
            defaultValue = "2",
            description = "default: ${DEFAULT-VALUE}")
    int minFeatureCount;

    @Option(
            names = "--in-domain-copies",
            defaultValue = "3",
            description = "weight of the 2016 sets (default: ${DEFAULT-VALUE})")
    int inDomainCopies;

    @Option(
            names = "--domain",
            description = "in-domain labels (id<TAB>label<TAB>text; negative, neutral or positive)")
    Path domain;

    @Option(
            names = "--general",
            description = "with --domain: the model to adapt (default: the shipped one)")
    Path general;

    @Override
    public Integer call() throws Exception {
        if (domain != null) {
            return trainDomain();
        }
        Path home = Path.of(System.getProperty("hark.home", "."));
        Path dataDir = CommandFiles.sentimentData(data);
        Path model =
                out != null
                        ? out
                        : home.resolve("nlp-models/src/main/resources/io/hark/nlp/sentiment")
                                .resolve(
                                        targeted
                                                ? "targeted-sentiment.ser.gz"
                                                : "tweet-sentiment.ser.gz");
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException(
                    "no SemEval data at " + dataDir + " (use --data DIR)");
        }
        if (targeted) {
            TargetedSentimentTrainer.main(new String[] {model.toString(), dataDir.toString()});
            System.err.println("model written to " + model + "; update MODEL.md");
            return 0;
        }
        TweetSentimentTrainer.main(
                new String[] {
                    model.toString(),
                    dataDir.toString(),
                    sigmas,
                    String.valueOf(minFeatureCount),
                    String.valueOf(inDomainCopies)
                });
        System.err.println(
                "model written to "
                        + model
                        + "; update MODEL.md and the recorded dev score in BenchCommand (bench nlp compares)");
        return 0;
    }

    private int trainDomain() throws Exception {
        if (out == null) {
            throw new IllegalArgumentException(
                    "--domain needs --out FILE: the shipped model is the general one");
        }
        List<LabeledTweet> labels = LabeledTweet.readLabels(domain);
        TweetSentimentModel generalModel =
                (general == null ? TweetSentiment.shared() : TweetSentiment.load(general)).model();
        String name =
                generalModel.name()
                        + "+"
                        + domain.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        System.err.printf(
                "adapting %s to %d labels of %s...%n", generalModel.name(), labels.size(), domain);
        TweetSentimentModel adapted =
                DomainAdaptation.adapt(generalModel, labels, name, System.err);
        try (OutputStream stream = Files.newOutputStream(out)) {
            adapted.write(stream);
        }
        System.err.println(
                "model "
                        + name
                        + " written to "
                        + out
                        + "; use it with: scripts/hark sentiment --model "
                        + out);
        return 0;
    }
}
