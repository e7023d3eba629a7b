// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElasticsearchNodeConfigTest {

    private final ElasticsearchNodeConfig config =
            new ElasticsearchNodeConfig(
                    "hark-1234", 9234, 9334, Path.of("/tmp/node/data"), Path.of("/tmp/node/logs"));

    @Test
    void rendersASingleLoopbackNode() {
        assertThat(config.elasticsearchYml().lines())
                .contains(
                        "cluster.name: \"hark-1234\"",
                        "network.host: 127.0.0.1",
                        "http.port: 9234",
                        "transport.port: 9334",
                        "discovery.type: single-node",
                        "path.data: \"/tmp/node/data\"",
                        "path.logs: \"/tmp/node/logs\"",
                        "cluster.routing.allocation.disk.threshold_enabled: false",
                        "action.destructive_requires_name: false",
                        "xpack.security.enabled: false");
    }

    @Test
    void securitySettingsTakeThePlaceOfTheDisabledDefault() {
        assertThat(config.elasticsearchYml(List.of("xpack.security.enabled: true")).lines())
                .contains("xpack.security.enabled: true", "discovery.type: single-node")
                .doesNotContain("xpack.security.enabled: false");
    }

    @Test
    void theNodeFormingAClusterElectsItselfAndTheDataNodeJoinsIt() {
        Path data = Path.of("/tmp/node/data");
        Path logs = Path.of("/tmp/node/logs");
        ElasticsearchNodeConfig manager =
                new ElasticsearchNodeConfig(
                        "hark-1234",
                        "hark-1234-node",
                        9234,
                        9334,
                        data,
                        logs,
                        ElasticsearchNodeConfig.Discovery.FORMS_CLUSTER);
        ElasticsearchNodeConfig dataNode =
                new ElasticsearchNodeConfig(
                        "hark-1234",
                        "hark-1234-data",
                        9235,
                        9335,
                        data,
                        logs,
                        ElasticsearchNodeConfig.Discovery.dataNodeJoining(9334));

        assertThat(manager.elasticsearchYml().lines())
                .contains(
                        "node.name: \"hark-1234-node\"",
                        "cluster.initial_master_nodes: [\"hark-1234-node\"]",
                        "discovery.seed_hosts: [\"127.0.0.1:9334\"]")
                .doesNotContain("discovery.type: single-node")
                .noneMatch(line -> line.startsWith("node.roles"));
        assertThat(dataNode.elasticsearchYml().lines())
                .contains(
                        "cluster.name: \"hark-1234\"",
                        "node.roles: [ data ]",
                        "discovery.seed_hosts: [\"127.0.0.1:9334\"]")
                .noneMatch(line -> line.startsWith("cluster.initial_master_nodes"))
                .doesNotContain("discovery.type: single-node");
    }

    @Test
    void quotesValuesThatYamlWouldMisread() {
        ElasticsearchNodeConfig odd =
                new ElasticsearchNodeConfig(
                        "a\"b", 1, 2, Path.of("/tmp/x: y"), Path.of("/tmp/logs"));

        assertThat(odd.elasticsearchYml().lines())
                .contains("cluster.name: \"a\\\"b\"", "path.data: \"/tmp/x: y\"");
    }

    @Test
    void movesTheGcLogAndCrashFileIntoTheLogsDirectory() {
        String jvmOptions =
                "-XX:+HeapDumpOnOutOfMemoryError\n"
                        + "-XX:ErrorFile=hs_err_pid%p.log\n"
                        + "-Xlog:gc*,gc+age=trace,safepoint:file=gc.log:utctime,level,pid,tags:filecount=32,filesize=64m\n";

        assertThat(
                        ElasticsearchNodeConfig.withLogFilesIn(
                                        jvmOptions, Path.of("/tmp/node/logs"))
                                .lines())
                .containsExactly(
                        "-XX:+HeapDumpOnOutOfMemoryError",
                        "-XX:ErrorFile=/tmp/node/logs/hs_err_pid%p.log",
                        "-Xlog:gc*,gc+age=trace,safepoint:file=/tmp/node/logs/gc.log:utctime,level,pid,tags:"
                                + "filecount=32,filesize=64m");
    }
}
