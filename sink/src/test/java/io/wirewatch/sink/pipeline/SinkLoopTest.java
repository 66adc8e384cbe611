package io.wirewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.Stage;
import io.wirewatch.platform.deadletter.DeadLetters;
import io.wirewatch.platform.http.Health;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.serde.RegistryException;
import io.wirewatch.sink.testing.TestStories;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SinkLoopTest {

    private static final String TOPIC = "news.enriched";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final Duration BACKOFF = Duration.ofSeconds(1);

    private final String scope = "sink-loop-test-" + System.nanoTime();
    private final AvroSerde<EnrichedStory> serde = AvroSerde.specific(EnrichedStory.class,
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
    private final CommitRecordingConsumer consumer = new CommitRecordingConsumer();
    private final MockProducer<String, DeadLetter> producer = new MockProducer<>(true, null, new StringSerializer(),
            AvroSerde.specific(DeadLetter.class, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope),
                    false).serializer());
    private final AtomicLong clock = new AtomicLong(1_000_000);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    private SinkLoop loop(List<RecordSink> sinks) {
        return loop(sinks, serde.deserializer());
    }

    private SinkLoop loop(List<RecordSink> sinks, Deserializer<EnrichedStory> deserializer) {
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(producer, "news.deadletter",
                new DeadLetters(Stage.SINK, "sink-test", 64 * 1024, Clock.systemUTC()));
        SinkLoop loop = new SinkLoop(consumer, TOPIC, new StoryDecoder(deserializer, new StoryValidator()), sinks,
                deadLetters, new SinkLoop.Settings(Duration.ofMillis(10), BACKOFF, Duration.ofSeconds(8),
                        Duration.ofSeconds(1)), new SimpleMeterRegistry(), clock::get);
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        loop.subscribe();
        consumer.rebalance(List.of(P0));
        return loop;
    }

    private void deliver(int from, int to) {
        for (int n = from; n < to; n++) {
            deliver(n, serde.serializer().serialize(TOPIC, TestStories.story(n)));
        }
    }

    private void deliver(long offset, byte[] value) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset,
                TestStories.id((int) offset).getBytes(StandardCharsets.UTF_8), value));
    }

    /** The last offset committed for P0, or -1 (MockConsumer forgets commits of partitions it no longer owns). */
    private long committed() {
        return consumer.lastCommitted.getOrDefault(P0, -1L);
    }

    private static final class CommitRecordingConsumer extends MockConsumer<byte[], byte[]> {
        final Map<TopicPartition, Long> lastCommitted = new HashMap<>();

        CommitRecordingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            super.commitSync(offsets);
            offsets.forEach((p, o) -> lastCommitted.put(p, o.offset()));
        }
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(TestStories::id).toList();
    }

    @Test
    void commitsOnlyUpToWhatEverySinkHoldsDurably() {
        InMemorySink quick = new InMemorySink("quick", false);
        InMemorySink slow = new InMemorySink("slow", true);
        SinkLoop loop = loop(List.of(quick, slow));
        deliver(0, 5);

        loop.step();

        assertThat(quick.storedIds()).containsExactlyElementsOf(ids(0, 5));
        assertThat(committed()).as("nothing committed past 0").isNotPositive();

        slow.flushOnTick = true;
        loop.step();

        assertThat(slow.storedIds()).containsExactlyElementsOf(ids(0, 5));
        assertThat(committed()).isEqualTo(5);
    }

    @Test
    void aFailingSinkPausesConsumptionRewindsAndGetsTheSameRecordsAgain() {
        InMemorySink healthy = new InMemorySink("healthy", false);
        InMemorySink failing = new InMemorySink("failing", false);
        failing.failNextWrites = 1;
        SinkLoop loop = loop(List.of(healthy, failing));
        deliver(0, 5);

        loop.step();

        assertThat(consumer.paused()).containsExactly(P0);
        assertThat(consumer.position(P0)).isZero();
        assertThat(committed()).as("nothing committed past 0").isNotPositive();
        assertThat(loop.componentCheck("failing", null).up()).isFalse();
        assertThat(loop.componentCheck("failing", null).detail()).contains("No space left on device", "attempt 1");
        assertThat(loop.consumerCheck().up()).isFalse();

        loop.step();
        assertThat(consumer.paused()).as("still backing off").containsExactly(P0);

        clock.addAndGet(BACKOFF.toMillis());
        loop.step();
        assertThat(consumer.paused()).isEmpty();

        deliver(0, 5); // the broker delivers them again from the rewound position
        loop.step();

        assertThat(failing.storedIds()).containsExactlyElementsOf(ids(0, 5));
        assertThat(healthy.storedIds()).containsExactlyElementsOf(ids(0, 5));
        assertThat(committed()).isEqualTo(5);
        assertThat(loop.componentCheck("failing", Health.Check.up("ok")).up()).isTrue();
        assertThat(loop.consumerCheck().up()).isTrue();
    }

    @Test
    void backoffDoublesWhileTheSinkKeepsFailing() {
        InMemorySink failing = new InMemorySink("failing", false);
        failing.failNextWrites = 3;
        SinkLoop loop = loop(List.of(failing));
        List<String> details = new ArrayList<>();

        for (int attempt = 0; attempt < 3; attempt++) {
            deliver(0, 2);
            loop.step();
            details.add(loop.componentCheck("failing", null).detail());
            clock.addAndGet(Duration.ofSeconds(10).toMillis());
            loop.step();
        }

        assertThat(details).satisfiesExactly(
                d -> assertThat(d).contains("attempt 1, next in 1000 ms"),
                d -> assertThat(d).contains("attempt 2, next in 2000 ms"),
                d -> assertThat(d).contains("attempt 3, next in 4000 ms"));
        assertThat(failing.storedIds()).isEmpty();
        assertThat(committed()).as("nothing committed past 0").isNotPositive();
    }

    @Test
    void badRecordsAreDeadLetteredWithTheirOriginAndTheGoodOnesStored() {
        InMemorySink sink = new InMemorySink("memory", false);
        SinkLoop loop = loop(List.of(sink));
        EnrichedStory badCountry = TestStories.story(3);
        badCountry.getCountries().get(0).setCode("Norway");
        deliver(0, serde.serializer().serialize(TOPIC, TestStories.story(0)));
        deliver(1, "not avro at all".getBytes(StandardCharsets.UTF_8));
        deliver(2, null);
        deliver(3, serde.serializer().serialize(TOPIC, badCountry));
        deliver(4, serde.serializer().serialize(TOPIC, TestStories.story(4)));

        loop.step();

        assertThat(sink.storedIds()).containsExactly(TestStories.id(0), TestStories.id(4));
        List<ProducerRecord<String, DeadLetter>> letters = producer.history();
        assertThat(letters).extracting(r -> r.value().getReasonCode())
                .containsExactly("DESERIALIZATION", "EMPTY_VALUE", "INVALID_RECORD");
        assertThat(letters).extracting(r -> r.value().getOrigin().getOffset()).containsExactly(1L, 2L, 3L);
        assertThat(letters).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("news.deadletter");
            assertThat(r.value().getOrigin().getTopic()).isEqualTo(TOPIC);
            assertThat(r.value().getStage()).isEqualTo(Stage.SINK);
            assertThat(r.headers().lastHeader(DeadLetters.HEADER_REASON)).isNotNull();
        });
        assertThat(letters.get(0).value().getMessage()).contains("news.enriched-0@1", "Re-publish");
        assertThat(letters.get(0).value().getOriginal().array())
                .isEqualTo("not avro at all".getBytes(StandardCharsets.UTF_8));
        assertThat(letters.get(2).value().getMessage()).contains("story-3", "'Norway' is not an ISO 3166-1");
        assertThat(letters.get(2).value().getStoryId()).isEqualTo(TestStories.id(3));
        assertThat(loop.deadLettered()).isEqualTo(3);
        assertThat(committed()).isEqualTo(5);
    }

    @Test
    void aRecordASinkRefusesIsDeadLetteredWithItsOriginalBytes() {
        InMemorySink sink = new InMemorySink("picky", false);
        sink.refuse.add(1L);
        SinkLoop loop = loop(List.of(sink));
        deliver(0, 3);

        loop.step();

        assertThat(sink.storedIds()).containsExactly(TestStories.id(0), TestStories.id(2));
        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.value().getReasonCode()).isEqualTo(Rejection.SINK_REJECTED);
            assertThat(r.value().getOriginal().array())
                    .isEqualTo(serde.serializer().serialize(TOPIC, TestStories.story(1)));
        });
        assertThat(committed()).isEqualTo(3);
    }

    @Test
    void aDeadLetterThatCannotBeSentHoldsTheBatchBack() {
        InMemorySink sink = new InMemorySink("memory", false);
        SinkLoop loop = loop(List.of(sink));
        producer.sendException = new TimeoutException("Topic news.deadletter not present in metadata");
        deliver(0, 1);
        deliver(1, "garbage".getBytes(StandardCharsets.UTF_8));

        loop.step();

        assertThat(consumer.paused()).containsExactly(P0);
        assertThat(consumer.position(P0)).isZero();
        assertThat(committed()).as("nothing committed past 0").isNotPositive();
        assertThat(loop.componentCheck("deadletter", null).detail()).contains("news.enriched-0@1");
    }

    @Test
    void anUnreachableRegistryPausesInsteadOfDeadLettering() {
        InMemorySink sink = new InMemorySink("memory", false);
        Deserializer<EnrichedStory> registryDown = (topic, data) -> {
            throw new SerializationException("Cannot fetch schema 1",
                    new RegistryException(RegistryException.UNREACHABLE, RegistryException.UNREACHABLE,
                            "Connection refused"));
        };
        SinkLoop loop = loop(List.of(sink), registryDown);
        deliver(0, 3);

        loop.step();

        assertThat(producer.history()).isEmpty();
        assertThat(sink.storedIds()).isEmpty();
        assertThat(consumer.paused()).containsExactly(P0);
        assertThat(loop.componentCheck("registry", null).detail()).contains("unavailable");
    }

    @Test
    void aFatalSinkFailureStopsTheLoopWithoutCommitting() {
        InMemorySink quick = new InMemorySink("quick", false);
        InMemorySink locked = new InMemorySink("locked", false);
        locked.failFatally = true;
        SinkLoop loop = loop(List.of(quick, locked));
        deliver(0, 3);

        loop.run();

        assertThat(loop.state()).isEqualTo(SinkLoop.State.CRASHED);
        assertThat(loop.fatalError()).contains("password authentication failed");
        assertThat(loop.consumerCheck().up()).isFalse();
        assertThat(committed()).isEqualTo(-1);
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void anOrderlyStopFlushesEverySinkAndCommits() {
        InMemorySink slow = new InMemorySink("slow", true);
        SinkLoop loop = loop(List.of(slow));
        deliver(0, 4);
        loop.step();
        assertThat(committed()).as("nothing committed past 0").isNotPositive();

        loop.stopInOrder();
        loop.closeConsumer();

        assertThat(slow.storedIds()).containsExactlyElementsOf(ids(0, 4));
        assertThat(committed()).isEqualTo(4);
        assertThat(loop.state()).isEqualTo(SinkLoop.State.STOPPED);
    }

    @Test
    void revokedPartitionsAreFlushedAndCommittedBeforeTheyGo() {
        InMemorySink slow = new InMemorySink("slow", true);
        SinkLoop loop = loop(List.of(slow));
        deliver(0, 4);
        loop.step();

        consumer.rebalance(List.of());

        assertThat(slow.storedIds()).containsExactlyElementsOf(ids(0, 4));
        assertThat(committed()).isEqualTo(4);
        assertThat(slow.nextOffset(P0)).isEqualTo(-1);
    }
}
