package io.wirewatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro records (specific or generic) and primitives in Confluent's wire format, registering or looking up
 * the schema under the subject the strategy names. Thread-safe.
 */
public class AvroSerializer<T> implements Serializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean autoRegister = true;
    private boolean useLatest;
    private boolean normalize;
    private boolean isKey;
    private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC_NAME;

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Target(int id, Schema writeSchema) {
    }

    private final Map<SubjectSchema, Target> targets = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction; {@link #configure(Map, boolean)} creates the registry client. */
    public AvroSerializer() {
    }

    /** With a client shared by several serdes; {@link #configure(Map, boolean)} still reads the other settings. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (client == null) {
            client = SchemaRegistryClients.create(config);
            ownsClient = true;
        }
        this.isKey = isKey;
        this.autoRegister = config.autoRegister();
        this.useLatest = config.useLatestVersion();
        this.normalize = config.normalize();
        this.strategy = config.subjectNameStrategy(isKey);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer used before configure(): no schema registry client");
        }
        Schema schema = schemaOf(data);
        String subject = strategy.subjectName(topic, isKey, schema);
        Target target;
        try {
            target = targets.computeIfAbsent(new SubjectSchema(subject, schema), k -> resolveTarget(subject, schema));
        } catch (RegistryException e) {
            throw new SerializationException("Cannot serialize a record for topic '" + topic + "': the schema registry "
                    + "refused schema " + schema.getFullName() + " under subject '" + subject + "': " + e.getMessage(),
                    e);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(target.id()).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            Object value = target.writeSchema() == schema ? data : convert(data, schema, target.writeSchema());
            writerFor(target.writeSchema(), value).write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic '" + topic
                    + "' (subject '" + subject + "'): " + e.getMessage(), e);
        }
    }

    private Target resolveTarget(String subject, Schema schema) {
        if (useLatest) {
            RegisteredSchema latest = client.getLatest(subject);
            Schema latestSchema = latest.avroSchema();
            return new Target(latest.id(), AvroSchemas.canonical(latestSchema).equals(AvroSchemas.canonical(schema))
                    ? schema : latestSchema);
        }
        if (autoRegister) {
            return new Target(client.register(subject, schema, normalize), schema);
        }
        return new Target(client.lookup(subject, schema, normalize).id(), schema);
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<Object> writerFor(Schema schema, Object value) {
        return writers.computeIfAbsent(schema, s -> value instanceof SpecificRecord
                ? (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(s,
                        SpecificData.getForClass(value.getClass()))
                : new GenericDatumWriter<>(s, GenericData.get()));
    }

    /** Rewrites a value into another (compatible) schema by Avro schema resolution, for use.latest.version. */
    private Object convert(Object value, Schema from, Schema to) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
        writerFor(from, value).write(value, encoder);
        encoder.flush();
        return new GenericDatumReader<>(from, to).read(null,
                DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
    }

    /** The schema of a record, or of a primitive the way Confluent's serializer maps them. */
    static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (data instanceof CharSequence) {
            return Schema.create(Schema.Type.STRING);
        }
        if (data instanceof Integer) {
            return Schema.create(Schema.Type.INT);
        }
        if (data instanceof Long) {
            return Schema.create(Schema.Type.LONG);
        }
        if (data instanceof Boolean) {
            return Schema.create(Schema.Type.BOOLEAN);
        }
        if (data instanceof Float) {
            return Schema.create(Schema.Type.FLOAT);
        }
        if (data instanceof Double) {
            return Schema.create(Schema.Type.DOUBLE);
        }
        if (data instanceof byte[] || data instanceof ByteBuffer) {
            return Schema.create(Schema.Type.BYTES);
        }
        throw new SerializationException("Cannot serialize a " + data.getClass().getName()
                + " as Avro: use a SpecificRecord, GenericRecord or Avro primitive");
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }
}
