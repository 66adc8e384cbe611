package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.TopicCatalog;
import io.wirewatch.platform.topics.TopicProvisioner;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.enrich.replay.ReplayReset;
import io.wirewatch.tagger.Enrichment;
import io.wirewatch.tagger.TagInput;
import io.wirewatch.tagger.Tagger;
import io.wirewatch.tagger.TaxonomyTagger;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running enrich service on a real broker, exactly_once_v2: 10,000 records in (stories, exact duplicates,
 * poison pills), a restart half-way on an empty state directory (state restored from the changelogs), and every
 * record accounted for exactly once in the read_committed outputs.
 */
@ExtendWith(KafkaExtension.class)
class EnrichServiceIT {

    private static final int RECORDS = 10_000;
    private static final int POISON_EVERY = 100;
    private static final int DUPLICATE_EVERY = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> TOPIC_IDS = List.of("rnd", "exports", "training", "industrial", "security");
    private static final List<String> COUNTRIES = List.of("France", "India", "Japan", "Brazil", "Poland", "Kenya",
            "Canada", "Egypt", "Norway", "Chile", "Vietnam", "Greece");
    private static final TaxonomyTagger TAGGER = TaxonomyTagger.loadDefault();

    private final TestKafka kafka;
    private final String scope = "enrich-it-" + UUID.randomUUID();
    private Map<String, Object> settings;
    private ContractSerdes serdes;

    @TempDir
    Path stateDir;

    EnrichServiceIT(TestKafka kafka) {
        this.kafka = kafka;
    }

    @BeforeEach
    void topicsAndSettings() {
        settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("schema.registry.url", "mock://" + scope);
        settings.put("application.id", TestKafka.uniqueName("enrich-it"));
        settings.put("topic.raw", TestKafka.uniqueName("raw"));
        settings.put("topic.enriched", TestKafka.uniqueName("enriched"));
        settings.put("topic.enriched.prefix", TestKafka.uniqueName("enriched") + ".");
        settings.put("topic.trends", TestKafka.uniqueName("trends"));
        settings.put("topic.deadletter", TestKafka.uniqueName("deadletter"));
        settings.put("topics.partitions", "3");
        settings.put("topics.replication.factor", "1");
        settings.put("http.port", "0");
        settings.put("http.host", "127.0.0.1");
        settings.put("instance.id", "enrich-it");
        settings.put("commit.interval.ms", "200");
        serdes = new ContractSerdes(new EnrichConfig(settings).serdeConfig());
    }

    @AfterEach
    void dropRegistry() {
        serdes.close();
        MockSchemaRegistry.dropScope(scope);
    }

    private EnrichService service(Tagger tagger, String stateSubdir) {
        Map<String, Object> instance = new HashMap<>(settings);
        instance.put("state.dir", stateDir.resolve(stateSubdir).toString());
        return new EnrichService(new EnrichConfig(instance), tagger, TOPIC_IDS, Clock.systemUTC());
    }

