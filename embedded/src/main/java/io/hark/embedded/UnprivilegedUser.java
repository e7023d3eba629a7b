// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import com.sun.security.auth.module.UnixSystem;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Elasticsearch refuses to run as root. When this JVM is root (typical in containers and CI), the
 * child process is started as this unprivileged account through {@code setpriv}, which exec()s, so
 * the child's PID stays the one we manage.
 */
record UnprivilegedUser(String name, int uid, int gid) {

    static final String ACCOUNT = "nobody";

    /** Empty when we are not root and Elasticsearch can simply run as us. */
    static Optional<UnprivilegedUser> neededForElasticsearch() {
        if (new UnixSystem().getUid() != 0) {
            return Optional.empty();
        }
        requireSetpriv();
        try {
            return Optional.of(fromPasswd(Files.readString(Path.of("/etc/passwd")), ACCOUNT));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read /etc/passwd to find the " + ACCOUNT + " account", e);
        }
    }

    static UnprivilegedUser fromPasswd(String passwd, String account) {
        return passwd.lines()
                .map(line -> line.split(":", -1))
                .filter(fields -> fields.length >= 4 && fields[0].equals(account))
                .findFirst()
                .map(
                        fields ->
                                new UnprivilegedUser(
                                        account,
                                        Integer.parseInt(fields[2]),
                                        Integer.parseInt(fields[3])))
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "Running as root, Elasticsearch must run as the '"
                                                + account
                                                + "' account, which is not in /etc/passwd"));
    }

    List<String> commandPrefix() {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    void takeOwnership(Path directory) {
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot give " + directory + " to " + name, e);
        }
    }

    /**
     * Fails early, with a hint, instead of letting Elasticsearch fail on a directory it cannot
     * enter.
     */
    void requireCanEnter(Path directory) {
        for (Path path = directory.toAbsolutePath(); path != null; path = path.getParent()) {
            try {
                boolean owned = ((Integer) Files.getAttribute(path, "unix:uid")) == uid;
                if (!owned
                        && !Files.getPosixFilePermissions(path)
                                .contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException(
                            "Elasticsearch runs as "
                                    + name
                                    + ", who cannot enter "
                                    + path
                                    + " (needed for "
                                    + directory
                                    + "); point java.io.tmpdir to a directory that all "
                                    + "users can enter, such as /tmp");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the permissions of " + path, e);
            }
        }
    }

    private static void requireSetpriv() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found =
                Stream.of(path.split(File.pathSeparator))
                        .filter(directory -> !directory.isEmpty())
                        .anyMatch(directory -> Files.isExecutable(Path.of(directory, "setpriv")));
        if (!found) {
            throw new IllegalStateException(
                    "Running as root: Elasticsearch refuses to run as root and is started "
                            + "as '"
                            + ACCOUNT
                            + "' with setpriv, which is not on the PATH. Install util-linux "
                            + "(apt-get install util-linux) or run as a non-root user.");
        }
    }
}
