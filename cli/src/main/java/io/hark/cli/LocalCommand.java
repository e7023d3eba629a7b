// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.cli.sample.SampleMentions;
import io.hark.jobs.archive.JsonLinesMentionFormat;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.listen.operators.DropRedelivered;
import io.hark.jobs.listen.operators.MatchQueries;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import io.hark.queries.QueryDefinition;
import io.hark.queries.QueryFile;
import io.hark.report.BrandReports;
import io.hark.report.ElasticsearchJson;
import io.hark.report.ReportPeriod;
import io.hark.report.ReportSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Hark end to end on one machine: embedded Kafka and Elasticsearch, Flink in this JVM, the listen
 * job, and a sample stream (or a file). Everything lives in temporary directories and is gone when
 * the command ends.
 */
@Command(
        name = "local",
        description = {
            "Runs Hark end to end on embedded Kafka, Elasticsearch and Flink.",
            "Without --mentions, feeds a live sample stream until Ctrl-C.",
            "With --mentions FILE --exit-after-drain, feeds the file, waits until every record is indexed or",
            "dead-lettered, stops, and prints as its last line {\"read\":..,\"indexed\":..,\"dead_lettered\":..,",
            "\"redelivered\":..,\"unmatched\":..}: every line read is indexed, dead-lettered, a redelivery or unmatched."
        })
final class LocalCommand implements Callable<Integer> {
    /** One sample record in this many is malformed, to show the dead-letter path. */
    static final int MALFORMED_EVERY = 200;

    @Option(
            names = "--mentions",
            description = "JSON Lines file of mentions to feed instead of the sample stream")
    Path mentions;

    @Option(
            names = "--exit-after-drain",
            description = "with --mentions: stop once everything is indexed or dead-lettered")
    boolean exitAfterDrain;

    @Option(
            names = "--report",
            description =
                    "with --exit-after-drain: write the brand report (HTML) of everything indexed to this file")
    Path report;

    @Option(names = "--keep-unmatched", description = "also index mentions that match no query")
    boolean keepUnmatched;

    @Option(
            names = "--notifiers",
            description =
                    "YAML file of alert notifiers per query group (webhook, Slack, PagerDuty)")
    Path notifiers;

    @Mixin SampleStreamOptions sample;

    @Option(
            names = "--web-ui-port",
            defaultValue = "8081",
            description = "Flink web UI port, another if taken (default: ${DEFAULT-VALUE})")
    int webUiPort;

    @Override
    public Integer call() throws Exception {
        if (report != null && !exitAfterDrain) {
            throw new IllegalArgumentException("--report needs --exit-after-drain");
        }
        if (exitAfterDrain && mentions == null) {
            throw new IllegalArgumentException("--exit-after-drain needs --mentions FILE");
        }
        if (mentions != null && !Files.isReadable(mentions)) {
            throw new IllegalArgumentException("cannot read " + mentions);
        }
        CompletableFuture<Duration> models = LocalJobs.loadModelsInBackground();
        say("starting embedded Kafka and Elasticsearch, loading the NLP models...");
        try (LocalStack stack = LocalStack.start();
                LocalFlink flink = LocalFlink.withWebUi(webUiPort, LocalJobs.PARALLELISM)) {
            say("Kafka:         " + stack.bootstrapServers());
            say(
                    "Elasticsearch: "
                            + stack.elasticsearchUrl()
                            + "  (try: curl '"
                            + stack.elasticsearchUrl()
                            + "/hark-mentions/_search?q=text:delay&pretty')");
            // The listen job's sink would install them as it starts; a fresh Elasticsearch takes
            // seconds over the first, better spent while the models load.
            ListenOptions listenOptions = jobs(stack).listen(exitAfterDrain);
            listenOptions.indices().ensure(listenOptions.elasticsearch());
            say("Flink web UI:  " + flink.webUiUrl());
            if (exitAfterDrain) {
                return drain(stack, flink, models, listenOptions);
            }
            return runLive(stack, flink);
        }
    }

    private LocalJobs jobs(LocalStack stack) {
        return new LocalJobs(stack, sample.queriesFile(), keepUnmatched, notifiers, null);
    }

