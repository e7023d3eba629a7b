// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Java runtime for the Elasticsearch child process. Elasticsearch 9 needs Java 21+, while
 * the project itself builds and runs on Java 17, so our own JVM is often not usable.
 */
final class ElasticsearchJava {

    static final int MINIMUM_FEATURE_VERSION = 21;

    private static final Path SYSTEM_JVM_DIRECTORY = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION_LINE =
            Pattern.compile("^JAVA_VERSION=\"?([^\"\\s]+)\"?\\s*$", Pattern.MULTILINE);

    private ElasticsearchJava() {}

    /**
     * ES_JAVA_HOME if set, else our own JVM if new enough, else the newest suitable JDK in
     * /usr/lib/jvm.
     */
    static Path locate() {
        return locate(
                System.getenv(),
                Path.of(System.getProperty("java.home")),
                Runtime.version().feature(),
                SYSTEM_JVM_DIRECTORY);
    }

    static Path locate(
            Map<String, String> environment,
            Path currentJavaHome,
            int currentFeatureVersion,
            Path jvmDirectory) {
        String configured = environment.get("ES_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            if (!Files.isExecutable(home.resolve("bin/java"))) {
                throw new IllegalStateException(
                        "ES_JAVA_HOME=" + configured + " does not contain an executable bin/java");
            }
            return home;
        }
        if (currentFeatureVersion >= MINIMUM_FEATURE_VERSION) {
            return currentJavaHome;
        }
        return newestSuitableIn(jvmDirectory)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "Elasticsearch needs Java "
                                                + MINIMUM_FEATURE_VERSION
                                                + " or newer, but this JVM is Java "
                                                + currentFeatureVersion
                                                + " and no JDK "
                                                + MINIMUM_FEATURE_VERSION
                                                + "+ was found in "
                                                + jvmDirectory
                                                + ". Install one (e.g. apt-get install openjdk-21-jdk-headless) or set "
                                                + "ES_JAVA_HOME to its home directory."));
    }

    static Optional<Path> newestSuitableIn(Path jvmDirectory) {
        if (!Files.isDirectory(jvmDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvmDirectory)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .flatMap(
                            home ->
                                    featureVersionOf(home).stream()
                                            .filter(version -> version >= MINIMUM_FEATURE_VERSION)
                                            .mapToObj(version -> Map.entry(home, version)))
                    .max(
                            Map.Entry.<Path, Integer>comparingByValue()
                                    .thenComparing(
                                            Map.Entry.comparingByKey(Comparator.naturalOrder())))
                    .map(Map.Entry::getKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + jvmDirectory, e);
        }
    }

    private static OptionalInt featureVersionOf(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        try {
            return featureVersionFromRelease(Files.readString(release));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Reads the feature version from a JDK {@code release} file, e.g. 25 for JAVA_VERSION="25.0.3".
     */
    static OptionalInt featureVersionFromRelease(String releaseFile) {
        Matcher matcher = JAVA_VERSION_LINE.matcher(releaseFile);
        return matcher.find() ? featureVersion(matcher.group(1)) : OptionalInt.empty();
    }

    /** "25.0.3" is 25, "21" is 21, "21-ea" is 21, and the pre-9 scheme "1.8.0_392" is 8. */
    static OptionalInt featureVersion(String javaVersion) {
        Matcher numbers = Pattern.compile("\\d+").matcher(javaVersion);
        if (!numbers.find() || numbers.start() != 0) {
            return OptionalInt.empty();
        }
        int first = Integer.parseInt(numbers.group());
        if (first == 1 && numbers.find()) {
            return OptionalInt.of(Integer.parseInt(numbers.group()));
        }
        return OptionalInt.of(first);
    }
}
