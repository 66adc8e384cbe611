package io.wirewatch.platform.topics;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TrendCount;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.SchemaRegistryClient;
import io.wirewatch.serde.SchemaRegistryClients;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Configured serdes for the contract's records, all sharing one registry client (and so its caches). Built from
 * configuration and injected; never global.
 */
public final class ContractSerdes implements AutoCloseable {

    private final SchemaRegistryClient client;
    private final Map<String, Object> config;
    private final AvroSerde<RawStory> rawStory;
    private final AvroSerde<EnrichedStory> enrichedStory;
    private final AvroSerde<DeadLetter> deadLetter;
    private final AvroSerde<TrendCount> trendCount;

    public ContractSerdes(Map<String, Object> serdeConfig) {
        this(SchemaRegistryClients.create(serdeConfig), serdeConfig);
    }

    public ContractSerdes(SchemaRegistryClient client, Map<String, Object> serdeConfig) {
        this.client = client;
        this.config = Map.copyOf(serdeConfig);
        this.rawStory = specific(RawStory.class);
        this.enrichedStory = specific(EnrichedStory.class);
        this.deadLetter = specific(DeadLetter.class);
        this.trendCount = specific(TrendCount.class);
    }

    /** A value serde for any generated record, sharing this registry client. */
    public <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type) {
        return AvroSerde.specific(type, client, config, false);
    }

    /** Story ids and other keys: plain UTF-8 strings, readable by any client. */
    public Serde<String> key() {
        return Serdes.String();
    }

    public AvroSerde<RawStory> rawStory() {
        return rawStory;
    }

    public AvroSerde<EnrichedStory> enrichedStory() {
        return enrichedStory;
    }

    public AvroSerde<DeadLetter> deadLetter() {
        return deadLetter;
    }

    public AvroSerde<TrendCount> trendCount() {
        return trendCount;
    }

    public SchemaRegistryClient registryClient() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
