package io.wirewatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.Stage;
import io.wirewatch.ingest.metrics.IngestMetrics;
import io.wirewatch.platform.deadletter.DeadLetters;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.platform.topics.Topic;
import io.wirewatch.platform.topics.TopicSpec;
import io.wirewatch.schemas.ExampleRecords;
import io.wirewatch.serde.MockSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoryPublisherTest {

    private static final String SCOPE = "story-publisher-test";
    private final ContractSerdes serdes = new ContractSerdes(Map.of("schema.registry.url", "mock://" + SCOPE));
    private final Topic<String, RawStory> raw = topic("news.raw", serdes.rawStory());
    private final Topic<String, DeadLetter> dlq = topic("news.deadletter", serdes.deadLetter());
    private final DeadLetters deadLetters = new DeadLetters(Stage.INGEST, "test-instance", 1024,
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Deque<MockProducer<byte[], byte[]>> made = new ArrayDeque<>();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void storiesDeadLettersAndProgressGoOutInOneCommittedTransaction() throws Exception {
        StoryPublisher publisher = publisher(this::healthyProducer, 1_000_000);
        RawStory story = ExampleRecords.rawStory("story-1");
        DeadLetter letter = ExampleRecords.deadLetter();
        Batch batch = Batch.of(List.of(story), List.of(letter)).withProgress("spool|s|a.json|h", "{}");

        Receipt receipt = publisher.publish(batch);

        MockProducer<byte[], byte[]> producer = made.getLast();
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.history()).extracting(ProducerRecord::topic)
                .containsExactly("news.raw", "news.deadletter", "_progress");
        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(utf8(sent.key())).isEqualTo("story-1");
        assertThat(utf8(sent.headers().lastHeader(StoryPublisher.HEADER_SOURCE).value())).isEqualTo("example-wire");
        assertThat(utf8(sent.headers().lastHeader(StoryPublisher.HEADER_FORMAT).value())).isEqualTo("NINJS");
        assertThat(utf8(sent.headers().lastHeader(StoryPublisher.HEADER_CONTENT_HASH).value()))
                .isEqualTo(story.getContentHash());
        assertThat(serdes.rawStory().deserializer().deserialize("news.raw", sent.value())).isEqualTo(story);
        assertThat(utf8(producer.history().get(2).key())).isEqualTo("spool|s|a.json|h");
        assertThat(receipt.storyIds()).containsExactly("story-1");
        assertThat(receipt.deadLetterReasons()).containsExactly(letter.getReasonCode());
        assertThat(registry.get("wirewatch.ingest.stories").tag("source", "example-wire").tag("format", "NINJS")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void aRetriableCommitFailureDropsTheProducerAndRetriesTheWholeBatch() throws Exception {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(new TimeoutException("broker away")));
        StoryPublisher publisher = publisher(() -> {
            MockProducer<byte[], byte[]> producer = healthyProducer();
            producer.commitTransactionException = failures.poll();
            return producer;
        }, 1_000_000);

        Receipt receipt = publisher.publish(Batch.of(List.of(ExampleRecords.rawStory("s")), List.of())
                .withProgress("k", "v"));

        assertThat(made).hasSize(2);
        assertThat(made.getFirst().closed()).isTrue();
        assertThat(made.getFirst().transactionCommitted()).isFalse();
        assertThat(made.getLast().history()).extracting(ProducerRecord::topic).containsExactly("news.raw",
                "_progress");
        assertThat(receipt.storyIds()).containsExactly("s");
        assertThat(registry.get("wirewatch.ingest.producer.errors").tag("kind", "retriable").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void batchesHandedOverDuringATransactionGoOutTogetherInTheNextWithTheirOwnReceipts() throws Exception {
        CountDownLatch inFirstCommit = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            private boolean first = true;

            @Override
            public void commitTransaction() {
                if (first) {
                    first = false;
                    inFirstCommit.countDown();
                    try {
                        releaseFirstCommit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.commitTransaction();
            }
        };
        StoryPublisher publisher = publisher(() -> producer, 1_000_000);
        Map<String, Receipt> receipts = new ConcurrentHashMap<>();
        Thread a = publishing(publisher, "a", receipts);
        a.start();
        inFirstCommit.await();
        Thread b = publishing(publisher, "b", receipts);
        Thread c = publishing(publisher, "c", receipts);
        b.start();
        c.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> b.getState() == Thread.State.WAITING
                && c.getState() == Thread.State.WAITING);

        releaseFirstCommit.countDown();
        for (Thread t : List.of(a, b, c)) {
            t.join(10_000);
        }

        assertThat(producer.commitCount()).isEqualTo(2);
        assertThat(producer.history()).extracting(r -> utf8(r.key())).first().isEqualTo("a");
        assertThat(producer.history()).extracting(r -> utf8(r.key())).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(receipts).containsOnlyKeys("a", "b", "c");
        receipts.forEach((id, receipt) -> assertThat(receipt.storyIds()).containsExactly(id));
        assertThat(registry.get("wirewatch.ingest.transactions").counter().count()).isEqualTo(2.0);
    }

    private Thread publishing(StoryPublisher publisher, String id, Map<String, Receipt> receipts) {
        return new Thread(() -> {
            try {
                receipts.put(id, publisher.publish(Batch.of(List.of(ExampleRecords.rawStory(id)), List.of())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "publish-" + id);
    }

    @Test
    void aStoryOverTheRecordLimitBecomesATooLargeDeadLetter() throws Exception {
        StoryPublisher publisher = publisher(this::healthyProducer, 200);

        Receipt receipt = publisher.publish(Batch.of(List.of(ExampleRecords.rawStory("big")), List.of()));

        assertThat(receipt.storyIds()).isEmpty();
        assertThat(receipt.deadLetterReasons()).containsExactly("TOO_LARGE");
        ProducerRecord<byte[], byte[]> record = made.getLast().history().get(0);
        assertThat(record.topic()).isEqualTo("news.deadletter");
        DeadLetter letter = serdes.deadLetter().deserializer().deserialize("news.deadletter", record.value());
        assertThat(letter.getStoryId()).isEqualTo("big");
        assertThat(letter.getMessage()).contains("big").contains("ingest.max.record.bytes=200");
    }

    @Test
    void beingFencedByAnotherInstanceIsFatal() {
        StoryPublisher publisher = publisher(() -> {
            MockProducer<byte[], byte[]> producer = healthyProducer();
            producer.beginTransactionException = new ProducerFencedException("a newer instance took over");
            return producer;
        }, 1_000_000);

        assertThatThrownBy(() -> publisher.publish(Batch.of(List.of(ExampleRecords.rawStory("s")), List.of())))
                .isInstanceOf(FatalPublishException.class).hasMessageContaining("ingest.transactional.id");
    }

    @Test
    void anAuthorizationFailureIsFatal() {
        StoryPublisher publisher = publisher(() -> {
            MockProducer<byte[], byte[]> producer = healthyProducer();
            producer.initTransactionException = new AuthorizationException("not allowed");
            return producer;
        }, 1_000_000);

        assertThatThrownBy(publisher::init).isInstanceOf(FatalPublishException.class)
                .hasMessageContaining("credentials");
    }

    @Test
    void closingStopsTheRetriesOfAnAbsentBrokerAndCommitsNothing() throws Exception {
        StoryPublisher publisher = publisher(() -> {
            MockProducer<byte[], byte[]> producer = healthyProducer();
            producer.initTransactionException = new TimeoutException("no broker");
            return producer;
        }, 1_000_000);
        CompletableFuture<Receipt> publishing = CompletableFuture.supplyAsync(() -> {
            try {
                return publisher.publish(Batch.of(List.of(ExampleRecords.rawStory("s")), List.of()));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.lastError() != null);

        publisher.close(Duration.ofSeconds(5));

        assertThatThrownBy(publishing::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasRootCauseInstanceOf(InterruptedException.class);
        assertThat(made).allSatisfy(p -> assertThat(p.transactionCommitted()).isFalse());
    }

    private StoryPublisher publisher(Supplier<Producer<byte[], byte[]>> factory, int maxRecordBytes) {
        return new StoryPublisher(factory, raw, dlq, "_progress", deadLetters, maxRecordBytes,
                Duration.ofMillis(50), new IngestMetrics(registry));
    }

    private MockProducer<byte[], byte[]> healthyProducer() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        made.add(producer);
        return producer;
    }

    private static <V> Topic<String, V> topic(String name, Serde<V> serde) {
        return new Topic<>(new TopicSpec(name, 1, (short) 1, Map.of()),
                Serdes.String(), serde);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
