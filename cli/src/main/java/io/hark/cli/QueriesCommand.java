// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.jobs.JobArguments;
import io.hark.jobs.Topics;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.queries.QueryFile;
import io.hark.queries.control.QueryControlJson;
import io.hark.queries.control.QueryStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The listening queries of a running Hark, as held by the query topic. */
@Command(
        name = "queries",
        description = {
            "Manages the listening queries in the query topic; a running listen job applies changes within seconds.",
            "  queries sync FILE.yaml   make the topic hold exactly the file's queries (prints what was added, changed, removed)",
            "  queries list             print the queries in force as YAML",
            "  queries status           print the job's latest verdict on each query update, one JSON line per query"
        })
final class QueriesCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "sync, list or status")
    String action;

    @Parameters(index = "1", arity = "0..1", description = "for sync: the YAML file of queries")
    Path file;

    @Option(
            names = "--bootstrap",
            defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    String bootstrap;

    @Option(
            names = "--kafka-config",
            description =
                    "Java properties file of Kafka client settings (security), as for the jobs")
    Path kafkaConfig;

    @Option(
            names = "--query-topic",
            defaultValue = Topics.QUERIES,
            description = "(default: ${DEFAULT-VALUE})")
    String queryTopic;

    @Option(
            names = "--query-status-topic",
            defaultValue = Topics.QUERY_STATUS,
            description = "(default: ${DEFAULT-VALUE})")
    String statusTopic;

    @Override
    public Integer call() {
        KafkaConnection kafka = JobArguments.kafka(bootstrap, kafkaConfig);
        switch (action) {
            case "sync" -> {
                if (file == null) {
                    throw new IllegalArgumentException(
                            "queries sync needs the YAML file of queries");
                }
                var wanted = QueryFile.load(file);
                QueryCatalog.ensureTopics(kafka, queryTopic, statusTopic);
                System.out.println(
                        "synced "
                                + wanted.size()
                                + " queries to "
                                + queryTopic
                                + ": "
                                + QueryCatalog.sync(kafka, queryTopic, wanted));
            }
            case "list" ->
                    System.out.print(
                            QueryFile.toYaml(QueryCatalog.read(kafka, queryTopic).queries()));
            case "status" -> {
                Map<String, QueryStatus> latest = new TreeMap<>();
                TopicReader.readAll(
                        kafka,
                        statusTopic,
                        record -> {
                            if (record.value() != null) {
                                QueryStatus status =
                                        QueryControlJson.statusFromJson(
                                                new String(record.value(), StandardCharsets.UTF_8));
                                latest.put(status.queryId(), status);
                            }
                        });
                latest.values()
                        .forEach(status -> System.out.println(QueryControlJson.statusJson(status)));
            }
            default ->
                    throw new IllegalArgumentException(
                            "unknown action '" + action + "'; known: sync, list, status");
        }
        return 0;
    }
}
