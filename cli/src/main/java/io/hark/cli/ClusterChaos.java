// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.cli.sample.SampleMentions;
import io.hark.embedded.FlinkSessionCluster;
import io.hark.embedded.LocalCluster;
import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.WindowVolumes;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.metrics.DetectSpikes;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.MentionFlags;
import io.hark.schema.MentionIds;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Formatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hark under faults on a real multi-process cluster ({@link LocalCluster}): the listen and metrics
 * jobs run from {@code hark-jobs.jar} on the Flink session cluster while the sample stream flows
 * with a staged crisis and some bad records; a TaskManager, the Kafka broker that leads most input
 * partitions, and the Elasticsearch data node are killed with {@code kill -9} one after another
 * (the TaskManager replaced, the broker and the node started again). Then everything is read back
 * from the servers: each valid mention sent indexed once by id, the window counts against the
 * indexed mentions, the crisis's alert episode, the dead letters, the jobs' states.
 *
 * <p>The recovery time of a fault is from the kill until a mention created after it is indexed:
 * detection, failover, restart and catching up, plus the pipeline's normal latency (a second or
 * two).
 */
final class ClusterChaos {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final String METRICS_JOB = MetricsJob.class.getName();
    private static final String CRISIS_BRAND = "BlueJet";

    /** The crisis brand's own listening query in {@code examples/queries.yaml}. */
    private static final String CRISIS_QUERY = "bluejet";

    /**
     * @param rate sample mentions per second
     * @param history how much of the sample stream is sent at once at the start (event time before
     *     now), so the spike detector has a baseline when the crisis comes
     * @param settle how long the stream flows between one recovery and the next fault (once the
     *     jobs caught up with it), and after the last
     * @param crisisAfter when the staged crisis starts, from the jobs' submission (they start, and
     *     the faults come, while it lasts)
     * @param crisis how long it lasts
     * @param malformedEvery every n-th record is bad (a dead letter)
     */
    record Settings(
            double rate,
            Duration history,
            Duration settle,
            Duration crisisAfter,
            Duration crisis,
            int malformedEvery) {}

