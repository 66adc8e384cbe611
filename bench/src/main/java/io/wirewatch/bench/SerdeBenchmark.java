package io.wirewatch.bench;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.schemas.ExampleRecords;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.MockSchemaRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Avro serde records/s in the Confluent wire format for a ~3 KB enriched story, schema id cache warm (the registry is
 * asked once, in setup). Run: {@code bench/run-jmh.sh SerdeBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SerdeBenchmark {

    private final String scope = "bench-serde";
    private AvroSerde<EnrichedStory> serde;
    private EnrichedStory story;
    private byte[] bytes;

    @Setup
    public void setUp() {
        serde = AvroSerde.specific(EnrichedStory.class, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://" + scope), false);
        StoryGenerator.Story generated = new StoryGenerator(42, 1.0).next(3_000);
        story = EnrichedStory.newBuilder(ExampleRecords.enrichedStory(generated.id()))
                .setStory(generated.toRawStory("bench", Instant.EPOCH)).build();
        bytes = serde.serializer().serialize("news.enriched", story);
    }

    @TearDown
    public void tearDown() {
        serde.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Benchmark
    public byte[] serialize() {
        return serde.serializer().serialize("news.enriched", story);
    }

    @Benchmark
    public EnrichedStory deserialize() {
        return serde.deserializer().deserialize("news.enriched", bytes);
    }
}