    @Test
    void tenThousandRecordsComeOutOnceEachAcrossARestart() throws Exception {
        Inputs inputs = new Inputs();
        List<String> body = TestStories.generatedBody(4242, 30);
        List<String> otherWire = new ArrayList<>(body.subList(0, body.size() - 1));
        otherWire.set(0, "By our correspondent. " + otherWire.get(0));
        RawStory original = TestStories.story("near-original", Instant.parse("2024-05-01T07:00:00Z"), body);
        RawStory copy = TestStories.story("near-copy", Instant.parse("2024-05-01T07:10:00Z"), otherWire);
        // the 10,000 stories span a week of event time: keep the original comparable to the copy sent at the end
        settings.put("near.dup.window.ms", String.valueOf(Duration.ofDays(10).toMillis()));
        EnrichService first = service(TAGGER, "first");
        first.start();
        sendAll(List.of(original));
        inputs.expect(original);
        await().atMost(TIMEOUT).until(() -> enrichedCount() >= 1);
        produce(inputs);

        await().atMost(TIMEOUT).until(() -> first.state() == KafkaStreams.State.RUNNING
                && enrichedCount() >= inputs.unique.size() / 3);
        assertHealthAndMetrics(first);
        first.close(Duration.ofSeconds(30));

        // the near-duplicate index of the second instance is rebuilt from its changelog alone
        EnrichService second = service(TAGGER, "second");
        try {
            second.start();
            await().atMost(TIMEOUT).until(() -> second.state() == KafkaStreams.State.RUNNING);
            sendAll(List.of(copy));
            inputs.expect(copy);
            awaitInputConsumed(settings.get("application.id").toString(), settings.get("topic.raw").toString());
        } finally {
            second.close(Duration.ofSeconds(30));
        }

        List<ConsumerRecord<String, EnrichedStory>> enriched = kafka.readAll(topic("topic.enriched"),
                new StringDeserializer(), serdes.enrichedStory().deserializer(), TIMEOUT);
        List<ConsumerRecord<String, DeadLetter>> dead = kafka.readAll(topic("topic.deadletter"),
                new StringDeserializer(), serdes.deadLetter().deserializer(), TIMEOUT);
        List<String> enrichedIds = enriched.stream().map(ConsumerRecord::key).toList();
        int sent = RECORDS + 2;
        long duplicatesDropped = sent - enriched.size() - dead.size();

        assertThat(enrichedIds).doesNotHaveDuplicates();
        assertThat(Set.copyOf(enrichedIds)).isEqualTo(inputs.unique);
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(inputs.poison);
        assertThat(dead).extracting(r -> r.value().getReasonCode()).containsOnly("DESERIALIZATION");
        assertThat(duplicatesDropped).isEqualTo(inputs.duplicates);
        assertThat(enriched.size() + dead.size() + duplicatesDropped).isEqualTo(sent);
        Map<String, String> duplicateOf = new HashMap<>();
        enriched.forEach(r -> duplicateOf.put(r.key(), String.valueOf(r.value().getDuplicateOf())));
        assertThat(duplicateOf).containsEntry("near-original", "null").containsEntry("near-copy", "near-original");
        for (String topicId : TOPIC_IDS) {
            List<ConsumerRecord<String, EnrichedStory>> perTopic = kafka.readAll(
                    settings.get("topic.enriched.prefix") + topicId, new StringDeserializer(),
                    serdes.enrichedStory().deserializer(), TIMEOUT);
            assertThat(perTopic).as(topicId).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(inputs.byTopic.getOrDefault(topicId, Set.of()));
        }
        assertThat(inputs.byTopic).containsKeys("rnd", "exports", "training");
    }

    @Test
    void replayFromAPointInTimeReEnrichesThroughAChangedTaxonomy() throws Exception {
        String group = settings.get("application.id").toString();
        List<RawStory> before = new ArrayList<>();
        List<RawStory> after = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            (i < 10 ? before : after).add(story(i, Instant.parse("2024-05-01T08:00:00Z").plusSeconds(i * 60L)));
        }
        new TopicProvisioner(kafka.admin(), Duration.ofSeconds(30))
                .provision(TopicCatalog.from(new EnrichConfig(settings), TOPIC_IDS).all());
        sendAll(before);
        Instant replayFrom = Instant.now().plusMillis(5);
        await().atMost(TIMEOUT).until(() -> Instant.now().isAfter(replayFrom));
        sendAll(after);
        EnrichService v1 = service(new RenamedTaxonomy(TAGGER, "defense-cooperation/1.0.0"), "v1");
        try {
            v1.start();
            awaitInputConsumed(group, topic("topic.raw"));
            assertThatThrownBy(() -> reset(replayFrom)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still runs").hasMessageContaining("stop every enrich instance");
        } finally {
            v1.close(Duration.ofSeconds(30));
        }

        Map<TopicPartition, Long> offsets = reset(replayFrom);
        EnrichService v2 = service(new RenamedTaxonomy(TAGGER, "defense-cooperation/1.1.0"), "v2");
        try {
            v2.start();
            awaitInputConsumed(group, topic("topic.raw"));
        } finally {
            v2.close(Duration.ofSeconds(30));
        }

        assertThat(offsets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before.size());
        List<ConsumerRecord<String, EnrichedStory>> enriched = kafka.readAll(topic("topic.enriched"),
                new StringDeserializer(), serdes.enrichedStory().deserializer(), TIMEOUT);
        assertThat(enriched).filteredOn(r -> r.value().getTaxonomyVersion().endsWith("1.0.0"))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(ids(before, after));
        assertThat(enriched).filteredOn(r -> r.value().getTaxonomyVersion().endsWith("1.1.0"))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(ids(after));
    }

    private Map<TopicPartition, Long> reset(Instant from) {
        return new ReplayReset(kafka.admin(), Duration.ofSeconds(10))
                .resetInputTo(settings.get("application.id").toString(), topic("topic.raw"), from);
    }

    @SafeVarargs
    private static List<String> ids(List<RawStory>... stories) {
        List<String> ids = new ArrayList<>();
        for (List<RawStory> list : stories) {
            list.forEach(s -> ids.add(s.getId()));
        }
        return ids;
    }

