package io.wirewatch.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes Confluent wire-format Avro: fetches the writer schema by id (cached forever) and resolves it against
 * the reader schema: a fixed SpecificRecord class, the generated class named by the writer schema
 * ({@code specific.avro.reader=true}), or the writer schema itself (GenericRecord). Thread-safe.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean specificReader;
    private final Class<? extends SpecificRecord> readerClass;

    private record ReaderKey(int writerId, Schema reader) {
    }

    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction; reads {@code specific.avro.reader} in configure. */
    public AvroDeserializer() {
        this(null, null);
    }

    /**
     * @param client a shared registry client, or null to create one in configure
     * @param readerClass the generated class to read into, or null for generic (or specific.avro.reader) reading
     */
    public AvroDeserializer(SchemaRegistryClient client, Class<? extends SpecificRecord> readerClass) {
        this.client = client;
        this.readerClass = readerClass;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (client == null) {
            client = SchemaRegistryClients.create(config);
            ownsClient = true;
        }
        this.specificReader = config.specificReader();
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer used before configure(): no schema registry client");
        }
        int id = WireFormat.schemaId(topic, data);
        Schema writer;
        try {
            writer = client.getById(id);
        } catch (RegistryException e) {
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "': schema id " + id
                    + " is " + (e.errorCode() == RegistryException.SCHEMA_NOT_FOUND ? "unknown to the registry"
                    : "unavailable") + ": " + e.getMessage(), e);
        }
        try {
            Schema reader = readerSchema(writer);
            DatumReader<Object> datumReader = readers.computeIfAbsent(new ReaderKey(id, reader),
                    k -> newReader(writer, reader));
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null);
            Object value = datumReader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Cannot deserialize a record of topic '" + topic + "' (schema id "
                        + id + "): trailing bytes after the Avro body; the payload does not match its schema");
            }
            return (T) value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "' with schema id " + id
                    + " (" + writer.getFullName() + "): " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.io.EOFException) {
            return "the payload is truncated";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private Schema readerSchema(Schema writer) {
        if (readerClass != null) {
            return SpecificData.get().getSchema(readerClass);
        }
        if (specificReader && writer.getType() == Schema.Type.RECORD) {
            Class<?> generated = SpecificData.get().getClass(writer);
            if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
                throw new SerializationException("specific.avro.reader is set but no generated class "
                        + writer.getFullName() + " is on the classpath");
            }
            return SpecificData.get().getSchema(generated);
        }
        return writer;
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> newReader(Schema writer, Schema reader) {
        if (readerClass != null || (specificReader && writer.getType() == Schema.Type.RECORD)) {
            Class<?> type = readerClass != null ? readerClass : SpecificData.get().getClass(writer);
            return (DatumReader<Object>) (DatumReader<?>) new SpecificDatumReader<>(writer, reader,
                    SpecificData.getForClass(type));
        }
        return new GenericDatumReader<>(writer, reader, GenericData.get());
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }
}
