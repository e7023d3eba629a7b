// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration files of one embedded Elasticsearch node. {@code discovery} says how it finds
 * its cluster: alone ({@link Discovery#SINGLE_NODE}), or with others.
 */
record ElasticsearchNodeConfig(
        String clusterName,
        String nodeName,
        int httpPort,
        int transportPort,
        Path dataDirectory,
        Path logsDirectory,
        Discovery discovery) {

    static final String HOST = "127.0.0.1";

    /** The node of a cluster of one. */
    ElasticsearchNodeConfig(
            String clusterName,
            int httpPort,
            int transportPort,
            Path dataDirectory,
            Path logsDirectory) {
        this(
                clusterName,
                clusterName + "-node",
                httpPort,
                transportPort,
                dataDirectory,
                logsDirectory,
                Discovery.SINGLE_NODE);
    }

    /** How a node finds the other nodes of its cluster: its discovery and role settings. */
    interface Discovery {
        /** A cluster of this node alone, which never looks for others. */
        Discovery SINGLE_NODE = (nodeName, transportPort) -> List.of("discovery.type: single-node");

        /**
         * The master-eligible node of a cluster that others join: it elects itself (the only
         * initial master node) and holds data too.
         */
        Discovery FORMS_CLUSTER =
                (nodeName, transportPort) ->
                        List.of(
                                "cluster.initial_master_nodes: [" + quoted(nodeName) + "]",
                                "discovery.seed_hosts: ["
                                        + quoted(HOST + ":" + transportPort)
                                        + "]");

        /**
         * A data-only node joining the cluster of the node at {@code managerTransportPort}. Not
         * master-eligible, so losing it never costs the cluster its quorum: the replicas of its
         * shards on the other node are promoted and indexing goes on.
         */
        static Discovery dataNodeJoining(int managerTransportPort) {
            return (nodeName, transportPort) ->
                    List.of(
                            "node.roles: [ data ]",
                            "discovery.seed_hosts: ["
                                    + quoted(HOST + ":" + managerTransportPort)
                                    + "]");
        }

        List<String> settings(String nodeName, int transportPort);
    }

    /** The node's settings with security off. */
    String elasticsearchYml() {
        return elasticsearchYml(
                List.of(
                        // The distribution ships x-pack security. Left unset, its first-start
                        // auto-configuration turns on
                        // TLS and writes keystore settings that this distribution then rejects, so
                        // startup fails.
                        "xpack.security.enabled: false"));
    }

    /** The node's settings with {@code securitySettings} in place of the default (security off). */
    String elasticsearchYml(List<String> securitySettings) {
        return String.join(
                "\n",
                "cluster.name: " + quoted(clusterName),
                "node.name: " + quoted(nodeName),
                "network.host: " + HOST,
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                String.join("\n", discovery.settings(nodeName, transportPort)),
                "path.data: " + quoted(dataDirectory.toString()),
                "path.logs: " + quoted(logsDirectory.toString()),
                // test machines often have fuller disks than production watermarks allow
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: false",
                String.join("\n", securitySettings),
                "");
    }

    /**
     * The distribution's jvm.options name the GC log and the crash file relative to the working
     * directory, which the start script sets to the (shared, read-only) Elasticsearch home; the JVM
     * does not start if it cannot open the GC log. Point both into our logs directory instead.
     */
    static String withLogFilesIn(String jvmOptions, Path logsDirectory) {
        return jvmOptions
                .replace("file=gc.log", "file=" + logsDirectory.resolve("gc.log"))
                .replace(
                        "-XX:ErrorFile=hs_err_pid%p.log",
                        "-XX:ErrorFile=" + logsDirectory.resolve("hs_err_pid%p.log"));
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
