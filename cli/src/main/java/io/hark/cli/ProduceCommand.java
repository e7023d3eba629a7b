// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.cli.sample.SampleMentions;
import io.hark.jobs.JobArguments;
import io.hark.jobs.Topics;
import io.hark.jobs.archive.JsonLinesMentionFormat;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.listen.ListenOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** JSON Lines (or the sample stream) to Avro mentions on any Kafka. */
@Command(
        name = "produce",
        description = {
            "Sends a JSON Lines file of mentions to Kafka as Avro Mentions.",
            "Lines that are not valid mentions, or that Kafka refuses for their size, go to the dead-letter topic",
            "with their reason, file and line.",
            "Prints one JSON summary line: {\"lines\":..,\"sent\":..,\"dead_lettered\":..,\"duplicate_keys\":..}."
        })
final class ProduceCommand implements Callable<Integer> {
    static final class Input {
        @Option(names = "--file", required = true, description = "JSON Lines file of mentions")
        Path file;

        @Option(
                names = "--sample",
                required = true,
                description = "send Hark's generated sample stream instead of a file")
        boolean sample;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(
            names = "--bootstrap",
            required = true,
            description = "Kafka bootstrap servers HOST:PORT[,...]")
    String bootstrap;

    @Option(
            names = "--topic",
            defaultValue = Topics.MENTIONS,
            description = "topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(
            names = "--dead-letter-topic",
            defaultValue = Topics.DEAD_LETTERS,
            description = "for invalid lines (default: ${DEFAULT-VALUE})")
    String deadLetterTopic;

    @Option(
            names = "--kafka-config",
            description = "Java properties file of extra Kafka client settings (security)")
    Path kafkaConfig;

    @Option(
            names = "--rate",
            defaultValue = "50",
            description = "with --sample: mentions per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--count",
            description = "with --sample: stop after this many (default: run until stopped)")
    Long count;

    @Option(
            names = "--max-text-chars",
            defaultValue = "" + ListenOptions.DEFAULT_MAX_TEXT_CHARS,
            description =
                    "lines whose text is longer are dead-lettered (text_too_long), as the listen job would (default: ${DEFAULT-VALUE})")
    int maxTextChars;

    @Override
    public Integer call() throws Exception {
        KafkaConnection kafka = JobArguments.kafka(bootstrap, kafkaConfig);
        try (MentionProducer producer = new MentionProducer(kafka, topic, deadLetterTopic)) {
            if (input.sample) {
                SampleStream.send(
                        new SampleMentions(System.nanoTime(), Instant.now(), rate),
                        producer,
                        count,
                        sent -> System.err.print("\rsent " + sent));
                System.err.println();
                return 0;
            }
            if (!Files.isReadable(input.file)) {
                throw new IllegalArgumentException("cannot read " + input.file);
            }
            MentionProducer.FileResult result;
            try (Progress progress =
                    Progress.start("producing", JsonLinesMentionFormat.lines(input.file))) {
                result = producer.sendJsonLines(input.file, maxTextChars, progress::stepTo);
            }
            System.out.printf(
                    "{\"lines\":%d,\"sent\":%d,\"dead_lettered\":%d,\"duplicate_keys\":%d}%n",
                    result.lines(), result.sent(), result.deadLettered(), result.duplicateKeys());
            return 0;
        }
    }
}
