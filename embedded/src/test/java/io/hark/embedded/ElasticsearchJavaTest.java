// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchJavaTest {

    @TempDir Path jvms;

    @Test
    void readsTheFeatureVersionFromAReleaseFile() {
        String release =
                "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n"
                        + "JAVA_VERSION=\"25.0.3\"\nJAVA_VERSION_DATE=\"2026-04-21\"\n";

        assertThat(ElasticsearchJava.featureVersionFromRelease(release)).hasValue(25);
        assertThat(ElasticsearchJava.featureVersionFromRelease("OS_NAME=\"Linux\"\n")).isEmpty();
    }

    @Test
    void understandsBothVersionSchemes() {
        assertThat(ElasticsearchJava.featureVersion("17.0.15")).hasValue(17);
        assertThat(ElasticsearchJava.featureVersion("21")).hasValue(21);
        assertThat(ElasticsearchJava.featureVersion("22-ea")).hasValue(22);
        assertThat(ElasticsearchJava.featureVersion("1.8.0_392")).hasValue(8);
        assertThat(ElasticsearchJava.featureVersion("unknown")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void picksTheNewestInstalledJdkThatElasticsearchAccepts() throws IOException {
        fakeJdk("java-17-openjdk", "17.0.15");
        Path jdk21 = fakeJdk("java-21-openjdk", "21.0.8");
        Path jdk25 = fakeJdk("temurin-25-jdk", "25.0.3");
        Files.createDirectories(jvms.resolve("not-a-jdk"));

        assertThat(ElasticsearchJava.newestSuitableIn(jvms)).hasValue(jdk25);

        Files.delete(jdk25.resolve("bin/java"));
        assertThat(ElasticsearchJava.newestSuitableIn(jvms)).hasValue(jdk21);
    }

    @Test
    void prefersEsJavaHomeThenTheCurrentJvm() throws IOException {
        Path configured = fakeJdk("configured", "21");
        Path current = Path.of("/current/jvm");

        assertThat(
                        ElasticsearchJava.locate(
                                Map.of("ES_JAVA_HOME", configured.toString()), current, 17, jvms))
                .isEqualTo(configured);
        assertThat(ElasticsearchJava.locate(Map.of(), current, 21, jvms)).isEqualTo(current);
    }

    @Test
    void explainsWhatToInstallWhenNoSuitableJdkExists() throws IOException {
        fakeJdk("java-17-openjdk", "17.0.15");

        assertThatThrownBy(
                        () -> ElasticsearchJava.locate(Map.of(), Path.of("/current/jvm"), 17, jvms))
                .hasMessageContaining("Java 21 or newer")
                .hasMessageContaining("ES_JAVA_HOME");
        assertThatThrownBy(
                        () ->
                                ElasticsearchJava.locate(
                                        Map.of("ES_JAVA_HOME", "/nowhere"),
                                        Path.of("/x"),
                                        25,
                                        jvms))
                .hasMessageContaining("/nowhere");
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