    /** What the run measured; {@link #json()} is the last line of {@code hark bench chaos}. */
    record Result(
            long sent,
            long valid,
            long indexed,
            long lost,
            long duplicated,
            boolean windowCountsExact,
            int alertEpisodes,
            int crisisOpenings,
            String crisisAccount,
            long deadLetters,
            long expectedDeadLetters,
            List<String> jobStates,
            Map<String, String> taskManagersExitedUnkilled,
            double taskManagerSeconds,
            double taskManagerRegisteredSeconds,
            double brokerSeconds,
            double elasticsearchNodeSeconds) {
        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"sent\":%d,\"valid\":%d,\"indexed\":%d,\"lost\":%d,\"duplicated\":%d,"
                            + "\"window_counts_exact\":%b,\"alert_episodes\":%d,"
                            + "\"recovery_seconds\":{\"taskmanager\":%.1f,\"broker\":%.1f,"
                            + "\"elasticsearch_node\":%.1f}}",
                    sent,
                    valid,
                    indexed,
                    lost,
                    duplicated,
                    windowCountsExact,
                    alertEpisodes,
                    taskManagerSeconds,
                    brokerSeconds,
                    elasticsearchNodeSeconds);
        }
    }

    private final LocalCluster cluster;
    private final PrintStream log;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private ClusterChaos(LocalCluster cluster, PrintStream log) {
        this.cluster = cluster;
        this.log = log;
    }

    /** Starts a cluster, runs the faults on it, reads the results back and stops it. */
    static Result run(Path jobsJar, Path queries, Settings settings, PrintStream log)
            throws Exception {
        log.println("starting 3 Kafka brokers, 2 Elasticsearch nodes and a Flink cluster...");
        try (LocalCluster cluster = LocalCluster.start(FlinkSessionCluster.Settings.defaults())) {
            return new ClusterChaos(cluster, log).run(jobsJar, queries, settings);
        }
    }

    private Result run(Path jobsJar, Path queries, Settings settings) throws Exception {
        LocalJobs jobs = new LocalJobs(LocalJobs.Servers.of(cluster), queries, true, null, null);
        ListenOptions listen = jobs.listen(false);
        MetricsOptions metrics = jobs.metrics(false);
        cluster.kafka().createTopics(Topics.DEFAULT_PARTITIONS);
        FlinkSessionCluster flink = cluster.flink();
        String listenJob = flink.submit(jobsJar, null, jobs.listenArguments(false));
        String metricsJob = flink.submit(jobsJar, METRICS_JOB, jobs.metricsArguments(false));
        log.printf(
                "Flink web UI %s: listen job %s, metrics job %s%n",
                flink.restUrl(), listenJob, metricsJob);

        Set<String> valid = ConcurrentHashMap.newKeySet();
        AtomicBoolean feeding = new AtomicBoolean(true);
        AtomicReference<Exception> feedFailure = new AtomicReference<>();
        AtomicLong sent = new AtomicLong();
        Instant crisisStart = Instant.now().plus(settings.crisisAfter());
        Thread feeder =
                new Thread(
                        () -> {
                            try (MentionProducer producer =
                                    new MentionProducer(
                                            listen.kafka(),
                                            listen.inputTopic(),
                                            listen.deadLetterTopic())) {
                                SampleStream.send(
                                        new SampleMentions(
                                                11,
                                                Instant.now().minus(settings.history()),
                                                settings.rate()),
                                        producer,
                                        n -> {
                                            boolean more = feeding.get();
                                            if (more) {
                                                sent.set(n);
                                            }
                                            return more;
                                        },
                                        settings.malformedEvery(),
                                        List.of(
                                                new SampleStream.Crisis(
                                                        crisisStart,
                                                        CRISIS_BRAND,
                                                        settings.crisis(),
                                                        6)),
                                        n -> {},
                                        mention -> valid.add(MentionIds.of(mention)));
                            } catch (Exception e) {
                                feedFailure.set(e);
                            }
                        },
                        "hark-chaos-feeder");
        feeder.start();
        String mentions = listen.indices().mentionsAlias();
        Instant caughtUpWithHistory;
        Recovery taskManager;
        Instant taskManagerRegistered;
        double broker;
        double elasticsearchNode;
        try {
            awaitUntil(
                    "both jobs checkpointed and mentions indexed",
                    () ->
                            flink.completedCheckpoints(listenJob) > 0
                                    && flink.completedCheckpoints(metricsJob) > 0
                                    && countCreatedSince(mentions, Instant.EPOCH) > 0);
            pause(settings.settle());
            awaitCaughtUp(mentions, valid);
            caughtUpWithHistory = Instant.now();
            Set<String> taskManagersBefore = flink.registeredTaskManagerIds();
            AtomicReference<Instant> registered = new AtomicReference<>();
            Action noticeRegistration =
                    () -> {
                        if (registered.get() == null
                                && !taskManagersBefore.containsAll(
                                        flink.registeredTaskManagerIds())) {
                            registered.set(Instant.now());
                        }
                    };
            taskManager =
                    fault(
                            "kill -9 of a TaskManager running the listen job",
                            mentions,
                            () -> {
                                Set<String> runningMetrics = flink.taskManagersRunning(metricsJob);
                                String victim = flink.killTaskManagerRunning(listenJob);
                                flink.startTaskManager();
                                log.printf(
                                        "  killed %s, which ran tasks of %s%n",
                                        victim,
                                        runningMetrics.contains(victim)
                                                ? "both jobs"
                                                : "the listen job");
                            },
                            noticeRegistration);
            awaitUntil(
                    "the new TaskManager registered",
                    () -> {
                        noticeRegistration.run();
                        return registered.get() != null;
                    });
            taskManagerRegistered = registered.get();
            log.printf(
                    Locale.ROOT,
                    "  the new TaskManager registered %.1f s after the kill; indexing again %s%n",
                    taskManager.secondsUntil(taskManagerRegistered),
                    taskManager.indexingAgain().isAfter(taskManagerRegistered)
                            ? String.format(
                                    Locale.ROOT,
                                    "%.1f s after it registered",
                                    taskManager.secondsAfter(taskManagerRegistered))
                            : "before it registered");
            pause(settings.settle());
            awaitCaughtUp(mentions, valid);
            int leader = cluster.kafka().leaderOf(listen.inputTopic());
            broker =
                    fault(
                                    "kill -9 of Kafka broker " + leader + ", leader of the input",
                                    mentions,
                                    () -> cluster.kafka().kill(leader),
                                    () -> {})
                            .seconds();
            cluster.kafka().restart(leader);
            pause(settings.settle());
            awaitCaughtUp(mentions, valid);
            elasticsearchNode =
                    fault(
                                    "kill -9 of the Elasticsearch data node",
                                    mentions,
                                    () -> cluster.elasticsearchDataNode().kill(),
                                    () -> {})
                            .seconds();
            cluster.elasticsearchDataNode().restart();
            pause(
                    maximum(
                            settings.settle(),
                            Duration.between(
                                    Instant.now(),
                                    crisisStart.plus(settings.crisis()).plus(settings.settle()))));
        } finally {
            feeding.set(false);
            feeder.join();
        }
        if (feedFailure.get() != null) {
            throw new IllegalStateException("the sample stream failed", feedFailure.get());
        }
        log.printf("stopped the stream after %d records; reading everything back%n", sent.get());
        awaitUntil("every valid mention indexed", () -> ids(mentions).keySet().containsAll(valid));

        Map<String, Integer> indexed = ids(mentions);
        long lost = valid.stream().filter(id -> !indexed.containsKey(id)).count();
        long duplicated =
                indexed.values().stream().mapToLong(copies -> copies - 1).sum()
                        + indexed.keySet().stream().filter(id -> !valid.contains(id)).count();
        Map<String, Long> expectedVolumes = WindowVolumes.ofMentions(documents(mentions));
        String metricsIndex = metrics.indices().metricsAlias();
        // the metrics job may still be catching up on the enriched topic, and updates a window it
        // indexed when late mentions of it come: its counts are final once they stop changing
        Map<String, String> mismatches = new TreeMap<>();
        boolean windowCountsExact =
                eventually(
                        () -> {
                            mismatches.clear();
                            Map<String, Long> indexedVolumes =
                                    WindowVolumes.counted(documents(metricsIndex));
                            indexedVolumes.forEach(
                                    (window, volume) -> {
                                        long expected = expectedVolumes.getOrDefault(window, 0L);
                                        if (volume != expected) {
                                            mismatches.put(
                                                    window,
                                                    volume + " counted, " + expected + " indexed");
                                        }
                                    });
                            return !indexedVolumes.isEmpty() && mismatches.isEmpty();
                        });
        if (!windowCountsExact) {
            log.println("windows whose count differs from the mentions indexed: " + mismatches);
            try {
                explainMismatches(
                        mismatches.keySet(),
                        mentions,
                        metricsIndex,
                        listen.kafka(),
                        metrics.enrichedTopic());
            } catch (Exception e) {
                log.println("  (could not read back what the windows hold: " + e + ")");
            }
        }
        // the alerts index is made by the first episode: a run without any has none
        List<JsonNode> episodeDocuments =
                exists(metrics.indices().alertsAlias())
                        ? documents(metrics.indices().alertsAlias())
                        : List.of();
        int episodes = episodeDocuments.size();
        Set<String> crisisOpenings = new HashSet<>();
        Map<String, String> openings = new TreeMap<>();
        TopicReader.readAll(
                listen.kafka(),
                metrics.alertTopic(),
                record -> {
                    Alert step = decode(record.value());
                    if (step.getState() != AlertState.opened) {
                        return;
                    }
                    openings.put(
                            step.getQueryId()
                                    + " "
                                    + step.getSignal()
                                    + " at "
                                    + step.getWindowStart()
                                    + (step.getSummary().endsWith(DetectSpikes.JUDGED_LATE)
                                            ? " (judged late)"
                                            : ""),
                            step.getSummary());
                    if (step.getQueryId().equals(CRISIS_QUERY)) {
                        crisisOpenings.add(step.getAlertId() + "@" + step.getWindowStart());
                    }
                });
        log.println("episodes opened: " + openings.keySet());
        // an episode of another query is not asserted on, but its evidence says whether it was due
        openings.forEach((opening, summary) -> log.println("  " + opening + ": " + summary));
        reportDisorder(listen.kafka(), metrics.enrichedTopic(), caughtUpWithHistory);
        String crisisAccount = "";
        if (crisisOpenings.size() != 1) {
            try {
                crisisAccount =
                        crisisAccount(
                                crisisOpenings.size(), episodeDocuments, metricsIndex, crisisStart);
            } catch (Exception e) {
                crisisAccount = "(could not read back the crisis's windows: " + e + ")";
            }
            log.println(crisisAccount);
        }
        Set<String> deadLetters = new HashSet<>();
        TopicReader.readAll(
                listen.kafka(),
                listen.deadLetterTopic(),
                record -> {
                    DeadLetter letter = decodeDeadLetter(record.value());
                    // what the bad record was, not when it failed: a dead letter written again
                    // after a restart is the same one
                    deadLetters.add(
                            String.join(
                                    "|",
                                    String.valueOf(letter.getSourceTopic()),
                                    String.valueOf(letter.getSourcePartition()),
                                    String.valueOf(letter.getSourceOffset()),
                                    String.valueOf(letter.getMentionId()),
                                    String.valueOf(letter.getPayloadText()),
                                    letter.getPayload() == null
                                            ? ""
                                            : StandardCharsets.ISO_8859_1
                                                    .decode(letter.getPayload().duplicate())
                                                    .toString(),
                                    letter.getReason()));
                });
        List<String> states = List.of(flink.jobState(listenJob), flink.jobState(metricsJob));
        Map<String, String> exitedUnkilled = flink.taskManagersExitedUnkilled();
        exitedUnkilled.forEach(
                (name, error) -> log.printf("%s stopped though not killed: %s%n", name, error));
        return new Result(
                sent.get(),
                valid.size(),
                indexed.size(),
                lost,
                duplicated,
                windowCountsExact,
                episodes,
                crisisOpenings.size(),
                crisisAccount,
                deadLetters.size(),
                sent.get() / settings.malformedEvery(),
                states,
                exitedUnkilled,
                taskManager.seconds(),
                taskManager.secondsAfter(taskManagerRegistered),
                broker,
                elasticsearchNode);
    }

    private interface Action {
        void run() throws Exception;
    }

    /** When a fault struck, and when a mention created after it was first seen indexed. */
    private record Recovery(Instant killed, Instant indexingAgain) {
        double seconds() {
            return secondsUntil(indexingAgain);
        }

        double secondsUntil(Instant moment) {
            return Duration.between(killed, moment).toMillis() / 1000.0;
        }

        /** From {@code moment} until indexing again, 0 if indexing resumed before it. */
        double secondsAfter(Instant moment) {
            return Math.max(0, Duration.between(moment, indexingAgain).toMillis() / 1000.0);
        }
    }

    /**
     * Runs {@code kill} and waits until a mention created after it is indexed, running {@code
     * whileWaiting} at each look.
     */
    private Recovery fault(String what, String mentions, Action kill, Action whileWaiting)
            throws Exception {
        log.println(what);
        Instant killed = Instant.now();
        kill.run();
        awaitUntil(
                "a mention created after the " + what + " indexed",
                () -> {
                    whileWaiting.run();
                    return countCreatedSince(mentions, killed) > 0;
                });
        Recovery recovery = new Recovery(killed, Instant.now());
        log.printf(Locale.ROOT, "  indexing again %.1f s after the %s%n", recovery.seconds(), what);
        return recovery;
    }

    /**
     * Waits until Elasticsearch holds as many mentions as were sent valid by now, so a fault's
     * recovery time is not also the time to work off the history or the last fault's backlog. A
     * stream faster than the NLP never catches up: then the fault comes after {@link #PATIENCE}.
     */
    private void awaitCaughtUp(String mentions, Set<String> valid) throws Exception {
        long sent = valid.size();
        Instant since = Instant.now();
        if (eventually(() -> countCreatedSince(mentions, Instant.EPOCH) >= sent)) {
            log.printf(
                    Locale.ROOT,
                    "  caught up with the stream in %.1f s%n",
                    Duration.between(since, Instant.now()).toMillis() / 1000.0);
        } else {
            log.printf("  still behind the stream after %s; going on%n", PATIENCE);
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        if (!duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    }

    private static Duration maximum(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Whether {@code condition} holds within {@link #PATIENCE}. */
    private static boolean eventually(Condition condition) throws Exception {
        try {
            awaitUntil("the condition", condition);
            return true;
        } catch (IllegalStateException timedOut) {
            return false;
        }
    }

    private static void awaitUntil(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException | UncheckedIOException | IllegalStateException notNow) {
                // a server is away for a moment (that is the point): ask again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "No " + what + " within " + PATIENCE.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    /** Mentions whose {@code created_at} is at or after {@code since}, searchable now. */
    private long countCreatedSince(String index, Instant since) throws Exception {
        JsonNode response =
                post(
                        "/" + index + "/_count",
                        "{\"query\":{\"range\":{\"created_at\":{\"gte\":\"" + since + "\"}}}}");
        return response.path("count").asLong();
    }

    /** How many documents each id has across the indices behind {@code index}. */
    private Map<String, Integer> ids(String index) throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        scroll(index, "false", hit -> ids.merge(hit.path("_id").asText(), 1, Integer::sum));
        return ids;
    }

    /**
     * What a window that came out wrong holds: its mentions as Elasticsearch has them, against the
     * latest copy of each on the enriched topic (what the metrics job counts), and every copy of a
     * mention the two disagree on. Tells a copy the metrics job missed or counted with other
     * verdicts from a mention document that is not the latest copy.
     */
    private void explainMismatches(
            Set<String> windows,
            String mentions,
            String metricsIndex,
            KafkaConnection kafka,
            String enrichedTopic)
            throws Exception {
        List<JsonNode> windowDocuments = documents(metricsIndex);
        Map<String, JsonNode> indexed = new HashMap<>();
        scroll(mentions, "true", hit -> indexed.put(hit.path("_id").asText(), hit.path("_source")));
        Map<String, EnrichedMention> latest = new HashMap<>();
        Map<String, Instant> latestWritten = new HashMap<>();
        Map<String, List<String>> copies = new HashMap<>();
        TopicReader.readAll(
                kafka,
                enrichedTopic,
                record -> {
                    EnrichedMention copy = decodeEnriched(record.value());
                    String id = MentionIds.of(copy.getMention());
                    latest.put(id, copy);
                    latestWritten.put(id, Instant.ofEpochMilli(record.timestamp()));
                    copies.computeIfAbsent(id, any -> new ArrayList<>())
                            .add(
                                    String.format(
                                            Locale.ROOT,
                                            "partition %d offset %d written %s enriched %s spam %s queries %s",
                                            record.partition(),
                                            record.offset(),
                                            Instant.ofEpochMilli(record.timestamp()),
                                            copy.getEnrichedAt(),
                                            copy.getFlags().contains(MentionFlags.SPAM),
                                            copy.getMatchedQueries()));
                });
        for (String window : windows) {
            String query = window.substring(0, window.indexOf('@'));
            Instant minute = Instant.parse(window.substring(window.indexOf('@') + 1));
            Set<String> inIndex = new TreeSet<>();
            indexed.forEach(
                    (id, document) -> {
                        if (WindowVolumes.windowsOf(document).contains(window)) {
                            inIndex.add(id);
                        }
                    });
            Set<String> onTopic = new TreeSet<>();
            latest.forEach(
                    (id, copy) -> {
                        if (!copy.getFlags().contains(MentionFlags.SPAM)
                                && copy.getMatchedQueries().contains(query)
                                && copy.getMention()
                                        .getCreatedAt()
                                        .truncatedTo(ChronoUnit.MINUTES)
                                        .equals(minute)) {
                            onTopic.add(id);
                        }
                    });
            String updated =
                    windowDocuments.stream()
                            .filter(document -> window.equals(WindowVolumes.windowOf(document)))
                            .map(document -> document.path("updated_at").asText())
                            .toList()
                            .toString();
            log.printf(
                    "  %s: %d mentions indexed, %d by their latest copy on %s, the last written"
                            + " to it at %s; the window's metrics updated at %s%n",
                    window,
                    inIndex.size(),
                    onTopic.size(),
                    enrichedTopic,
                    onTopic.stream().map(latestWritten::get).max(Instant::compareTo).orElse(null),
                    updated);
            Set<String> differing = new TreeSet<>(inIndex);
            differing.addAll(onTopic);
            for (String id : differing) {
                if (inIndex.contains(id) && onTopic.contains(id) && copies.get(id).size() == 1) {
                    continue;
                }
                log.printf(
                        "    %s indexed %s as %s; copies on the topic: %s%n",
                        id,
                        inIndex.contains(id) ? "in the window" : "outside it",
                        indexed.containsKey(id)
                                ? indexed.get(id).path("flags")
                                        + " "
                                        + indexed.get(id).path("matched_queries")
                                : "nothing",
                        copies.getOrDefault(id, List.of()));
            }
        }
    }

    /**
     * How far each enriched mention came behind the latest event time of its topic partition (what
     * the metrics job's watermark has to wait for), while the jobs worked off the history and
     * after.
     */
    private void reportDisorder(KafkaConnection kafka, String enrichedTopic, Instant caughtUp) {
        Map<Integer, Long> latest = new HashMap<>();
        List<Long> catchingUp = new ArrayList<>();
        List<Long> afterwards = new ArrayList<>();
        TopicReader.readAll(
                kafka,
                enrichedTopic,
                record -> {
                    long createdAt =
                            decodeEnriched(record.value())
                                    .getMention()
                                    .getCreatedAt()
                                    .toEpochMilli();
                    Long before = latest.get(record.partition());
                    if (before != null) {
                        (record.timestamp() < caughtUp.toEpochMilli() ? catchingUp : afterwards)
                                .add(Math.max(0, before - createdAt));
                    }
                    latest.merge(record.partition(), createdAt, Math::max);
                });
        log.printf(
                "enriched mentions behind the latest of their partition: while the jobs worked off"
                        + " the history %s; afterwards %s%n",
                percentiles(catchingUp), percentiles(afterwards));
    }

    private static String percentiles(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none";
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "p50 %.1f s, p99 %.1f s, max %.1f s of %d",
                sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) (sorted.size() * 0.99)) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0,
                sorted.size());
    }

    private static EnrichedMention decodeEnriched(byte[] value) {
        try {
            return AvroCodec.ENRICHED_MENTION.decode(value);
        } catch (AvroCodec.UndecodableException e) {
            throw new IllegalStateException("the enriched topic holds something else", e);
        }
    }

    /**
     * Why the crisis did not page once: every episode, and the crisis query's windows from a little
     * before the crisis, with when each was last written (a window written long after its end was
     * judged before its late mentions came).
     */
    private String crisisAccount(
            int openings, List<JsonNode> episodeDocuments, String metricsIndex, Instant crisisStart)
            throws Exception {
        Formatter account = new Formatter(Locale.ROOT);
        account.format(
                "the crisis (query %s, from %s) opened an alert %d times; episodes:%n",
                CRISIS_QUERY, crisisStart, openings);
        for (JsonNode episode : episodeDocuments) {
            account.format(
                    "  %s %s %s window %s: %s against %s expected (top of band %s), score %s%n",
                    episode.path("query_id").asText(),
                    episode.path("signal").asText(),
                    episode.path("state").asText(),
                    episode.path("window_start").asText(),
                    episode.path("actual").asText(),
                    episode.path("expected").asText(),
                    episode.path("upper").asText(),
                    episode.path("anomaly_score").asText());
        }
        Instant from = crisisStart.minus(Duration.ofMinutes(3));
        documents(metricsIndex).stream()
                .filter(window -> window.path("scope").asText().equals("query"))
                .filter(window -> window.path("key").asText().equals(CRISIS_QUERY))
                .filter(
                        window ->
                                !Instant.parse(window.path("window_start").asText()).isBefore(from))
                .sorted(Comparator.comparing(window -> window.path("window_start").asText()))
                .forEach(
                        window ->
                                account.format(
                                        "  window %s: %d mentions, last written %s%n",
                                        window.path("window_start").asText(),
                                        window.path("volume").asLong(),
                                        window.path("updated_at").asText()));
        return account.toString();
    }

    private List<JsonNode> documents(String index) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        scroll(index, "true", hit -> documents.add(hit.path("_source")));
        return documents;
    }

    private void scroll(String index, String source, java.util.function.Consumer<JsonNode> each)
            throws Exception {
        post("/" + index + "/_refresh", "");
        JsonNode page =
                post(
                        "/" + index + "/_search?scroll=1m",
                        "{\"size\":2000,\"_source\":" + source + ",\"sort\":[\"_doc\"]}");
        while (page.path("hits").path("hits").size() > 0) {
            page.path("hits").path("hits").forEach(each);
            page =
                    post(
                            "/_search/scroll",
                            "{\"scroll\":\"1m\",\"scroll_id\":\""
                                    + page.path("_scroll_id").asText()
                                    + "\"}");
        }
    }

    private boolean exists(String index) throws Exception {
        int status =
                http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        cluster.elasticsearch().httpUrl()
                                                                + "/"
                                                                + index))
                                        .timeout(Duration.ofMinutes(1))
                                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
        if (status != 200 && status != 404) {
            throw new IOException("Elasticsearch answered " + status + " for index " + index);
        }
        return status == 200;
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(cluster.elasticsearch().httpUrl() + path))
                                .timeout(Duration.ofMinutes(1))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    "Elasticsearch answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static Alert decode(byte[] value) {
        try {
            return AvroCodec.ALERT.decode(value);
        } catch (AvroCodec.UndecodableException e) {
            throw new IllegalStateException("the alert topic holds something else", e);
        }
    }

    private static DeadLetter decodeDeadLetter(byte[] value) {
        try {
            return AvroCodec.DEAD_LETTER.decode(value);
        } catch (AvroCodec.UndecodableException e) {
            throw new IllegalStateException("the dead-letter topic holds something else", e);
        }
    }
}
