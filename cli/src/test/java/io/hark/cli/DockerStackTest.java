/*
 * Hark: real-time social listening on Kafka, Flink and Elasticsearch.
 * Copyright (C) 2026 the Hark authors.
 *
 * This program is free software: you can redistribute it and/or modify it under the terms of
 * the GNU General Public License as published by the Free Software Foundation, either version 3
 * of the License, or (at your option) any later version. See LICENSE.
 */
package io.hark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.hark.embedded.FlinkSessionCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Static checks of the deployment files in docker/: the compose stack and the Kubernetes manifests
 * agree with the versions pinned in the parent pom, reference only what exists, and carry no
 * literal password. Nothing is started (no Docker or Kubernetes needed). Runs from the cli module
 * directory, so the repository root is {@code ..}.
 *
 * <p>YAML is read with SnakeYAML (on the test class path through jackson-dataformat-yaml), which,
 * unlike Jackson's tree model, resolves the compose file's anchors and aliases.
 */
class DockerStackTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Path COMPOSE = DOCKER.resolve("docker-compose.yml");
    private static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");
    private static final Path K8S = DOCKER.resolve("k8s");

    private static final Set<String> JOB_CLASSES =
            Set.of("io.hark.jobs.listen.ListenJob", "io.hark.jobs.metrics.MetricsJob");

    private static Map<String, String> pom;
    private static Map<String, Object> services;
    private static Map<String, Object> composeFlinkProperties;

    @BeforeAll
    static void load() throws Exception {
        assertThat(COMPOSE)
                .as(
                        "run from the cli module: %s not found (cwd %s)",
                        COMPOSE, Path.of("").toAbsolutePath())
                .exists();
        pom = pomProperties(ROOT.resolve("pom.xml"));
        Object compose =
                new Yaml(loaderOptions()).load(Files.readString(COMPOSE, StandardCharsets.UTF_8));
        assertThat(compose).as("%s must be a YAML mapping", COMPOSE).isInstanceOf(Map.class);
        services = map(((Map<?, ?>) compose).get("services"), "services of " + COMPOSE);
        composeFlinkProperties =
                map(
                        new Yaml(loaderOptions())
                                .load(
                                        String.valueOf(
                                                ((Map<?, ?>) compose).get("x-flink-properties"))),
                        "x-flink-properties of " + COMPOSE);
    }

    // --- versions -------------------------------------------------------------------------

    @Test
    void composeImagesUseThePomsPinnedVersions() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("apache/kafka", prop("kafka.version"));
        expected.put(
                "docker.elastic.co/elasticsearch/elasticsearch",
                prop("elasticsearch-server.version"));
        expected.put("docker.elastic.co/kibana/kibana", prop("kibana.version"));
        Set<String> seen = new TreeSet<>();
        services.forEach(
                (name, def) -> {
                    Object image = map(def, "service " + name).get("image");
                    if (!(image instanceof String ref)) {
                        return;
                    }
                    int colon = ref.lastIndexOf(':');
                    String repo = colon < 0 ? ref : ref.substring(0, colon);
                    String tag = colon < 0 ? "latest" : ref.substring(colon + 1);
                    if (expected.containsKey(repo)) {
                        seen.add(repo);
                        assertThat(tag)
                                .as(
                                        "service %s uses image %s, but the pom pins %s",
                                        name, ref, expected.get(repo))
                                .isEqualTo(expected.get(repo));
                    }
                });
        assertThat(seen)
                .as("compose images for Kafka, Elasticsearch and Kibana")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void dockerfileFlinkBaseImageMatchesFlinkVersion() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
        Matcher from = Pattern.compile("(?m)^FROM\\s+flink:(\\S+)").matcher(dockerfile);
        assertThat(from.find()).as("%s has no `FROM flink:...` stage", DOCKERFILE).isTrue();
        assertThat(from.group(1))
                .as("Flink base image of %s vs the pom's flink.version", DOCKERFILE)
                .isEqualTo(prop("flink.version") + "-java17");
    }

    // --- compose services -----------------------------------------------------------------

    @Test
    void composeHasTheExpectedServices() {
        assertThat(services.keySet())
                .as("services of %s", COMPOSE)
                .contains(
                        "kafka",
                        "elasticsearch",
                        "kibana",
                        "jobmanager",
                        "taskmanager",
                        "job-submit",
                        "metrics-submit",
                        "kafka-init",
                        "kibana-import",
                        "producer");
    }

    @Test
    void dependenciesExistAndHealthyOnesHaveHealthchecks() {
        List<String> problems = new ArrayList<>();
        services.forEach(
                (name, def) -> {
                    Object dependsOn = map(def, "service " + name).get("depends_on");
                    if (dependsOn == null) {
                        return;
                    }
                    Map<String, String> conditions = new LinkedHashMap<>();
                    if (dependsOn instanceof List<?> list) {
                        list.forEach(d -> conditions.put(String.valueOf(d), "service_started"));
                    } else {
                        map(dependsOn, "depends_on of " + name)
                                .forEach(
                                        (dep, spec) ->
                                                conditions.put(
                                                        dep,
                                                        String.valueOf(
                                                                map(spec, "depends_on." + dep)
                                                                        .get("condition"))));
                    }
                    conditions.forEach(
                            (dep, condition) -> {
                                if (!services.containsKey(dep)) {
                                    problems.add(
                                            name
                                                    + " depends on "
                                                    + dep
                                                    + ", which is not a service");
                                } else if ("service_healthy".equals(condition)
                                        && map(services.get(dep), "service " + dep)
                                                        .get("healthcheck")
                                                == null) {
                                    problems.add(
                                            name
                                                    + " waits for "
                                                    + dep
                                                    + " to be healthy, but "
                                                    + dep
                                                    + " has no healthcheck");
                                }
                            });
                });
        assertThat(problems).as("depends_on in %s", COMPOSE).isEmpty();
    }

    // --- Kubernetes manifests -------------------------------------------------------------

    @Test
    void kubernetesManifestsParse() throws IOException {
        Map<Path, List<Map<String, Object>>> docs = manifests();
        assertThat(docs).as("YAML files in %s", K8S).isNotEmpty();
        docs.forEach(
                (file, list) -> {
                    assertThat(list).as("%s holds no YAML document", file).isNotEmpty();
                    if (!file.endsWith("queries.yaml")
                            && !file.endsWith("notifiers.yaml")
                            && !file.endsWith("kustomization.yaml")) {
                        list.forEach(
                                d ->
                                        assertThat(d)
                                                .as(
                                                        "%s: every document needs apiVersion, kind and metadata",
                                                        file)
                                                .containsKeys("apiVersion", "kind", "metadata"));
                    }
                });
    }

    @Test
    void kustomizationListsExistingFilesButNotTheExampleSecrets() throws IOException {
        Map<String, Object> k = manifests().get(K8S.resolve("kustomization.yaml")).get(0);
        List<String> files = new ArrayList<>();
        list(k.get("resources"), "resources").forEach(r -> files.add(String.valueOf(r)));
        list(k.get("configMapGenerator"), "configMapGenerator")
                .forEach(
                        g ->
                                list(map(g, "generator").get("files"), "files")
                                        .forEach(f -> files.add(String.valueOf(f))));
        assertThat(files)
                .as("files of kustomization.yaml")
                .isNotEmpty()
                .doesNotContain("secrets.example.yaml");
        files.forEach(
                f -> assertThat(K8S.resolve(f)).as("kustomization.yaml refers to %s", f).exists());
    }

    @Test
    void queriesConfigMapIsTheExampleQueries() throws IOException {
        Yaml yaml = new Yaml(loaderOptions());
        Object copy =
                yaml.load(Files.readString(K8S.resolve("queries.yaml"), StandardCharsets.UTF_8));
        Object original =
                yaml.load(
                        Files.readString(
                                ROOT.resolve("examples/queries.yaml"), StandardCharsets.UTF_8));
        assertThat(copy)
                .as("docker/k8s/queries.yaml must be a copy of examples/queries.yaml")
                .isEqualTo(original);
    }

    @Test
    void everyFlinkClusterHandlesATaskManagerLossAsTheTestedOne() throws IOException {
        Map<String, String> tested = FlinkSessionCluster.TASK_MANAGER_LOSS_SETTINGS;
        assertThat(stringValues(composeFlinkProperties))
                .as("x-flink-properties of %s", COMPOSE)
                .containsAllEntriesOf(tested);
        for (Map<String, Object> deployment : byKind("FlinkDeployment")) {
            String name = String.valueOf(map(deployment.get("metadata"), "metadata").get("name"));
            Map<String, Object> spec = map(deployment.get("spec"), name + ".spec");
            assertThat(
                            stringValues(
                                    map(
                                            spec.get("flinkConfiguration"),
                                            name + ".flinkConfiguration")))
                    .as("%s flinkConfiguration", name)
                    .containsAllEntriesOf(tested);
        }
    }

    private static Map<String, String> stringValues(Map<String, Object> map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }

    @Test
    void flinkDeploymentsMatchThePomAndTheJobs() throws IOException {
        String flink = prop("flink.version");
        String[] parts = flink.split("\\.");
        String flinkVersionEnum = "v" + parts[0] + "_" + parts[1];
        String expectedTag = prop("project.version") + "-flink" + flink;
        List<Map<String, Object>> deployments = byKind("FlinkDeployment");
        assertThat(deployments).as("FlinkDeployments in %s", K8S).hasSize(2);
        Set<String> classes = new TreeSet<>();
        for (Map<String, Object> d : deployments) {
            String name = String.valueOf(map(d.get("metadata"), "metadata").get("name"));
            Map<String, Object> spec = map(d.get("spec"), name + ".spec");
            assertThat(d.get("apiVersion"))
                    .as("%s apiVersion", name)
                    .isEqualTo("flink.apache.org/v1beta1");
            assertThat(String.valueOf(spec.get("image")))
                    .as(
                            "%s image: hark/flink-job tagged <project.version>-flink<flink.version>",
                            name)
                    .matches("(.+/)?hark/flink-job:" + Pattern.quote(expectedTag));
            assertThat(spec.get("flinkVersion"))
                    .as("%s flinkVersion vs the pom's flink.version %s", name, flink)
                    .isEqualTo(flinkVersionEnum);
            Map<String, Object> job = map(spec.get("job"), name + ".spec.job");
            assertThat(job.get("jarURI"))
                    .as("%s jarURI", name)
                    .isEqualTo("local:///opt/flink/usrlib/hark-jobs.jar");
            assertThat(job.get("upgradeMode")).as("%s upgradeMode", name).isEqualTo("savepoint");
            assertThat(job.get("state")).as("%s state", name).isEqualTo("running");
            assertThat(job.get("parallelism"))
                    .as("%s: spec.job.parallelism is where parallelism is set", name)
                    .isInstanceOf(Integer.class);
            List<String> args = new ArrayList<>();
            list(job.get("args"), name + " args").forEach(a -> args.add(String.valueOf(a)));
            assertThat(args)
                    .as(
                            "%s args: parallelism comes from spec.job.parallelism only, the password from a file",
                            name)
                    .doesNotContain("--parallelism", "--es-password")
                    .contains("--es-password-file");
            classes.add(String.valueOf(job.get("entryClass")));
            String plugins = envValue(spec, "ENABLE_BUILT_IN_PLUGINS");
            assertThat(plugins)
                    .as("%s: S3 plugin jar of Flink %s in ENABLE_BUILT_IN_PLUGINS", name, flink)
                    .matches("flink-s3-fs-(presto|hadoop)-" + Pattern.quote(flink) + "\\.jar");
            Map<String, Object> conf =
                    map(spec.get("flinkConfiguration"), name + ".flinkConfiguration");
            assertThat(String.valueOf(conf.get("execution.checkpointing.dir")))
                    .as("%s checkpoints", name)
                    .startsWith("s3://");
            assertThat(String.valueOf(conf.get("execution.checkpointing.savepoint-dir")))
                    .as("%s savepoints", name)
                    .startsWith("s3://");
        }
        assertThat(classes)
                .as("entryClass of the FlinkDeployments")
                .isEqualTo(new TreeSet<>(JOB_CLASSES));
    }

    @Test
    void deploymentsTakeSecretsFromKubernetesSecrets() throws IOException {
        Set<String> example = new TreeSet<>();
        byKindIn(K8S.resolve("secrets.example.yaml"), "Secret")
                .forEach(
                        s ->
                                example.add(
                                        String.valueOf(
                                                map(s.get("metadata"), "metadata").get("name"))));
        Set<String> referenced = new TreeSet<>();
        collectSecretRefs(byKind("FlinkDeployment"), referenced);
        assertThat(referenced)
                .as("Secrets the FlinkDeployments use")
                .contains("hark-elasticsearch", "hark-s3");
        assertThat(example)
                .as("secrets.example.yaml must define every Secret the deployments use")
                .containsAll(referenced);
    }

    @Test
    void noManifestContainsALiteralPassword() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, List<Map<String, Object>>> e : manifests().entrySet()) {
            Path file = e.getKey();
            for (Map<String, Object> doc : e.getValue()) {
                if ("Secret".equals(doc.get("kind"))) {
                    if (!file.getFileName().toString().equals("secrets.example.yaml")) {
                        problems.add(
                                file
                                        + ": a Secret belongs in secrets.example.yaml (placeholders) only");
                    }
                    for (String field : List.of("stringData", "data")) {
                        Object values = doc.get(field);
                        if (values != null) {
                            map(values, field)
                                    .forEach(
                                            (k, v) -> {
                                                if (!String.valueOf(v).startsWith("CHANGE-ME")) {
                                                    problems.add(
                                                            file
                                                                    + ": Secret value "
                                                                    + k
                                                                    + " is not a CHANGE-ME placeholder");
                                                }
                                            });
                        }
                    }
                } else {
                    scanForSecrets(doc, file.toString(), problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------

    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(password|passwd|secret|access[-_.]?key|token|credential).*");

    /** Flags env entries and keys whose name says secret but that hold a literal value. */
    private static void scanForSecrets(Object node, String where, List<String> problems) {
        if (node instanceof Map<?, ?> m) {
            Object name = m.get("name");
            if (name != null
                    && SECRET_KEY.matcher(name.toString()).matches()
                    && m.get("value") != null) {
                problems.add(
                        where
                                + ": env "
                                + name
                                + " has a literal value; use valueFrom.secretKeyRef");
            }
            m.forEach(
                    (k, v) -> {
                        String key = String.valueOf(k);
                        if (SECRET_KEY.matcher(key).matches()
                                && (v instanceof String || v instanceof Number)
                                && !key.endsWith("-file")
                                && !key.startsWith("secretName")) {
                            problems.add(where + ": " + key + " holds a literal value");
                        }
                        scanForSecrets(v, where + "." + key, problems);
                    });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                Object item = l.get(i);
                if (item instanceof String s
                        && (s.equals("--es-password") || s.startsWith("--es-password="))) {
                    problems.add(
                            where
                                    + ": the password is passed on the command line; use --es-password-file");
                }
                scanForSecrets(item, where + "[" + i + "]", problems);
            }
        }
    }

    private static void collectSecretRefs(Object node, Set<String> out) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("secretName") != null) {
                out.add(String.valueOf(m.get("secretName")));
            }
            if (m.get("secretKeyRef") instanceof Map<?, ?> ref) {
                out.add(String.valueOf(ref.get("name")));
            }
            m.values().forEach(v -> collectSecretRefs(v, out));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectSecretRefs(v, out));
        }
    }

    private static String envValue(Map<String, Object> spec, String variable) {
        Map<String, Object> podSpec =
                map(map(spec.get("podTemplate"), "podTemplate").get("spec"), "podTemplate.spec");
        for (Object c : list(podSpec.get("containers"), "containers")) {
            Object env = map(c, "container").get("env");
            if (env != null) {
                for (Object e : list(env, "env")) {
                    Map<String, Object> entry = map(e, "env entry");
                    if (variable.equals(entry.get("name"))) {
                        return String.valueOf(entry.get("value"));
                    }
                }
            }
        }
        return fail("no env %s in the podTemplate", variable);
    }

    private static List<Map<String, Object>> byKind(String kind) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path file : manifests().keySet()) {
            if (!file.getFileName().toString().equals("secrets.example.yaml")) {
                out.addAll(byKindIn(file, kind));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> byKindIn(Path file, String kind) throws IOException {
        return manifests().get(file).stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    /** Every .yaml/.yml under docker/k8s, each as its list of (multi-document) YAML mappings. */
    private static Map<Path, List<Map<String, Object>>> manifests() throws IOException {
        assertThat(K8S).as("Kubernetes manifests directory").isDirectory();
        Map<Path, List<Map<String, Object>>> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(K8S)) {
            files =
                    s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                            .sorted()
                            .toList();
        }
        for (Path file : files) {
            List<Map<String, Object>> docs = new ArrayList<>();
            try {
                for (Object doc :
                        new Yaml(loaderOptions())
                                .loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (doc != null) {
                        docs.add(map(doc, "a document of " + file));
                    }
                }
            } catch (RuntimeException e) {
                fail("%s is not valid YAML: %s", file, e.getMessage());
            }
            out.put(file, docs);
        }
        return out;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private static String prop(String name) {
        String value = pom.get(name);
        assertThat(value).as("property %s in ../pom.xml", name).isNotBlank();
        return value;
    }

    private static Map<String, String> pomProperties(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        Element project = doc.getDocumentElement();
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("version")) {
                out.put("project.version", e.getTextContent().trim());
            }
        }
        NodeList props = project.getElementsByTagName("properties");
        assertThat(props.getLength()).as("<properties> in %s", file).isPositive();
        for (Node n = props.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertThat(node).as("%s must be a YAML mapping", what).isInstanceOf(Map.class);
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) node).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static List<?> list(Object node, String what) {
        assertThat(node).as("%s must be a YAML list", what).isInstanceOf(List.class);
        return (List<?>) node;
    }
}
