// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.archive;

import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.avro.AvroBuilder;
import org.apache.flink.formats.avro.AvroWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.types.Either;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The mention archive: Avro container files (snappy) on a local path or any Flink file system
 * ({@code s3://}, {@code gs://}, {@code hdfs://}), one directory per event hour:
 *
 * <pre>
 *   ROOT/mentions/yyyy-MM-dd/HH/part-*.avro   mentions as they passed validation (first deliveries)
 *   ROOT/enriched/yyyy-MM-dd/HH/part-*.avro   enriched mentions as the listen job emitted them
 * </pre>
 *
 * Files are committed exactly once: written as hidden in-progress files, they become visible when
 * the checkpoint that covers them completes (or at the end of a bounded job), so a reader never
 * sees a partial file and a restart never writes a record twice into committed files.
 */
public final class Archive {
    public static final String MENTIONS = "mentions";
    public static final String ENRICHED = "enriched";
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd/HH").withZone(ZoneOffset.UTC);

    private Archive() {}

    public static FileSink<Mention> mentionSink(String root) {
        return sink(root, MENTIONS, Mention.class, Mention::getCreatedAt);
    }

    public static FileSink<EnrichedMention> enrichedSink(String root) {
        return sink(
                root,
                ENRICHED,
                EnrichedMention.class,
                enriched -> enriched.getMention().getCreatedAt());
    }

    /** The files under {@code directories}, read as mentions. */
    public static FileSource<Either<DeadLetter, Mention>> mentionSource(List<Path> directories) {
        return FileSource.forRecordStreamFormat(
                        new AvroContainerFormat<>(Mention.class), directories.toArray(Path[]::new))
                .build();
    }

    /** The files under {@code directories}, read as enriched mentions. */
    public static FileSource<Either<DeadLetter, EnrichedMention>> enrichedSource(
            List<Path> directories) {
        return FileSource.forRecordStreamFormat(
                        new AvroContainerFormat<>(EnrichedMention.class),
                        directories.toArray(Path[]::new))
                .build();
    }

    /**
     * The hour directories of {@code kind} under {@code root} that may hold records created in
     * [{@code from}, {@code to}); every hour when both are null. Records near the edges of the
     * range share their hour with records outside it: readers filter by event time.
     */
    public static List<Path> hours(String root, String kind, Instant from, Instant to) {
        Path base = new Path(root, kind);
        try {
            FileSystem fs = base.getFileSystem();
            if (!fs.exists(base)) {
                throw new IllegalArgumentException(
                        "no archive of "
                                + kind
                                + " at "
                                + base
                                + " (the listen job writes one with --archive "
                                + root
                                + ")");
            }
            String first = from == null ? null : hourDirectory(from.truncatedTo(ChronoUnit.HOURS));
            String last =
                    to == null
                            ? null
                            : hourDirectory(to.minusMillis(1).truncatedTo(ChronoUnit.HOURS));
            List<Path> hours = new ArrayList<>();
            for (FileStatus day : sorted(fs.listStatus(base))) {
                if (!day.isDir()) {
                    continue;
                }
                for (FileStatus hour : sorted(fs.listStatus(day.getPath()))) {
                    String name = day.getPath().getName() + "/" + hour.getPath().getName();
                    if (hour.isDir()
                            && (first == null || name.compareTo(first) >= 0)
                            && (last == null || name.compareTo(last) <= 0)) {
                        hours.add(hour.getPath());
                    }
                }
            }
            return hours;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the archive at " + base, e);
        }
    }

    /**
     * How many records the committed files under {@code directories} hold, read from the files'
     * block headers without decoding a record: the total a replay's progress counts towards.
     */
    public static long count(List<Path> directories) {
        long records = 0;
        try {
            for (Path directory : directories) {
                FileSystem fs = directory.getFileSystem();
                for (FileStatus file : fs.listStatus(directory)) {
                    if (file.isDir() || isHidden(file.getPath())) {
                        continue;
                    }
                    try (FSDataInputStream in = fs.open(file.getPath());
                            DataFileStream<Object> blocks =
                                    new DataFileStream<>(in, new GenericDatumReader<>())) {
                        while (blocks.hasNext()) {
                            records += blocks.getBlockCount();
                            blocks.nextBlock();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the archive's files", e);
        }
        return records;
    }

    static String hourDirectory(Instant eventTime) {
        return HOUR.format(eventTime);
    }

    private static <T extends SpecificRecordBase> FileSink<T> sink(
            String root, String kind, Class<T> type, SerializableFunction<T, Instant> eventTime) {
        return FileSink.forBulkFormat(
                        new Path(root, kind), new AvroWriterFactory<>(snappyWriter(type)))
                .withBucketAssigner(new EventHourBuckets<>(eventTime))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix("part")
                                .withPartSuffix(".avro")
                                .build())
                .build();
    }

    private static <T extends SpecificRecordBase> AvroBuilder<T> snappyWriter(Class<T> type) {
        return out -> {
            DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<>(type));
            writer.setCodec(CodecFactory.snappyCodec());
            return writer.create(SpecificData.get().getSchema(type), out);
        };
    }

    /** In-progress and other not-yet-committed files start with a dot or an underscore. */
    private static boolean isHidden(Path file) {
        return file.getName().startsWith(".") || file.getName().startsWith("_");
    }

    private static List<FileStatus> sorted(FileStatus[] statuses) {
        List<FileStatus> list = new ArrayList<>(statuses == null ? List.of() : List.of(statuses));
        list.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        return list;
    }
}
