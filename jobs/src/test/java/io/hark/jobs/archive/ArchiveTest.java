// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.TestMentions;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import io.hark.schema.MentionJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's files on a MiniCluster: written by event hour, committed, read back whole, counted
 * without decoding.
 */
class ArchiveTest {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    private static final Instant T0 = Instant.parse("2026-11-01T22:30:00Z");

    @Test
    void mentionsAreFiledByTheHourTheyWereCreatedAndReadBackIntact(@TempDir Path dir)
            throws Exception {
        List<Mention> mentions =
                IntStream.range(0, 300)
                        .mapToObj(
                                n -> TestMentions.mention(n, T0.plus(Duration.ofSeconds(n * 30L))))
                        .toList();
        String root = dir.toUri().toString();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromData(mentions, new AvroTypeInfo<>(Mention.class)).sinkTo(Archive.mentionSink(root));
        env.execute("archive-write");

        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(
                            files.filter(Files::isRegularFile)
                                    .map(file -> dir.relativize(file.getParent()).toString())
                                    .distinct()
                                    .sorted())
                    .containsExactly(
                            "mentions/2026-11-01/22",
                            "mentions/2026-11-01/23",
                            "mentions/2026-11-02/00");
        }
        List<org.apache.flink.core.fs.Path> all = Archive.hours(root, Archive.MENTIONS, null, null);
        assertThat(Archive.count(all)).isEqualTo(300);
        assertThat(read(Archive.mentionSource(all)))
                .containsExactlyInAnyOrderElementsOf(
                        mentions.stream().map(Either::<DeadLetter, Mention>Right).toList());

        List<org.apache.flink.core.fs.Path> lastHours =
                Archive.hours(
                        root,
                        Archive.MENTIONS,
                        Instant.parse("2026-11-01T23:10:00Z"),
                        Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(lastHours)
                .extracting(org.apache.flink.core.fs.Path::getName)
                .containsExactly("23");
        assertThat(Archive.count(lastHours)).isEqualTo(120);
        assertThatThrownBy(() -> Archive.hours(root, Archive.ENRICHED, null, null))
                .hasMessageContaining("no archive of enriched")
                .hasMessageContaining("--archive");
    }

    @Test
    void aJsonLinesFileGivesMentionsAndADeadLetterPerBadLine(@TempDir Path dir) throws Exception {
        Mention good = TestMentions.mention(1, T0);
        Path file =
                Files.write(
                        dir.resolve("in.jsonl"),
                        List.of(MentionJson.toJson(good), "", "{not json", "{\"id\": \"2\"}"));
        assertThat(JsonLinesMentionFormat.lines(file)).isEqualTo(3);

        List<Either<DeadLetter, Mention>> read =
                read(
                        JsonLinesMentionFormat.source(
                                new org.apache.flink.core.fs.Path(file.toUri()), Instant.now()));
        assertThat(read).hasSize(3);
        assertThat(read.get(0).right()).isEqualTo(good);
        assertThat(read.get(1).left().getSourceFile()).isEqualTo("in.jsonl:3");
        assertThat(read.get(1).left().getReason()).isEqualTo("invalid_json");
        assertThat(read.get(2).left().getSourceFile()).isEqualTo("in.jsonl:4");
        assertThat(read.get(2).left().getPayloadText()).isEqualTo("{\"id\": \"2\"}");
    }

    private static <T> List<T> read(Source<T, ?, ?> source) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(1);
        List<T> records = new ArrayList<>();
        try (CloseableIterator<T> all =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "read")
                        .executeAndCollect()) {
            all.forEachRemaining(records::add);
        }
        return records;
    }
}
