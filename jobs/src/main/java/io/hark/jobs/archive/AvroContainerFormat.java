// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.archive;

import io.hark.schema.DeadLetter;
import java.io.IOException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;

/**
 * Reads the archive's Avro container files. Each file carries the schema it was written with, and
 * records are resolved to the current one, so archives written before a schema change still replay.
 * Records come out as the right side of an {@link Either}, the shape every Hark source has (file
 * inputs that can hold bad records put them on the left).
 */
final class AvroContainerFormat<T extends SpecificRecordBase>
        extends SimpleStreamFormat<Either<DeadLetter, T>> {
    private final Class<T> type;

    AvroContainerFormat(Class<T> type) {
        this.type = type;
    }

    @Override
    public StreamFormat.Reader<Either<DeadLetter, T>> createReader(
            Configuration config, FSDataInputStream stream) throws IOException {
        DataFileStream<T> records = new DataFileStream<>(stream, new SpecificDatumReader<>(type));
        return new StreamFormat.Reader<>() {
            @Override
            public Either<DeadLetter, T> read() {
                return records.hasNext() ? Either.Right(records.next()) : null;
            }

            @Override
            public void close() throws IOException {
                records.close();
            }
        };
    }

    @Override
    public TypeInformation<Either<DeadLetter, T>> getProducedType() {
        return new EitherTypeInfo<>(new AvroTypeInfo<>(DeadLetter.class), new AvroTypeInfo<>(type));
    }
}