    private void sendAll(List<RawStory> stories) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, RawStory> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), serdes.rawStory().serializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            stories.forEach(s -> sends.add(producer.send(new ProducerRecord<>(topic("topic.raw"), s.getId(), s))));
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        }
    }

    /** The real tagger under another taxonomy version, as after a taxonomy change. */
    private record RenamedTaxonomy(Tagger delegate, String version) implements Tagger {
        @Override
        public Enrichment tag(TagInput input) {
            Enrichment e = delegate.tag(input);
            return new Enrichment(version, e.defenseCooperation(), e.topics(), e.countries(), e.organizations(),
                    e.people(), e.cooperations(), e.watches());
        }

        @Override
        public String taxonomyVersion() {
            return version;
        }
    }

    private String topic(String key) {
        return settings.get(key).toString();
    }

    /** What was sent: unique story ids, poison pill keys, how many exact duplicates. */
    private static final class Inputs {
        final Set<String> unique = new HashSet<>();
        final Map<String, Set<String>> byTopic = new HashMap<>();
        final List<String> poison = new ArrayList<>();
        int duplicates;

        /** A story that must come out enriched once, in news.enriched and the per-topic topics the tagger gives. */
        void expect(RawStory story) {
            unique.add(story.getId());
            TAGGER.tag(TagInput.of(story)).topics().forEach(tag -> byTopic
                    .computeIfAbsent(tag.getId(), t -> new HashSet<>()).add(story.getId()));
        }
    }

    private void produce(Inputs inputs) throws InterruptedException, ExecutionException {
        Map<String, Object> config = kafka.producerConfig();
        config.put("linger.ms", 20);
        Instant day = Instant.parse("2024-05-01T08:00:00Z");
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<String, RawStory> stories = new KafkaProducer<>(config, new StringSerializer(),
                serdes.rawStory().serializer());
             KafkaProducer<String, byte[]> bytes = new KafkaProducer<>(config, new StringSerializer(),
                     new ByteArraySerializer())) {
            RawStory previous = null;
            for (int i = 0; i < RECORDS; i++) {
                if (i % POISON_EVERY == POISON_EVERY - 1) {
                    String key = "poison-" + i;
                    inputs.poison.add(key);
                    sends.add(bytes.send(new ProducerRecord<>(topic("topic.raw"), key,
                            ("not avro " + i).getBytes(StandardCharsets.UTF_8))));
                } else if (i % DUPLICATE_EVERY == DUPLICATE_EVERY - 2 && previous != null) {
                    inputs.duplicates++;
                    sends.add(stories.send(new ProducerRecord<>(topic("topic.raw"), previous.getId(), previous)));
                } else {
                    RawStory story = story(i, day.plus(Duration.ofMinutes(i)));
                    inputs.expect(story);
                    previous = story;
                    sends.add(stories.send(new ProducerRecord<>(topic("topic.raw"), story.getId(), story)));
                }
            }
            stories.flush();
            bytes.flush();
        }
        for (Future<RecordMetadata> send : sends) {
            send.get();
        }
    }

    /** Story {@code i}: one of four kinds of story written for this test, between two countries, with filler. */
    private static RawStory story(int i, Instant published) {
        String a = COUNTRIES.get(i % COUNTRIES.size());
        String b = COUNTRIES.get((i / COUNTRIES.size() + i + 1) % COUNTRIES.size());
        List<String> body = new ArrayList<>();
        switch (i % 4) {
            case 0 -> body.add(a + " and " + b + " began a joint naval exercise off the coast on Monday, the two "
                    + "defence ministries said. Sailors from both navies will train together for ten days.");
            case 1 -> body.add(a + " and " + b + " agreed to jointly develop a new air defence radar, the defence "
                    + "ministers said after talks. Engineers from both countries will share the research costs.");
            case 2 -> body.add(a + " will buy twelve armoured vehicles from " + b + " under a defence deal signed "
                    + "on Tuesday. The first vehicles will be delivered next year.");
            default -> body.addAll(TestStories.BAKERY);
        }
        body.addAll(TestStories.generatedBody(i, 4));
        return TestStories.story("it-" + i, published, body);
    }

    private long enrichedCount() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            latest.put(new TopicPartition(topic("topic.enriched"), p), OffsetSpec.latest());
        }
        try {
            return kafka.admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return 0;
        }
    }

    /**
     * Waits until the application committed offsets at the end of every partition it reads: news.raw and its own
     * repartition topics, so every output it will ever write for these inputs is committed.
     */
    private void awaitInputConsumed(String group, String input) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(input, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = kafka.admin().listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            return committed.size() > 3 && ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue());
        });
    }

    private static void assertHealthAndMetrics(EnrichService service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(service.httpUrl()
                + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(service.httpUrl()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("wirewatch_enrich_stories_total", "wirewatch_enrich_tags_total",
                "wirewatch_enrich_end_to_end_lag_seconds", "kafka_stream");
    }
}
