// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Where commands read from by default. */
final class CommandFiles {
    private CommandFiles() {}

    /** The file, or standard input when none is given. */
    private static BufferedReader fileOrStdin(Path file) throws IOException {
        return file == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** Turns one input line (numbered from 1) into its output line, or null to write nothing. */
    interface LineMapper {
        String map(String line, long number) throws Exception;
    }

    /**
     * Reads {@code file} (or standard input) line by line and writes each mapped line to standard
     * output.
     */
    static void mapLines(Path file, LineMapper mapper) throws Exception {
        try (BufferedReader reader = fileOrStdin(file);
                BufferedWriter out =
                        new BufferedWriter(
                                new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                String mapped = mapper.map(line, ++number);
                if (mapped != null) {
                    out.write(mapped);
                    out.newLine();
                }
            }
        }
    }

    /** The listening queries of the sample stream, shipped in {@code examples/}. */
    static Path sampleQueries() {
        return Path.of(System.getProperty("hark.home", "."))
                .resolve("examples/queries.yaml")
                .normalize();
    }

    /**
     * The SemEval sets: {@code override}, or {@code ../shared/data/sentiment} beside the project.
     */
    static Path sentimentData(Path override) {
        return shared(override, "data/sentiment");
    }

    /** {@code override}, or {@code relative} in {@code ../shared} beside the project. */
    static Path shared(Path override, String relative) {
        return override != null
                ? override
                : Path.of(System.getProperty("hark.home", "."))
                        .resolve("../shared")
                        .resolve(relative)
                        .normalize();
    }

    /** Whether {@code command} is an executable file in a folder of {@code PATH}. */
    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator))
                        .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }
}
