// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, headless, for checking pages as a browser draws them. Without the
 * background-networking flags it tries to reach Google's services, which a closed network refuses.
 */
final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 90;

    /** What Chromium made of a page: the DOM after its scripts ran, and its log (console lines). */
    record Page(String dom, String log) {}

    private final Path executable;
    private final Path workDir;

    private HeadlessChromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** Fails (does not skip) without Chromium: CI installs it, so its absence is a broken setup. */
    static HeadlessChromium find(Path workDir) {
        for (String directory :
                System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return new HeadlessChromium(candidate, workDir);
                }
            }
        }
        throw new AssertionError(
                "Chromium is not installed (no chromium on PATH): the report's browser test needs Debian's"
                        + " chromium package (apt-get install chromium; .ci/run installs it)");
    }

    Page dumpDom(Path html) throws IOException, InterruptedException {
        Path dom = workDir.resolve("dom.html");
        Path log = workDir.resolve("dump-dom.log");
        run(
                List.of("--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString()),
                dom,
                log);
        return new Page(
                Files.readString(dom, StandardCharsets.UTF_8),
                Files.readString(log, StandardCharsets.UTF_8));
    }

    void screenshot(Path html, Path png, int width, int height)
            throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(
                List.of(
                        "--hide-scrollbars",
                        "--screenshot=" + png.toAbsolutePath(),
                        "--window-size=" + width + "," + height,
                        html.toUri().toString()),
                workDir.resolve("screenshot.out"),
                workDir.resolve("screenshot.log"));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError(
                    "Chromium wrote no screenshot "
                            + png
                            + ": "
                            + Files.readString(workDir.resolve("screenshot.log")));
        }
    }

    private void run(List<String> args, Path stdout, Path stderr)
            throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(
                List.of(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile));
        command.addAll(args);
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(
                    "Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "Chromium exited with "
                            + process.exitValue()
                            + ": "
                            + Files.readString(stderr));
        }
    }
}
