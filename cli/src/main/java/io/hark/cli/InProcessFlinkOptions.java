// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import picocli.CommandLine.Option;

/**
 * What the commands that run a Flink job in this JVM share (a picocli mixin): the web UI's port,
 * and help on the job's own options, which each command takes unparsed ({@code @Unmatched}: picocli
 * reads that only in the command itself) and passes to the job.
 */
final class InProcessFlinkOptions {
    @Option(
            names = "--web-ui-port",
            defaultValue = "8081",
            description = "port of the Flink web UI, another if taken (default: ${DEFAULT-VALUE})")
    int webUiPort;

    @Option(names = "--job-help", description = "list the job's options")
    boolean jobHelp;

    /**
     * An in-process Flink, its web UI on {@code --web-ui-port} or, if that is taken, on another
     * port.
     */
    LocalFlink flink(int parallelism) throws Exception {
        return LocalFlink.withWebUi(webUiPort, parallelism);
    }
}
