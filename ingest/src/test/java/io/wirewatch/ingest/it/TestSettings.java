package io.wirewatch.ingest.it;

import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.testkit.TestKafka;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings of an ingest service under test: the shared broker, topics and ids no other test uses. */
final class TestSettings {

    final String raw = TestKafka.uniqueName("ingest-raw");
    final String deadLetter = TestKafka.uniqueName("ingest-dlq");
    final String progress = TestKafka.uniqueName("ingest-progress");
    final String registryScope = TestKafka.uniqueName("ingest-registry");
    final Map<String, String> values = new LinkedHashMap<>();

    TestSettings(TestKafka kafka) {
        String prefix = TestKafka.uniqueName("ingest-other");
        values.put("bootstrap.servers", kafka.bootstrapServers());
        values.put("schema.registry.url", "mock://" + registryScope);
        values.put("topic.raw", raw);
        values.put("topic.deadletter", deadLetter);
        values.put("topic.enriched", prefix + ".enriched");
        values.put("topic.enriched.prefix", prefix + ".enriched.");
        values.put("topic.trends", prefix + ".trends");
        values.put("topics.partitions", "3");
        values.put(IngestConfig.PROGRESS_TOPIC, progress);
        values.put(IngestConfig.TRANSACTIONAL_ID, TestKafka.uniqueName("ingest-tx"));
        values.put("http.port", "0");
        values.put("http.host", "127.0.0.1");
        values.put("instance.id", "ingest-it");
        values.put("producer.linger.ms", "0");
    }

    TestSettings with(String key, String value) {
        values.put(key, value);
        return this;
    }

    IngestConfig config() {
        return new IngestConfig(values);
    }
}
