package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.avro.RawStory;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.TopicCatalog;
import io.wirewatch.platform.topics.TopicProvisioner;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.tagger.TagInput;
import io.wirewatch.tagger.TaxonomyTagger;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the running topology on the real broker (exactly_once_v2, one stream thread) next to the tagger
 * alone on the same stories, in the same JVM. Opt-in, as it measures rather than checks behaviour:
 * {@code mvn -pl enrich verify -Dit.test=EnrichThroughputIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwirewatch.bench=true}; the rates are printed to the test output (target/failsafe-reports).
 */
@ExtendWith(KafkaExtension.class)
@EnabledIfSystemProperty(named = "wirewatch.bench", matches = "true",
        disabledReason = "a measurement: run with -Dwirewatch.bench=true")
class EnrichThroughputIT {

    private static final int STORIES = 10_000;

    @TempDir
    Path stateDir;

    @Test
    void topologyKeepsUpWithAFractionOfTheTaggerAlone(TestKafka kafka) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("schema.registry.url", "mock://throughput");
        settings.put("application.id", TestKafka.uniqueName("throughput"));
        settings.put("topic.raw", TestKafka.uniqueName("raw"));
        settings.put("topic.enriched", TestKafka.uniqueName("enriched"));
        settings.put("topic.enriched.prefix", TestKafka.uniqueName("enriched") + ".");
        settings.put("topic.trends", TestKafka.uniqueName("trends"));
        settings.put("topic.deadletter", TestKafka.uniqueName("deadletter"));
        settings.put("topics.replication.factor", "1");
        settings.put("http.port", "0");
        settings.put("state.dir", stateDir.toString());
        EnrichConfig config = new EnrichConfig(settings);
        TaxonomyTagger tagger = TaxonomyTagger.loadDefault();
        new TopicProvisioner(kafka.admin(), Duration.ofSeconds(30)).provision(TopicCatalog.from(config).all());
        List<RawStory> stories = stories();
        double taggerRate = taggerRate(tagger, stories);

        try (ContractSerdes serdes = new ContractSerdes(config.serdeConfig());
             KafkaProducer<String, RawStory> producer = new KafkaProducer<>(kafka.producerConfig(),
                     new StringSerializer(), serdes.rawStory().serializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            stories.forEach(s -> sends.add(producer.send(new ProducerRecord<>(config.getString("topic.raw"),
                    s.getId(), s))));
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        }
        EnrichService service = new EnrichService(config, tagger, TopicCatalog.DEFAULT_TOPIC_IDS,
                Clock.systemUTC());
        double seconds;
        try {
            service.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            long start = System.nanoTime();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> everythingCommitted(kafka, config.applicationId()));
            seconds = (System.nanoTime() - start) / 1e9;
        } finally {
            service.close(Duration.ofSeconds(30));
            MockSchemaRegistry.dropScope("throughput");
        }
        double topologyRate = STORIES / seconds;
        System.out.printf("THROUGHPUT %d stories of %d chars: topology %.0f stories/s (%.1f s, exactly_once_v2, "
                        + "1 thread); tagger alone %.0f stories/s%n", STORIES,
                stories.get(0).getParagraphs().stream().mapToInt(p -> p.getText().length()).sum(), topologyRate,
                seconds, taggerRate);
        assertThat(topologyRate).isGreaterThan(100);
    }

    private static List<RawStory> stories() {
        String[] countries = {"France", "India", "Japan", "Brazil", "Poland", "Kenya", "Canada", "Egypt"};
        List<RawStory> stories = new ArrayList<>();
        for (int i = 0; i < STORIES; i++) {
            List<String> body = new ArrayList<>();
            body.add(countries[i % 8] + " and " + countries[(i + 3) % 8] + " began a joint naval exercise off "
                    + "the coast on Monday, the two defence ministries said.");
            body.addAll(TestStories.JOINT_EXERCISE.subList(1, 3));
            body.addAll(TestStories.generatedBody(i, 18));
            stories.add(TestStories.story("t-" + i, Instant.parse("2024-05-01T00:00:00Z").plusSeconds(i * 30L),
                    body));
        }
        return stories;
    }

    /** Stories per second of the tagger alone, after a warm-up. */
    private static double taggerRate(TaxonomyTagger tagger, List<RawStory> stories) {
        for (int round = 0; round < 3; round++) {
            stories.subList(0, 3000).forEach(s -> tagger.tag(TagInput.of(s)));
        }
        long start = System.nanoTime();
        stories.forEach(s -> tagger.tag(TagInput.of(s)));
        return stories.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static boolean everythingCommitted(TestKafka kafka, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.admin().listOffsets(latest).all()
                .get();
        return committed.size() > 3 && committed.entrySet().stream()
                .allMatch(e -> e.getValue().offset() >= ends.get(e.getKey()).offset());
    }
}
