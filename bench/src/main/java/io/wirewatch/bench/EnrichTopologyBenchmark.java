package io.wirewatch.bench;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichMetrics;
import io.wirewatch.enrich.errors.DeadLetterRouter;
import io.wirewatch.enrich.topology.EnrichTopology;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.PipelineTopics;
import io.wirewatch.platform.topics.TopicCatalog;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.tagger.TaxonomyTagger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
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
 * Enrich's per-story CPU without a broker, one thread: the real enrich topology (exact dedup, tagging with the
 * shipped taxonomy, near-duplicate index, per-topic branches, trend windows, RocksDB stores, the Avro serde in and
 * out) in a TopologyTestDriver. Every story is new (fresh generated text and id), as on a live feed. The difference
 * to {@code TaggerBenchmark.tag} is what the topology adds around the tagger.
 * Run: {@code bench/run-jmh.sh EnrichTopologyBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class EnrichTopologyBenchmark {

    private static final int STORIES_PER_ITERATION = 12_000;

    private final String scope = "bench-enrich";
    private final StoryGenerator generator = new StoryGenerator(42, 0.4);
    private final List<RawStory> stories = new ArrayList<>();
    private Path stateDir;
    private TaxonomyTagger tagger;
    private ContractSerdes serdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawStory> raw;
    private TestOutputTopic<String, EnrichedStory> enriched;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        stateDir = Files.createTempDirectory("bench-enrich-");
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", "driver:9092");
        settings.put("schema.registry.url", "mock://" + scope);
        settings.put("state.dir", stateDir.toString());
        settings.put("instance.id", "bench-enrich");
        EnrichConfig config = new EnrichConfig(settings);
        serdes = new ContractSerdes(config.serdeConfig());
        PipelineTopics topics = new PipelineTopics(TopicCatalog.from(config), serdes);
        tagger = TaxonomyTagger.loadDefault();
        EnrichMetrics metrics = EnrichMetrics.noop();
        DeadLetterRouter router = new DeadLetterRouter(topics.deadLetter().name(), serdes.deadLetter().serializer(),
                config.instanceId(), config.deadLetterMaxOriginalBytes(), metrics, Clock.systemUTC());
        driver = new TopologyTestDriver(EnrichTopology.build(config, topics, tagger, Clock.systemUTC(), metrics),
                router.addTo(config.streamsProperties()), Instant.now());
        raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(), serdes.rawStory().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(),
                serdes.enrichedStory().deserializer());
    }

    /** Fresh stories for the iteration, generated outside the timing. */
    @Setup(Level.Iteration)
    public void generate() {
        stories.clear();
        next = 0;
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < STORIES_PER_ITERATION; i++) {
            stories.add(generator.next().publishedOn(today).toRawStory("bench", now));
        }
    }

    @TearDown(Level.Iteration)
    public void drain() {
        enriched.readRecordsToList();
        for (String topic : driver.producedTopicNames()) {
            driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        driver.close();
        tagger.close();
        serdes.close();
        MockSchemaRegistry.dropScope(scope);
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public long enrich() {
        if (next == stories.size()) {
            throw new IllegalStateException("more than " + STORIES_PER_ITERATION + " stories in one iteration: "
                    + "raise STORIES_PER_ITERATION");
        }
        RawStory story = stories.get(next++);
        raw.pipeInput(story.getId(), story, story.getReceivedAt());
        return enriched.getQueueSize();
    }
}
