package io.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.schemas.ExampleRecords;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final String scope = "serde-test-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void serializedValueIsFramedWithMagicByteAndBigEndianSchemaId() {
        try (AvroSerde<RawStory> serde = AvroSerde.specific(RawStory.class, config, false)) {
            byte[] bytes = serde.serializer().serialize("news.raw", ExampleRecords.rawStory("a"));

            int id = MockSchemaRegistry.getClientForScope(scope).getLatest("news.raw-value").id();
            assertThat(bytes[0]).isZero();
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        }
    }

    @Test
    void specificRecordsRoundTripWithLogicalTypes() {
        try (AvroSerde<EnrichedStory> serde = AvroSerde.specific(EnrichedStory.class, config, false)) {
            EnrichedStory story = ExampleRecords.enrichedStory("s-1");

            EnrichedStory back = serde.deserializer().deserialize("news.enriched",
                    serde.serializer().serialize("news.enriched", story));

            assertThat(back).isEqualTo(story);
            assertThat(back.getStory().getPublishedAt()).isEqualTo(story.getStory().getPublishedAt());
        }
    }

    @Test
    void genericReaderDecodesWhatTheSpecificWriterWrote() {
        MockSchemaRegistryClient client = MockSchemaRegistry.getClientForScope(scope);
        try (AvroSerde<RawStory> specific = AvroSerde.specific(RawStory.class, client, config, false);
             AvroSerde<GenericRecord> generic = AvroSerde.generic(client, config, false)) {
            byte[] bytes = specific.serializer().serialize("news.raw", ExampleRecords.rawStory("g-1"));

            GenericRecord record = generic.deserializer().deserialize("news.raw", bytes);

            assertThat(record.get("id").toString()).isEqualTo("g-1");
            assertThat(record.getSchema().getFullName()).isEqualTo("io.wirewatch.avro.RawStory");
        }
    }

    @Test
    void specificAvroReaderFindsTheGeneratedClassByName() {
        MockSchemaRegistryClient client = MockSchemaRegistry.getClientForScope(scope);
        AvroSerializer<Object> serializer = new AvroSerializer<>(client);
        serializer.configure(config, false);
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client, null);
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);

        Object back = deserializer.deserialize("t", serializer.serialize("t", ExampleRecords.rawStory("x")));

        assertThat(back).isInstanceOf(RawStory.class).isEqualTo(ExampleRecords.rawStory("x"));
    }

    @Test
    void readerResolvesAnOlderWriterSchemaAgainstItsOwn() {
        Schema v1 = SchemaBuilder.record("Point").namespace("test").fields()
                .requiredInt("x").endRecord();
        Schema v2 = SchemaBuilder.record("Point").namespace("test").fields()
                .requiredInt("x").name("label").type().stringType().stringDefault("none").endRecord();
        MockSchemaRegistryClient client = MockSchemaRegistry.getClientForScope(scope);
        AvroSerializer<Object> serializer = new AvroSerializer<>(client);
        serializer.configure(config, false);
        byte[] old = serializer.serialize("points", new GenericData.Record(v1) {{ put("x", 7); }});
        client.register("points-value", v2);

        GenericRecord read = (GenericRecord) new GenericDatumReaderProbe(client, v2).read("points", old);

        assertThat(read.get("x")).isEqualTo(7);
        assertThat(read.get("label").toString()).isEqualTo("none");
    }

    @Test
    void primitivesAreSerializedWithPrimitiveSchemas() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(config, true);
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(config, true);

        assertThat(deserializer.deserialize("k", serializer.serialize("k", "story-1")).toString())
                .isEqualTo("story-1");
        assertThat(deserializer.deserialize("n", serializer.serialize("n", 42L))).isEqualTo(42L);
        assertThat(MockSchemaRegistry.getClientForScope(scope).getLatest("k-key").schema()).isEqualTo("\"string\"");
    }

    @Test
    void nullIsATombstoneBothWays() {
        try (AvroSerde<RawStory> serde = AvroSerde.specific(RawStory.class, config, false)) {
            assertThat(serde.serializer().serialize("news.raw", null)).isNull();
            assertThat(serde.deserializer().deserialize("news.raw", null)).isNull();
        }
    }

    @Test
    void wrongMagicByteNamesTheTopicAndTheByte() {
        try (AvroSerde<RawStory> serde = AvroSerde.specific(RawStory.class, config, false)) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw", "{\"id\":1}".getBytes()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("news.raw")
                    .hasMessageContaining("magic byte 0x7b");
        }
    }

    @Test
    void unknownSchemaIdIsReported() {
        try (AvroSerde<RawStory> serde = AvroSerde.specific(RawStory.class, config, false)) {
            byte[] bytes = {0, 0, 0, 0x30, 0x39, 2, 'a'};
            assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("schema id 12345")
                    .hasMessageContaining("unknown to the registry");
        }
    }

    @Test
    void truncatedPayloadIsReported() {
        try (AvroSerde<RawStory> serde = AvroSerde.specific(RawStory.class, config, false)) {
            byte[] bytes = serde.serializer().serialize("news.raw", ExampleRecords.rawStory("t"));
            byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

            assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw", truncated))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("truncated");
            assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw", new byte[] {0, 0, 1}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("too short");
        }
    }

    @Test
    void trailingBytesAreRejected() {
        try (AvroSerde<RawStory> serde = AvroSerde.specific(RawStory.class, config, false)) {
            byte[] bytes = serde.serializer().serialize("news.raw", ExampleRecords.rawStory("t"));
            byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

            assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw", longer))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("trailing bytes");
        }
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFails() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        assertThatThrownBy(() -> serializer.serialize("news.raw", ExampleRecords.rawStory("u")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.raw-value");
    }

    @Test
    void recordNameStrategyUsesTheRecordFullName() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), false);

        serializer.serialize("news.raw", ExampleRecords.rawStory("r"));

        assertThat(MockSchemaRegistry.getClientForScope(scope).getAllSubjects())
                .containsExactly("news.raw-io.wirewatch.avro.RawStory");
    }

    /** Reads with a fixed generic reader schema, as a consumer on a newer schema version would. */
    private record GenericDatumReaderProbe(SchemaRegistryClient client, Schema reader) {
        Object read(String topic, byte[] bytes) {
            int id = WireFormat.schemaId(topic, bytes);
            try {
                return new org.apache.avro.generic.GenericDatumReader<>(client.getById(id), reader).read(null,
                        org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
