// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchDistributionTest {

    private static final String VERSION = "9.9.9";

    @TempDir Path temp;

    @Test
    void anExplicitLocationWins() throws IOException {
        Path explicit = Files.writeString(temp.resolve("explicit.zip"), "zip");
        Path copied = Files.writeString(temp.resolve("copied.zip"), "zip");

        assertThat(
                        ElasticsearchDistribution.locateZip(
                                properties(
                                        ElasticsearchDistribution.DISTRIBUTION_PROPERTY,
                                        explicit.toString()),
                                name -> null,
                                buildInfo(copied)))
                .isEqualTo(explicit);
        assertThat(
                        ElasticsearchDistribution.locateZip(
                                properties(),
                                Map.of(
                                                ElasticsearchDistribution.DISTRIBUTION_ENV,
                                                explicit.toString())
                                        ::get,
                                buildInfo(copied)))
                .isEqualTo(explicit);
    }

    @Test
    void anExplicitLocationMustExist() {
        assertThatThrownBy(
                        () ->
                                ElasticsearchDistribution.locateZip(
                                        properties(
                                                ElasticsearchDistribution.DISTRIBUTION_PROPERTY,
                                                "/nowhere.zip"),
                                        name -> null,
                                        buildInfo(temp.resolve("copied.zip"))))
                .hasMessageContaining("/nowhere.zip");
    }

    @Test
    void prefersTheBuildsCopyThenTheLocalRepository() throws IOException {
        Path repository = temp.resolve("repository");
        Path inRepository =
                repository.resolve(
                        "org/elasticsearch/distribution/integ-test-zip/elasticsearch/"
                                + VERSION
                                + "/elasticsearch-"
                                + VERSION
                                + ".zip");
        Files.createDirectories(inRepository.getParent());
        Files.writeString(inRepository, "zip");
        Path copied = temp.resolve("copied.zip");
        Function<String, String> system = properties("maven.repo.local", repository.toString());

        assertThat(ElasticsearchDistribution.locateZip(system, name -> null, buildInfo(copied)))
                .isEqualTo(inRepository);
        Files.writeString(copied, "zip");
        assertThat(ElasticsearchDistribution.locateZip(system, name -> null, buildInfo(copied)))
                .isEqualTo(copied);
    }

    @Test
    void defaultsToTheUsersMavenRepository() throws IOException {
        Path inRepository =
                temp.resolve(
                        ".m2/repository/org/elasticsearch/distribution/integ-test-zip/"
                                + "elasticsearch/"
                                + VERSION
                                + "/elasticsearch-"
                                + VERSION
                                + ".zip");
        Files.createDirectories(inRepository.getParent());
        Files.writeString(inRepository, "zip");

        assertThat(
                        ElasticsearchDistribution.locateZip(
                                properties("user.home", temp.toString()),
                                name -> null,
                                buildInfo(temp.resolve("missing.zip"))))
                .isEqualTo(inRepository);
    }

    @Test
    void explainsHowToGetAMissingDistribution() {
        assertThatThrownBy(
                        () ->
                                ElasticsearchDistribution.locateZip(
                                        properties("user.home", temp.toString()),
                                        name -> null,
                                        buildInfo(temp.resolve("missing.zip"))))
                .hasMessageContaining("integ-test-zip:elasticsearch:" + VERSION + ":zip")
                .hasMessageContaining(ElasticsearchDistribution.DISTRIBUTION_ENV);
    }

    @Test
    void unpacksReadableForAllAndKeepsExecutables() throws IOException {
        Path zip = fakeDistribution();

        Path home = ElasticsearchDistribution.unpackOnce(zip, temp.resolve("cache"));

        assertThat(home).isEqualTo(temp.resolve("cache/elasticsearch"));
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/elasticsearch")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(home.resolve("config/elasticsearch.yml")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.getPosixFilePermissions(home.resolve("config")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var leftovers = Files.list(temp.resolve("cache"))) {
            assertThat(leftovers).containsExactly(home);
        }
    }

    @Test
    void concurrentUnpackersAgreeOnOneCopy() throws Exception {
        Path zip = fakeDistribution();
        Path cache = temp.resolve("cache");
        Callable<Path> unpack = () -> ElasticsearchDistribution.unpackOnce(zip, cache);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Path> result : pool.invokeAll(Collections.nCopies(4, unpack))) {
                assertThat(result.get()).isEqualTo(cache.resolve("elasticsearch"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.resolve("elasticsearch/bin/elasticsearch")).isExecutable();
        try (var leftovers = Files.list(cache)) {
            assertThat(leftovers).hasSize(1);
        }
    }

    private Path fakeDistribution() throws IOException {
        Path zip = temp.resolve("distribution.zip");
        try (FileSystem archive =
                FileSystems.newFileSystem(
                        zip, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            Path home = archive.getPath("/elasticsearch-" + VERSION);
            Path script = Files.createDirectories(home.resolve("bin")).resolve("elasticsearch");
            Files.writeString(script, "#!/bin/bash\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
            Path config =
                    Files.createDirectories(home.resolve("config")).resolve("elasticsearch.yml");
            Files.writeString(config, "# nothing\n");
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw----"));
        }
        return zip;
    }

    private static Properties buildInfo(Path copiedByBuild) {
        Properties info = new Properties();
        info.setProperty("version", VERSION);
        info.setProperty("copiedByBuild", copiedByBuild.toString());
        return info;
    }

    private static Function<String, String> properties(String... keysAndValues) {
        Properties properties = new Properties();
        properties.setProperty("user.home", "/nonexistent-home");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties::getProperty;
    }
}
