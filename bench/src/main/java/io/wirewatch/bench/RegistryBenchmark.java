package io.wirewatch.bench;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.embedded.EmbeddedKafka;
import io.wirewatch.registry.RegistryConfig;
import io.wirewatch.registry.RegistryServer;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.CachedSchemaRegistryClient;
import io.wirewatch.serde.RegisteredSchema;
import io.wirewatch.serde.RestSchemaRegistryClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Schema registry lookups per second, one thread, against the project's real registry server on a real in-process
 * Kafka broker (both started in setup, like the local mode): {@code getByIdCached} is what every deserialized record
 * costs once the id is known (the caching client's hit), {@code getByIdRest} and {@code lookupRest} are the uncached
 * HTTP round trips a serde makes once per schema id or subject (GET /schemas/ids/{id}; POST /subjects/{subject} with
 * the EnrichedStory schema, ~10 KB of JSON). Run: {@code bench/run-jmh.sh RegistryBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class RegistryBenchmark {

    private static final String SUBJECT = "bench.enriched-value";

    private EmbeddedKafka kafka;
    private RegistryServer registry;
    private RestSchemaRegistryClient rest;
    private CachedSchemaRegistryClient cached;
    private Schema schema;
    private int id;

    @Setup(Level.Trial)
    public void setUp() {
        kafka = EmbeddedKafka.builder().start();
        registry = RegistryServer.start(new RegistryConfig(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "http.host", "127.0.0.1",
                "http.port", "0",
                "instance.id", "bench-registry")));
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()));
        rest = new RestSchemaRegistryClient(config);
        cached = new CachedSchemaRegistryClient(new RestSchemaRegistryClient(config));
        schema = EnrichedStory.getClassSchema();
        id = rest.register(SUBJECT, schema, false);
        cached.getById(id);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cached.close();
        rest.close();
        registry.close();
        kafka.close();
    }

    @Benchmark
    public Schema getByIdCached() {
        return cached.getById(id);
    }

    @Benchmark
    public Schema getByIdRest() {
        return rest.getById(id);
    }

    @Benchmark
    public RegisteredSchema lookupRest() {
        return rest.lookup(SUBJECT, schema, false);
    }
}