    private int drain(
            LocalStack stack,
            LocalFlink flink,
            CompletableFuture<Duration> models,
            ListenOptions options)
            throws Exception {
        MentionProducer.FileResult produced;
        try (MentionProducer producer =
                        new MentionProducer(
                                options.kafka(), options.inputTopic(), options.deadLetterTopic());
                Progress progress =
                        Progress.start("reading  ", JsonLinesMentionFormat.lines(mentions))) {
            produced = producer.sendJsonLines(mentions, options.maxTextChars(), progress::stepTo);
        }
        // Building the job needs no model: it is built while they load, and runs once they are.
        ListenJob.define(flink.environment(), options);
        Duration modelLoading;
        try {
            modelLoading = models.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot load the NLP models", e.getCause());
        }
        say(
                String.format(
                        Locale.ROOT,
                        "NLP models loaded in %.1f s; running the listen job...",
                        modelLoading.toMillis() / 1e3));
        long started = System.nanoTime();
        JobClient job = flink.environment().executeAsync(ListenJob.NAME);
        // Built while the listen job runs: its bounded source takes the enriched topic's end when
        // it starts, after the listen job has finished writing it.
        MetricsOptions metrics = jobs(stack).metrics(true);
        MetricsJob.define(flink.environment(), metrics);
        JobExecutionResult result;
        try (Progress progress = Progress.start("indexing ", produced.lines())) {
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
            poller.scheduleWithFixedDelay(
                    () ->
                            progress.stepTo(
                                    quietly(() -> done(options, job.getAccumulators().get()))),
                    2,
                    2,
                    TimeUnit.SECONDS);
            try {
                result = job.getJobExecutionResult().get();
            } finally {
                poller.shutdownNow();
            }
            progress.stepTo(done(options, result.getAllAccumulatorResults()));
        }
        say("counting per query and window, and looking for spikes...");
        flink.environment().executeAsync(MetricsJob.NAME).getJobExecutionResult().get();
        double seconds = (System.nanoTime() - started) / 1e9;
        long indexed =
                IndexCounts.count(options.elasticsearch(), options.indices().mentionsAlias());
        long metricDocuments =
                IndexCounts.count(options.elasticsearch(), metrics.indices().metricsAlias());
        List<String> alerts = new ArrayList<>();
        TopicReader.readAll(
                options.kafka(),
                metrics.alertTopic(),
                record -> alerts.add(AlertTail.line(record.value())));
        alerts.forEach(System.err::println);
        if (report != null) {
            say(writeReport(metrics));
        }
        long deadLettered =
                TopicReader.readAll(options.kafka(), options.deadLetterTopic(), record -> {});
        stack.close();
        long redelivered = LocalFlink.counted(result, DropRedelivered.DROPPED);
        long unmatched = LocalFlink.counted(result, MatchQueries.UNMATCHED);
        System.out.printf(
                Locale.ROOT,
                "{\"read\":%d,\"indexed\":%d,\"dead_lettered\":%d,\"duplicate_ids\":%d,\"redelivered\":%d,"
                        + "\"unmatched\":%d,\"metric_documents\":%d,\"alert_steps\":%d,"
                        + "\"model_load_seconds\":%.1f,\"seconds\":%.1f,\"mentions_per_second\":%.1f}%n",
                produced.lines(),
                indexed,
                deadLettered,
                produced.duplicateKeys(),
                redelivered,
                unmatched,
                metricDocuments,
                alerts.size(),
                modelLoading.toMillis() / 1e3,
                seconds,
                produced.lines() / seconds);
        return 0;
    }

    /** The report of every window the metrics job wrote, all queries, dates in UTC. */
    private String writeReport(MetricsOptions metrics) throws IOException {
        String prefix = metrics.indices().prefix();
        ReportPeriod period;
        try (ElasticsearchJson elasticsearch = metrics.elasticsearch().json()) {
            period = BrandReports.coveringPeriod(elasticsearch, prefix, ZoneOffset.UTC);
        }
        List<QueryDefinition> definitions = QueryFile.load(sample.queriesFile());
        return ReportCommand.write(
                metrics.elasticsearch(),
                new ReportSpec(period, prefix, List.of(), List.of(), definitions),
                report);
    }

