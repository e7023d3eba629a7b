// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.archive;

import io.hark.jobs.Topics;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import io.hark.schema.MentionJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.types.Either;

/**
 * A JSON Lines file of mentions (the format {@code scripts/hark produce} and {@code sample} use) as
 * a Flink source: each line a mention, or a dead letter naming the file and line when it is not
 * one.
 *
 * @param ingestedAt given to lines without {@code ingested_at}: one instant per replay, so every
 *     line of a run gets the same
 */
public final class JsonLinesMentionFormat extends SimpleStreamFormat<Either<DeadLetter, Mention>> {
    private final String fileName;
    private final Instant ingestedAt;

    private JsonLinesMentionFormat(String fileName, Instant ingestedAt) {
        this.fileName = fileName;
        this.ingestedAt = ingestedAt;
    }

    public static FileSource<Either<DeadLetter, Mention>> source(Path file, Instant ingestedAt) {
        return FileSource.forRecordStreamFormat(
                        new JsonLinesMentionFormat(file.getName(), ingestedAt), file)
                .build();
    }

    /** The file's records (non-blank lines). */
    public static long lines(java.nio.file.Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StreamFormat.Reader<Either<DeadLetter, Mention>> createReader(
            Configuration config, FSDataInputStream stream) {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String source = "jsonl:" + fileName;
        return new StreamFormat.Reader<>() {
            private long lineNumber;

            @Override
            public Either<DeadLetter, Mention> read() throws IOException {
                String line;
                do {
                    line = lines.readLine();
                    lineNumber++;
                } while (line != null && line.isBlank());
                if (line == null) {
                    return null;
                }
                try {
                    return Either.Right(MentionJson.parse(line, ingestedAt, source));
                } catch (MentionJson.InvalidMentionException e) {
                    return Either.Left(e.deadLetter(line, fileName + ":" + lineNumber));
                }
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    @Override
    public TypeInformation<Either<DeadLetter, Mention>> getProducedType() {
        return Topics.incomingMentionType();
    }
}
