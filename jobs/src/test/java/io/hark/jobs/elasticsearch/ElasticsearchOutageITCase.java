// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.embedded.EmbeddedElasticsearch;
import io.hark.embedded.SharedServers;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.KafkaDeadLetters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Elasticsearch goes away while the sink writes and comes back: the sink retries with backoff, the
 * job neither fails nor loses a document.
 */
class ElasticsearchOutageITCase {
  @RegisterExtension
  static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

  private static final int DOCUMENTS = 3_000;

  /** Spreads the documents over about 15 seconds, so the outage falls in the middle of the run. */
  static final class Slowly implements MapFunction<String, String> {
    @Override
    public String map(String line) throws InterruptedException {
      Thread.sleep(10);
      return line;
    }
  }

  @Test
  void nothingIsLostWhileElasticsearchIsDown() throws Exception {
    String run = "outage-it-" + System.nanoTime();
    String deadLetters = run + ".dead-letters";
    SharedServers.kafka().createTopics(Map.of(deadLetters, 1));
    EmbeddedElasticsearch server = SharedServers.elasticsearch();
    ElasticsearchConnection elasticsearch = ElasticsearchConnection.of(server.httpUrl());
    IndexTemplates indices = new IndexTemplates(run);
    List<String> lines = IntStream.range(0, DOCUMENTS)
        .mapToObj(i -> "x:" + i + "|{\"id\":\"" + i + "\",\"created_at\":\"2026-11-01T10:00:00Z\",\"text\":\"t " + i + "\"}")
        .toList();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    HarkMiniCluster.limitRestarts(env);
    ElasticsearchSinkOptions options = new ElasticsearchSinkOptions(100, 5L << 20, 2, 1_000,
        Duration.ofMillis(200), Duration.ofSeconds(2));
    env.fromData(lines).map(new Slowly()).sinkTo(new ElasticsearchSink<>(
        new ElasticsearchSinkITCase.LineDocuments(indices), elasticsearch, indices,
        new KafkaDeadLetters(KafkaConnection.of(SharedServers.kafka().bootstrapServers()), deadLetters), options));
    JobClient job = env.executeAsync("outage-it");

    Thread.sleep(4_000);
    server.stop();
    Thread.sleep(5_000);
    assertThat(job.getJobExecutionResult()).as("the job waits for Elasticsearch instead of failing").isNotDone();
    server.restart();

    job.getJobExecutionResult().get();
    assertThat(IndexCounts.count(elasticsearch, indices.mentionsAlias())).isEqualTo(DOCUMENTS);
  }
}