    private int runLive(LocalStack stack, LocalFlink flink) throws Exception {
        LocalJobs jobs = jobs(stack);
        ListenOptions options = jobs.listen(false);
        MetricsOptions metrics = jobs.metrics(false);
        JobClient job = jobs.startLive(flink);
        Thread alertTail =
                new Thread(
                        new AlertTail(options.kafka(), metrics.alertTopic(), System.out),
                        "hark-local-alerts");
        alertTail.setDaemon(true);
        alertTail.start();
        Thread feeder = new Thread(() -> feed(options), "hark-local-feeder");
        feeder.setDaemon(true);
        feeder.start();
        LocalFlink.cancelOnExit(
                job,
                () -> {
                    feeder.interrupt();
                    stack.close();
                });
        say("running; Ctrl-C stops everything.");
        LiveProgress live = new LiveProgress(options);
        while (!job.getJobExecutionResult().isDone()) {
            Thread.sleep(5_000);
            live.print();
        }
        job.getJobExecutionResult().get();
        return 0;
    }

    private void feed(ListenOptions options) {
        try (MentionProducer producer =
                new MentionProducer(
                        options.kafka(), options.inputTopic(), options.deadLetterTopic())) {
            if (mentions != null) {
                MentionProducer.FileResult result =
                        producer.sendJsonLines(mentions, options.maxTextChars(), lines -> {});
                say("fed " + result.lines() + " lines from " + mentions);
            } else {
                SampleStream.send(
                        new SampleMentions(System.nanoTime(), Instant.now(), sample.rate),
                        producer,
                        null,
                        MALFORMED_EVERY,
                        sample.crises(),
                        sent -> {});
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            say("feeding stopped: " + e.getMessage());
        }
    }

    /**
     * The mentions the listen job is done with: indexed, dead-lettered, or dropped as matching no
     * query or as redelivered ({@code counters}: the job's accumulators).
     */
    private static long done(ListenOptions options, Map<String, Object> counters) throws Exception {
        return IndexCounts.count(options.elasticsearch(), options.indices().mentionsAlias())
                + TopicReader.size(options.kafka(), options.deadLetterTopic())
                + LocalFlink.counted(counters, MatchQueries.UNMATCHED)
                + LocalFlink.counted(counters, DropRedelivered.DROPPED);
    }

    /** Live counters, read back from Kafka and Elasticsearch every few seconds. */
    static final class LiveProgress {
        private final ListenOptions options;
        private final Instant started = Instant.now();
        private long lastIndexed;
        private Instant lastTime = started;

        LiveProgress(ListenOptions options) {
            this.options = options;
        }

        void print() {
            long received = quietly(() -> TopicReader.size(options.kafka(), options.inputTopic()));
            long indexed =
                    quietly(
                            () ->
                                    IndexCounts.count(
                                            options.elasticsearch(),
                                            options.indices().mentionsAlias()));
            long deadLettered =
                    quietly(() -> TopicReader.size(options.kafka(), options.deadLetterTopic()));
            Instant now = Instant.now();
            double rate =
                    (indexed - lastIndexed)
                            / Math.max(0.001, Duration.between(lastTime, now).toMillis() / 1000.0);
            lastIndexed = indexed;
            lastTime = now;
            Duration up = Duration.between(started, now);
            System.out.printf(
                    "[%02d:%02d:%02d] received %d | indexed %d (%.1f mentions/s) | dead-lettered %d%n",
                    up.toHours(),
                    up.toMinutesPart(),
                    up.toSecondsPart(),
                    received,
                    indexed,
                    rate,
                    deadLettered);
        }
    }

    private interface Count {
        long get() throws Exception;
    }

    private static long quietly(Count count) {
        try {
            return count.get();
        } catch (Exception e) {
            return 0;
        }
    }

    private static void say(String line) {
        System.err.println(line);
    }
}
