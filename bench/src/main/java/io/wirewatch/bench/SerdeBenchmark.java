package io.wirewatch.bench;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.schemas.ExampleRecords;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.CachedSchemaRegistryClient;
import io.wirewatch.serde.MockSchemaRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Avro serde records/s in the Confluent wire format, one thread, schema id cache warm: the registry client is the
 * production {@link CachedSchemaRegistryClient} (over the in-memory registry, asked once in setup), so each record
 * costs what it costs in the services. {@code record=raw-mix}: RawStory as ingest publishes it, sizes 500 B to 10 KB
 * (median ~3 KB), cycled over 1,000 stories; {@code record=enriched-3000}: a ~3 KB story wrapped in an EnrichedStory
 * with tags and evidence, as enrich writes it. Secondary score {@code bytes}: serialized bytes per second.
 * Run: {@code bench/run-jmh.sh SerdeBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SerdeBenchmark {

    private static final int RECORDS = 1_000;

    @Param({"raw-mix", "enriched-3000"})
    public String record;

    private final String scope = "bench-serde";
    private final List<SpecificRecord> values = new ArrayList<>();
    private final List<byte[]> serialized = new ArrayList<>();
    private AvroSerde<SpecificRecord> serde;
    private String topic;
    private int next;

    /** Serialized bytes handled, reported by JMH as a rate next to records/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Throughput {
        public long bytes;
    }

    @Setup(Level.Trial)
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setUp() {
        StoryGenerator generator = new StoryGenerator(42, 0.4);
        Class<? extends SpecificRecord> type;
        if ("raw-mix".equals(record)) {
            type = io.wirewatch.avro.RawStory.class;
            topic = "news.raw";
            for (int i = 0; i < RECORDS; i++) {
                values.add(generator.next().toRawStory("bench", Instant.EPOCH));
            }
        } else {
            type = EnrichedStory.class;
            topic = "news.enriched";
            StoryGenerator.Story story = generator.next(Integer.parseInt(record.substring("enriched-".length())));
            values.add(EnrichedStory.newBuilder(ExampleRecords.enrichedStory(story.id()))
                    .setStory(story.toRawStory("bench", Instant.EPOCH)).build());
        }
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(MockSchemaRegistry.getClientForScope(scope));
        serde = (AvroSerde) AvroSerde.specific(type, client,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
        for (SpecificRecord value : values) {
            serialized.add(serde.serializer().serialize(topic, value));
        }
        serde.deserializer().deserialize(topic, serialized.get(0));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        serde.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Benchmark
    public byte[] serialize(Throughput throughput) {
        byte[] bytes = serde.serializer().serialize(topic, values.get(advance()));
        throughput.bytes += bytes.length;
        return bytes;
    }

    @Benchmark
    public SpecificRecord deserialize(Throughput throughput) {
        byte[] bytes = serialized.get(advance());
        throughput.bytes += bytes.length;
        return serde.deserializer().deserialize(topic, bytes);
    }

    private int advance() {
        int i = next;
        next = i + 1 == values.size() ? 0 : i + 1;
        return i;
    }
}
