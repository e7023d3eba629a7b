// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink standalone session cluster as production runs one: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), each a JVM
 * process of its own started as Flink's scripts start them (memory sizes worked out by Flink's
 * {@code BashJavaUtils} from {@code config.yaml}), on Flink's own artifacts and none of Hark's.
 * RocksDB state with incremental checkpoints in a directory all processes share. Jobs come as a
 * jar, through the REST API that {@code flink run} and the web UI use. Listens on 127.0.0.1 only;
 * {@link #close()} kills every process and deletes the directory, and so does a JVM shutdown hook.
 */
public final class FlinkSessionCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkSessionCluster.class);
    private static final String HOST = "127.0.0.1";
    private static final String CLASSPATH =
            ChildJvm.classpath("/io/hark/flink-cluster/classpath.txt");
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What lets the jobs carry on within seconds when a TaskManager dies; the clusters of {@code
     * docker/} set the same.
     *
     * <ul>
     *   <li>{@code heartbeat.interval}: a TaskManager killed with -9 is declared lost when two
     *       heartbeats in a row fail (its port refuses). With Flink's default 10 s between them,
     *       jobs that ran there restarted some 20 s after the kill, when a new TaskManager had long
     *       registered. A TaskManager that is slow, not gone, is still given the timeout.
     * </ul>
     *
     * <p>Not set: {@code taskmanager.network.memory.read-buffer.required-per-gate.max: 1}. In Flink
     * 2.2.1 a task on a surviving TaskManager that read from a killed one can fail while returning
     * an exclusive read buffer to the broken channel, which Flink takes as fatal, so the survivor
     * stops too. That setting makes every read buffer floating and the survivor lived, but the jobs
     * took several times longer to index again in the runs with it than in those without it, where
     * the survivor stopped only now and then (the README gives the runs).
     */
    public static final Map<String, String> TASK_MANAGER_LOSS_SETTINGS =
            Map.of("heartbeat.interval", "1000");

    /** The cluster's shape and the memory of its processes. */
    public record Settings(
            int taskManagers,
            int slotsPerTaskManager,
            String taskManagerMemory,
            String jobManagerMemory,
            int restPort) {
        /**
         * Two TaskManagers with room for the listen job's NLP models, on a free REST port. Each has
         * four slots, twice what the two jobs at parallelism 2 ask of it: when one TaskManager
         * dies, its tasks restart at once on the other's spare slots, where the job's models are
         * loaded and its code compiled, instead of waiting for a new TaskManager to start, load the
         * models and warm up.
         */
        public static Settings defaults() {
            return new Settings(2, 4, "2560m", "1024m", 0);
        }

        public Settings withRestPort(int port) {
            return new Settings(
                    taskManagers, slotsPerTaskManager, taskManagerMemory, jobManagerMemory, port);
        }
    }

    private final Path directory;
    private final Path configDirectory;
    private final int restPort;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    /** The TaskManagers started, by name, which is also their resource id in Flink. */
    private final Map<String, ChildJvm> taskManagers = new LinkedHashMap<>();

    private final ShutdownHook shutdownHook;
    private ChildJvm jobManager;
    private List<String> taskManagerJvmOptions;
    private List<String> taskManagerDynamicConfig;
    private int taskManagersStarted;
    private final Map<Path, String> uploadedJars = new LinkedHashMap<>();
    private boolean closed;

    private FlinkSessionCluster(Path directory, int restPort) {
        this.directory = directory;
        this.configDirectory = directory.resolve("conf");
        this.restPort = restPort;
        this.shutdownHook = ShutdownHook.register("hark-flink-cluster-shutdown", this::close);
    }

    /** Starts the JobManager and the TaskManagers, and waits until every TaskManager registered. */
    public static FlinkSessionCluster start(Settings settings) {
        Path directory;
        try {
            directory = Files.createTempDirectory("hark-flink-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for Flink", e);
        }
        FlinkSessionCluster cluster =
                new FlinkSessionCluster(
                        directory,
                        settings.restPort() == 0 ? LocalPorts.free() : settings.restPort());
        try {
            cluster.writeConfig(settings);
            cluster.startJobManager();
            for (int i = 0; i < settings.taskManagers(); i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(settings.taskManagers());
            LOG.info(
                    "Flink session cluster ready at {} ({} TaskManagers)",
                    cluster.restUrl(),
                    settings.taskManagers());
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void writeConfig(Settings settings) {
        String config =
                String.join(
                        "\n",
                        TASK_MANAGER_LOSS_SETTINGS.entrySet().stream()
                                .map(setting -> setting.getKey() + ": " + setting.getValue())
                                .collect(Collectors.joining("\n")),
                        "jobmanager.rpc.address: " + HOST,
                        "jobmanager.rpc.port: " + LocalPorts.free(),
                        "jobmanager.bind-host: " + HOST,
                        "jobmanager.memory.process.size: " + settings.jobManagerMemory(),
                        "rest.address: " + HOST,
                        "rest.bind-address: " + HOST,
                        "rest.port: " + restPort,
                        "web.upload.dir: " + directory.resolve("uploads"),
                        "taskmanager.host: " + HOST,
                        "taskmanager.bind-host: " + HOST,
                        "taskmanager.numberOfTaskSlots: " + settings.slotsPerTaskManager(),
                        // each job's tasks spread over every TaskManager, so each one holds every
                        // job's code and models when another dies
                        "taskmanager.load-balance.mode: SLOTS",
                        "taskmanager.memory.process.size: " + settings.taskManagerMemory(),
                        // RocksDB's share (managed memory) is small here: Hark's state is small,
                        // and the heap holds the NLP models
                        "taskmanager.memory.managed.fraction: 0.1",
                        "state.backend.type: rocksdb",
                        "execution.checkpointing.incremental: true",
                        // a backlog in the NLP would hold aligned barriers for minutes; unaligned
                        // ones overtake it, so a checkpoint completes within seconds anyway
                        "execution.checkpointing.unaligned.enabled: true",
                        "execution.checkpointing.dir: " + directory.resolve("checkpoints").toUri(),
                        "execution.checkpointing.savepoint-dir: "
                                + directory.resolve("savepoints").toUri(),
                        "io.tmp.dirs: " + directory.resolve("tmp"),
                        "heartbeat.timeout: 30000",
                        "");
        try {
            Files.createDirectories(configDirectory);
            Files.createDirectories(directory.resolve("tmp"));
            Files.createDirectories(directory.resolve("uploads"));
            Files.writeString(configDirectory.resolve("config.yaml"), config);
            Files.writeString(
                    configDirectory.resolve("log4j.properties"),
                    String.join(
                            "\n",
                            "rootLogger.level = INFO",
                            "rootLogger.appenderRef.file.ref = MainAppender",
                            "appender.main.name = MainAppender",
                            "appender.main.type = File",
                            "appender.main.append = true",
                            "appender.main.fileName = ${sys:log.file}",
                            "appender.main.layout.type = PatternLayout",
                            "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c - %m%n",
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Flink's configuration", e);
        }
    }

    private void startJobManager() {
        List<List<String>> params = resourceParams("GET_JM_RESOURCE_PARAMS", "jobmanager");
        List<String> arguments =
                new ArrayList<>(List.of("--configDir", configDirectory.toString()));
        if (params.size() > 1) {
            arguments.addAll(params.get(1));
        }
        jobManager =
                ChildJvm.start(
                        CLASSPATH,
                        jvmOptions(params.get(0), "jobmanager"),
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                        arguments,
                        directory.resolve("log/jobmanager.out"));
    }

    /** Starts one more TaskManager, which registers with the JobManager by itself. */
    public synchronized void startTaskManager() {
        if (taskManagerJvmOptions == null) {
            List<List<String>> params = resourceParams("GET_TM_RESOURCE_PARAMS", "taskmanager");
            taskManagerJvmOptions = params.get(0);
            taskManagerDynamicConfig = params.size() > 1 ? params.get(1) : List.of();
        }
        String name = "taskmanager-" + ++taskManagersStarted;
        List<String> arguments =
                new ArrayList<>(List.of("--configDir", configDirectory.toString()));
        arguments.addAll(taskManagerDynamicConfig);
        arguments.addAll(List.of("-D", "taskmanager.resource-id=" + name));
        taskManagers.put(
                name,
                ChildJvm.start(
                        CLASSPATH,
                        jvmOptions(taskManagerJvmOptions, name),
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        arguments,
                        directory.resolve("log/" + name + ".out")));
        LOG.info("Flink {} started", name);
    }

    /**
     * {@code kill -9} of the TaskManager started first among those alive, with every task on it.
     * Returns its process id.
     */
    public synchronized long killTaskManager() {
        return kill(
                taskManagers.entrySet().stream()
                        .filter(taskManager -> taskManager.getValue().isAlive())
                        .findFirst()
                        .orElseThrow()
                        .getKey());
    }

    /**
     * {@code kill -9} of a TaskManager that runs tasks of {@code job}, with every task on it.
     * Returns its name.
     */
    public synchronized String killTaskManagerRunning(String job) {
        String victim =
                taskManagersRunning(job).stream()
                        .filter(taskManagers::containsKey)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "no TaskManager runs a task of job " + job));
        kill(victim);
        return victim;
    }

    /**
     * The TaskManagers started here whose process ended though nobody killed it, each with the
     * first fatal error its log gives.
     */
    public synchronized Map<String, String> taskManagersExitedUnkilled() {
        Map<String, String> exited = new TreeMap<>();
        taskManagers.forEach(
                (name, process) -> {
                    if (!process.isAlive()) {
                        exited.put(name, firstFatalError(logDirectory().resolve(name + ".log")));
                    }
                });
        return exited;
    }

    private static String firstFatalError(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" ERROR ") && line.contains("atal"))
                    .findFirst()
                    .orElse("no fatal error in " + log);
        } catch (IOException | UncheckedIOException e) {
            return "cannot read " + log + ": " + e.getMessage();
        }
    }

    /** The names of the TaskManagers that run tasks of {@code job} now. */
    public Set<String> taskManagersRunning(String job) {
        Set<String> names = new TreeSet<>();
        JsonNode vertices =
                get("/jobs/" + job)
                        .map(json -> json.path("vertices"))
                        .orElseGet(MissingNode::getInstance);
        for (JsonNode vertex : vertices) {
            String path =
                    "/jobs/" + job + "/vertices/" + vertex.path("id").asText() + "/taskmanagers";
            get(path)
                    .ifPresent(
                            tasks ->
                                    tasks.path("taskmanagers")
                                            .forEach(
                                                    taskManager ->
                                                            names.add(
                                                                    taskManager
                                                                            .path("taskmanager-id")
                                                                            .asText())));
        }
        return names;
    }

    private long kill(String name) {
        ChildJvm victim = taskManagers.remove(name);
        victim.kill();
        LOG.info("Flink {} (pid {}) killed", name, victim.pid());
        return victim.pid();
    }

    /**
     * The JVM options and the {@code -D key=value} arguments that Flink's scripts give a process,
     * worked out by Flink's {@code BashJavaUtils} from the configuration (memory sizes).
     */
    private List<List<String>> resourceParams(String command, String name) {
        Path log = directory.resolve("log/" + name + "-resources.out");
        ChildJvm.start(
                        CLASSPATH,
                        List.of("-Xmx128m"),
                        "org.apache.flink.runtime.util.bash.BashJavaUtils",
                        List.of(command, "--configDir", configDirectory.toString()),
                        log)
                .awaitSuccess(Duration.ofMinutes(2));
        try {
            List<List<String>> results =
                    Files.readAllLines(log).stream()
                            .filter(line -> line.startsWith(RESULT_PREFIX))
                            .map(line -> line.substring(RESULT_PREFIX.length()).strip())
                            .map(line -> Arrays.stream(line.split(" +")).filter(s -> !s.isEmpty()))
                            .map(words -> words.collect(Collectors.toList()))
                            .toList();
            if (results.isEmpty()) {
                throw new IllegalStateException("Flink's BashJavaUtils gave nothing; see " + log);
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> jvmOptions(List<String> memoryOptions, String name) {
        List<String> options = new ArrayList<>(memoryOptions);
        options.add("-XX:+UseG1GC");
        options.add("-Dlog.file=" + directory.resolve("log/" + name + ".log"));
        options.add(
                "-Dlog4j.configurationFile=" + configDirectory.resolve("log4j.properties").toUri());
        options.add("-Djava.io.tmpdir=" + directory.resolve("tmp"));
        // what Flink's scripts add for Java 17 (env.java.opts.all in a distribution's config.yaml)
        options.addAll(
                List.of(
                        "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                        "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "--add-opens=java.base/java.net=ALL-UNNAMED",
                        "--add-opens=java.base/java.io=ALL-UNNAMED",
                        "--add-opens=java.base/java.nio=ALL-UNNAMED",
                        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                        "--add-opens=java.base/java.text=ALL-UNNAMED",
                        "--add-opens=java.base/java.time=ALL-UNNAMED",
                        "--add-opens=java.base/java.util=ALL-UNNAMED",
                        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                        "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"));
        return options;
    }

    public String restUrl() {
        return "http://" + HOST + ":" + restPort;
    }

    /** Where the processes' logs are. */
    public Path logDirectory() {
        return directory.resolve("log");
    }

    /** The TaskManagers registered with the JobManager now. */
    public int registeredTaskManagers() {
        return registeredTaskManagerIds().size();
    }

    /** The ids of the TaskManagers registered with the JobManager now. */
    public Set<String> registeredTaskManagerIds() {
        Set<String> ids = new HashSet<>();
        get("/taskmanagers")
                .ifPresent(
                        json ->
                                json.path("taskmanagers")
                                        .forEach(
                                                taskManager ->
                                                        ids.add(taskManager.path("id").asText())));
        return ids;
    }

    public void awaitTaskManagers(int count) {
        awaitUntil(count + " TaskManagers registered", () -> registeredTaskManagers() >= count);
    }

    /**
     * Runs a job from {@code jar} (uploaded once), as {@code flink run -d [-c entryClass] jar
     * arguments} does; returns the job's id.
     */
    public synchronized String submit(Path jar, String entryClass, List<String> arguments) {
        String jarId = uploadedJars.computeIfAbsent(jar.toAbsolutePath(), this::upload);
        ObjectNode request = JSON.createObjectNode();
        if (entryClass != null) {
            request.put("entryClass", entryClass);
        }
        arguments.forEach(request.putArray("programArgsList")::add);
        JsonNode response =
                send(
                        HttpRequest.newBuilder(URI.create(restUrl() + "/jars/" + jarId + "/run"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(request.toString())));
        String job = response.path("jobid").asText();
        LOG.info("Flink job {} submitted from {} ({})", job, jar, entryClass);
        return job;
    }

    private String upload(Path jar) {
        String boundary = "hark-" + UUID.randomUUID();
        String head =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName()
                        + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
        try {
            HttpRequest.BodyPublisher body =
                    HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofString(head),
                            HttpRequest.BodyPublishers.ofFile(jar),
                            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
            JsonNode response =
                    send(
                            HttpRequest.newBuilder(URI.create(restUrl() + "/jars/upload"))
                                    .header(
                                            "Content-Type",
                                            "multipart/form-data; boundary=" + boundary)
                                    .POST(body));
            String file = response.path("filename").asText();
            return Path.of(file).getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    /** The job's state: RUNNING, RESTARTING, FAILED, ... */
    public String jobState(String job) {
        return get("/jobs/" + job).map(json -> json.path("state").asText()).orElse("UNKNOWN");
    }

    /** Whether the job has been restarting (after a failure) at any time since it started. */
    public boolean restarted(String job) {
        return get("/jobs/" + job)
                .map(json -> json.path("timestamps").path("RESTARTING").asLong() > 0)
                .orElse(false);
    }

    public long completedCheckpoints(String job) {
        return get("/jobs/" + job + "/checkpoints")
                .map(json -> json.path("counts").path("completed").asLong())
                .orElse(0L);
    }

    /** Cancels the job and waits until it is cancelled. */
    public void cancel(String job) {
        send(
                HttpRequest.newBuilder(URI.create(restUrl() + "/jobs/" + job + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        awaitUntil("job " + job + " cancelled", () -> jobState(job).equals("CANCELED"));
    }

    private Optional<JsonNode> get(String path) {
        try {
            return Optional.of(send(HttpRequest.newBuilder(URI.create(restUrl() + path)).GET()));
        } catch (IllegalStateException | UncheckedIOException unavailable) {
            return Optional.empty();
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(
                            request.timeout(REQUEST_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "Flink answered "
                                + response.statusCode()
                                + " to "
                                + response.request().uri()
                                + ": "
                                + response.body());
            }
            return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Flink at " + restUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to Flink", e);
        }
    }

    private interface Condition {
        boolean holds();
    }

    private void awaitUntil(String what, Condition condition) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            while (!condition.holds()) {
                if (!jobManager.isAlive()) {
                    throw new IllegalStateException(
                            "Flink's JobManager died; see " + logDirectory());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "No "
                                    + what
                                    + " within "
                                    + READY_TIMEOUT.toSeconds()
                                    + " s; see "
                                    + logDirectory());
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }

    /** Kills every process and deletes the checkpoints, logs and uploaded jars. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            taskManagers.values().forEach(ChildJvm::kill);
            if (jobManager != null) {
                jobManager.kill();
            }
        } finally {
            Directories.deleteRecursively(directory);
            shutdownHook.withdraw();
        }
    }
}
