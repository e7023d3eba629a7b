// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch server distribution (the {@code integ-test-zip} artifact from Maven Central):
 * where its zip is, and its unpacked copy in a cache shared by all JVMs of this machine.
 */
final class ElasticsearchDistribution {

    static final String DISTRIBUTION_PROPERTY = "hark.elasticsearch.distribution";
    static final String DISTRIBUTION_ENV = "HARK_ES_DISTRIBUTION";

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchDistribution.class);
    private static final String BUILD_INFO = "elasticsearch-distribution.properties";
    private static final Set<PosixFilePermission> WORLD_READABLE_DIRECTORY =
            PosixFilePermissions.fromString("rwxr-xr-x");

    private ElasticsearchDistribution() {}

    /**
     * The pinned Elasticsearch version, from the parent pom's {@code elasticsearch-server.version}.
     */
    static String version() {
        return buildInfo().getProperty("version");
    }

    /**
     * Returns the home directory of the unpacked distribution, unpacking it on first use. The cache
     * lives under java.io.tmpdir rather than the user's home because, when we run as root,
     * Elasticsearch runs as nobody and must be able to read it.
     */
    static Path installedHome() {
        String version = version();
        Path zip = locateZip(System::getProperty, System::getenv, buildInfo());
        Path cacheDirectory =
                Path.of(System.getProperty("java.io.tmpdir"), "hark-elasticsearch", version);
        return unpackOnce(zip, cacheDirectory);
    }

    /**
     * An explicit location (system property, then environment variable) must exist; otherwise the
     * copy made by this module's build is used, then the artifact in the local Maven repository.
     */
    static Path locateZip(
            Function<String, String> systemProperties,
            Function<String, String> environment,
            Properties buildInfo) {
        for (String explicit :
                new String[] {
                    systemProperties.apply(DISTRIBUTION_PROPERTY),
                    environment.apply(DISTRIBUTION_ENV)
                }) {
            if (explicit != null && !explicit.isBlank()) {
                Path zip = Path.of(explicit);
                if (!Files.isRegularFile(zip)) {
                    throw new IllegalStateException(
                            "The Elasticsearch distribution configured by -D"
                                    + DISTRIBUTION_PROPERTY
                                    + " or "
                                    + DISTRIBUTION_ENV
                                    + " does not exist: "
                                    + zip);
                }
                return zip;
            }
        }
        String version = buildInfo.getProperty("version");
        List<Path> candidates = new ArrayList<>();
        String copiedByBuild = buildInfo.getProperty("copiedByBuild");
        if (copiedByBuild != null) {
            candidates.add(Path.of(copiedByBuild));
        }
        String localRepository = systemProperties.apply("maven.repo.local");
        Path repository =
                localRepository != null && !localRepository.isBlank()
                        ? Path.of(localRepository)
                        : Path.of(systemProperties.apply("user.home"), ".m2", "repository");
        candidates.add(
                repository.resolve(
                        Path.of(
                                "org",
                                "elasticsearch",
                                "distribution",
                                "integ-test-zip",
                                "elasticsearch",
                                version,
                                "elasticsearch-" + version + ".zip")));
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "Elasticsearch distribution "
                                                + version
                                                + " not found at "
                                                + candidates
                                                + ". Build the embedded module (mvn -pl embedded -am package downloads "
                                                + "org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
                                                + version
                                                + ":zip), or "
                                                + "point -D"
                                                + DISTRIBUTION_PROPERTY
                                                + " or "
                                                + DISTRIBUTION_ENV
                                                + " to that zip."));
    }

    /**
     * Unpacks into a private directory and renames it into place, so that concurrent JVMs never see
     * (or use) a half-unpacked distribution; the loser of a race discards its copy.
     */
    static Path unpackOnce(Path zip, Path cacheDirectory) {
        Path home = cacheDirectory.resolve("elasticsearch");
        if (Files.isDirectory(home)) {
            return home;
        }
        LOG.info("Unpacking {} into {}", zip, home);
        try {
            createWorldReadableDirectories(cacheDirectory);
            Path unpacking = Files.createTempDirectory(cacheDirectory, ".unpacking-");
            try {
                Path unpackedHome = unpack(zip, unpacking);
                try {
                    Files.move(unpackedHome, home, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (!Files.isDirectory(home)) {
                        throw e;
                    }
                    // another JVM renamed its identical copy into place first
                }
                return home;
            } finally {
                Directories.deleteRecursively(unpacking);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + cacheDirectory, e);
        }
    }

    private static void createWorldReadableDirectories(Path directory) throws IOException {
        Path missing = directory;
        List<Path> created = new ArrayList<>();
        while (missing != null && !Files.exists(missing)) {
            created.add(0, missing);
            missing = missing.getParent();
        }
        for (Path path : created) {
            try {
                Files.createDirectory(path);
                // a restrictive umask would otherwise lock out the unprivileged Elasticsearch user
                Files.setPosixFilePermissions(path, WORLD_READABLE_DIRECTORY);
            } catch (FileAlreadyExistsException createdConcurrently) {
                // fine: another JVM is setting up the same cache
            }
        }
    }

    /**
     * Extracts the zip (whose single top-level directory is the Elasticsearch home) and returns
     * that home. Keeps the archive's execute bits and makes everything readable by all users.
     */
    static Path unpack(Path zip, Path target) throws IOException {
        try (FileSystem archive =
                FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path root = archive.getRootDirectories().iterator().next();
            try (Stream<Path> entries = Files.walk(root)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    Path destination =
                            target.resolve(root.relativize(entry).toString()).normalize();
                    if (!destination.startsWith(target)) {
                        throw new IOException("Zip entry escapes the target directory: " + entry);
                    }
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(destination);
                        Files.setPosixFilePermissions(destination, WORLD_READABLE_DIRECTORY);
                    } else {
                        Files.copy(entry, destination);
                        Files.setPosixFilePermissions(
                                destination, readableByAll(Files.getPosixFilePermissions(entry)));
                    }
                }
            }
        }
        try (Stream<Path> topLevel = Files.list(target)) {
            List<Path> directories = topLevel.filter(Files::isDirectory).toList();
            if (directories.size() != 1) {
                throw new IOException(
                        zip
                                + " should contain exactly one top-level directory, found "
                                + directories);
            }
            return directories.get(0);
        }
    }

    private static Set<PosixFilePermission> readableByAll(Set<PosixFilePermission> archived) {
        Set<PosixFilePermission> permissions =
                EnumSet.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ);
        if (archived.contains(PosixFilePermission.OWNER_EXECUTE)) {
            permissions.addAll(
                    EnumSet.of(
                            PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }

    private static Properties buildInfo() {
        Properties properties = new Properties();
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream(BUILD_INFO)) {
            if (in == null) {
                throw new IllegalStateException(
                        BUILD_INFO
                                + " is missing from the classpath; "
                                + "hark-embedded was not built by Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BUILD_INFO, e);
        }
        return properties;
    }
}
