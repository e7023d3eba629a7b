// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro single-object encoding (a marker and the schema's fingerprint, then the binary record) for
 * Hark's Kafka topics. The fingerprint lets a reader decode records written with any released
 * version of the schema ({@link SchemaHistory}) and tell foreign bytes from Hark's own.
 *
 * <p>Instances are thread-safe and shared; they are never serialized with a Flink job graph.
 */
public final class AvroCodec<T extends SpecificRecordBase> {
    public static final AvroCodec<Mention> MENTION = new AvroCodec<>(Mention.getClassSchema());
    public static final AvroCodec<EnrichedMention> ENRICHED_MENTION =
            new AvroCodec<>(EnrichedMention.getClassSchema());
    public static final AvroCodec<DeadLetter> DEAD_LETTER =
            new AvroCodec<>(DeadLetter.getClassSchema());
    public static final AvroCodec<Alert> ALERT = new AvroCodec<>(Alert.getClassSchema());

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroCodec(Schema schema) {
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        for (Schema released : SchemaHistory.versionsOf(schema.getName())) {
            decoder.addSchema(released);
        }
    }

    public byte[] encode(T record) {
        try {
            return encoder.encode(record).array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + record.getSchema().getName(), e);
        }
    }

    /**
     * Decodes one record.
     *
     * @throws UndecodableException with a short reason when the bytes are not a record of this
     *     schema
     */
    public T decode(byte[] bytes) throws UndecodableException {
        if (bytes == null || bytes.length == 0) {
            throw new UndecodableException("empty message");
        }
        try {
            return decoder.decode(bytes);
        } catch (org.apache.avro.message.BadHeaderException e) {
            throw new UndecodableException("not Avro single-object encoded: " + e.getMessage());
        } catch (org.apache.avro.message.MissingSchemaException e) {
            throw new UndecodableException("written with an unknown schema: " + e.getMessage());
        } catch (IOException
                | AvroRuntimeException
                | IndexOutOfBoundsException
                | NegativeArraySizeException e) {
            throw new UndecodableException("corrupt Avro record: " + e);
        }
    }

    /** Bytes that are not a record of the expected schema. */
    public static final class UndecodableException extends Exception {
        public UndecodableException(String message) {
            super(message);
        }
    }
}
