package io.wirewatch.serde;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Confluent-compatible Avro {@link Serde} for plain clients and Kafka Streams. Build one already configured with
 * {@link #specific(Class, SchemaRegistryClient, Map, boolean)} and pass it explicitly
 * ({@code Consumed.with(...)}, {@code Produced.with(...)}).
 */
public final class AvroSerde<T> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** A configured serde reading into {@code type}, sharing {@code client} (its caches) with other serdes. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, SchemaRegistryClient client,
                                                                   Map<String, ?> config, boolean isKey) {
        AvroSerde<T> serde = new AvroSerde<>(new AvroSerializer<>(client), new AvroDeserializer<>(client, type));
        serde.configure(config, isKey);
        return serde;
    }

    /** A configured serde for {@code type} with its own registry client created from {@code config}. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, Map<String, ?> config,
                                                                   boolean isKey) {
        return specific(type, SchemaRegistryClients.create(config), config, isKey);
    }

    /** A configured serde for GenericRecord values, reading with the writer's schema. */
    public static AvroSerde<GenericRecord> generic(SchemaRegistryClient client, Map<String, ?> config,
                                                   boolean isKey) {
        AvroSerde<GenericRecord> serde = new AvroSerde<>(new AvroSerializer<>(client),
                new AvroDeserializer<>(client, null));
        serde.configure(config, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
