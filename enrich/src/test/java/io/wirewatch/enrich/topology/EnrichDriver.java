package io.wirewatch.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TrendCount;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichMetrics;
import io.wirewatch.enrich.errors.DeadLetterRouter;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.PipelineTopics;
import io.wirewatch.platform.topics.TopicCatalog;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.tagger.Tagger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The real enrich topology in a TopologyTestDriver, with a mock:// registry of its own, the real error handlers and
 * the topics of the default catalogue.
 */
final class EnrichDriver implements AutoCloseable {

    final EnrichConfig config;
    final PipelineTopics topics;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Topology topology;
    final TopologyTestDriver driver;
    final TestInputTopic<String, RawStory> raw;
    final TestInputTopic<String, byte[]> rawBytes;
    final TestOutputTopic<String, EnrichedStory> enriched;
    final TestOutputTopic<String, TrendCount> trends;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    private final ContractSerdes serdes;
    private final String scope;

    EnrichDriver(Tagger tagger, Clock clock, Path stateDir, Map<String, Object> overrides) {
        this.scope = "enrich-test-" + UUID.randomUUID();
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", "driver:9092");
        settings.put("schema.registry.url", "mock://" + scope);
        settings.put("state.dir", stateDir.toString());
        settings.put("instance.id", "enrich-test");
        settings.putAll(overrides);
        this.config = new EnrichConfig(settings);
        this.serdes = new ContractSerdes(config.serdeConfig());
        this.topics = new PipelineTopics(TopicCatalog.from(config), serdes);
        EnrichMetrics metrics = new EnrichMetrics(meters);
        this.topology = EnrichTopology.build(config, topics, tagger, clock, metrics);
        DeadLetterRouter router = new DeadLetterRouter(topics.deadLetter().name(),
                serdes.deadLetter().serializer(), config.instanceId(), config.deadLetterMaxOriginalBytes(), metrics,
                clock);
        this.driver = new TopologyTestDriver(topology, router.addTo(config.streamsProperties()),
                Instant.parse("2024-05-01T00:00:00Z"));
        this.raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(),
                serdes.rawStory().serializer());
        this.rawBytes = driver.createInputTopic(topics.raw().name(), new StringSerializer(),
                new ByteArraySerializer());
        this.enriched = output(topics.enriched().name(), serdes.enrichedStory().deserializer());
        this.trends = output(topics.trends().name(), serdes.trendCount().deserializer());
        this.deadLetters = output(topics.deadLetter().name(), serdes.deadLetter().deserializer());
    }

    private <V> TestOutputTopic<String, V> output(String name,
                                                  Deserializer<V> values) {
        return driver.createOutputTopic(name, new StringDeserializer(), values);
    }

    TestOutputTopic<String, EnrichedStory> enrichedFor(String topicId) {
        return output(topics.enrichedFor(topicId).name(), serdes.enrichedStory().deserializer());
    }

    /** Pipes a story keyed by its id, appended (LogAppendTime) when ingest received it. */
    void pipe(RawStory story) {
        raw.pipeInput(new TestRecord<>(story.getId(), story, story.getReceivedAt()));
    }

    /** Pipes bytes as they are, appended at {@code appendedAt}. */
    void pipeBytes(String key, byte[] value, Instant appendedAt) {
        rawBytes.pipeInput(new TestRecord<>(key, value, appendedAt));
    }

    double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
        serdes.close();
        MockSchemaRegistry.dropScope(scope);
    }
}
