package io.wirewatch.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Deserializer;
import org.awaitility.Awaitility;

/**
 * What an integration test needs from the shared broker: its address, unique names, topics, client configs, and
 * reading a topic until a condition holds. Injected by {@link KafkaExtension}.
 */
public final class TestKafka implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final KafkaBackend backend;
    private Admin admin;

    TestKafka(KafkaBackend backend) {
        this.backend = backend;
    }

    public String bootstrapServers() {
        return backend.bootstrapServers();
    }

    /** {@code embedded} or {@code testcontainers}. */
    public String backendName() {
        return backend.name();
    }

    /** A name no other test in this or another JVM uses: {@code <prefix>-<run>-<n>}. For topics and app ids. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    /** Creates a topic with one replica and waits until its leaders serve requests (see createTopic(NewTopic)). */
    public String createTopic(String name, int partitions) {
        return createTopic(new NewTopic(name, partitions, (short) 1));
    }

    /**
     * Creates a topic and waits until every partition's leader answers. The controller acknowledges a new topic before
     * the broker applies it; an idempotent producer sending at once can then have its first request refused and a later
     * one accepted, and the first one's retries fail with OUT_OF_ORDER_SEQUENCE_NUMBER until they expire (KAFKA-14359).
     * The admin client's ListOffsets retries until the leader is ready. (The services' provisioner does the same.)
     */
    public String createTopic(NewTopic topic) {
        try {
            admin().createTopics(List.of(topic)).all().get();
            awaitServed(topic.name(), topic.numPartitions());
            return topic.name();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topic " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topic " + topic.name() + ": " + e.getCause(), e);
        }
    }

    private void awaitServed(String topic, int requested) {
        Awaitility.await("the leaders of " + topic + " answer").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> served(topic, requested));
    }

    /** True once every partition's leader answers; false while the broker does not know the new topic yet. */
    private boolean served(String topic, int requested) throws InterruptedException, ExecutionException {
        try {
            int partitions = requested > 0 ? requested
                    : admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            admin().listOffsets(request).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                return false;
            }
            throw e;
        }
    }

    /** An idempotent producer config with {@code acks=all}. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    /** A read_committed consumer config reading from the beginning, with a unique group. */
    public Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, uniqueName("test-group"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /**
     * Reads a topic from the beginning (every partition, no group) until {@code expected} records arrived or the
     * timeout passed, and returns what arrived. Waits on {@code poll}, never sleeps.
     */
    public <K, V> List<ConsumerRecord<K, V>> readRecords(String topic, int expected, Deserializer<K> keys,
                                                          Deserializer<V> values, Duration timeout) {
        return scan(topic, keys, values, timeout, (consumer, records) -> records.size() >= expected);
    }

    /** Reads everything currently in a topic: up to its end offsets at the time of the call. */
    public <K, V> List<ConsumerRecord<K, V>> readAll(String topic, Deserializer<K> keys, Deserializer<V> values,
                                                      Duration timeout) {
        Map<TopicPartition, Long> end = new HashMap<>();
        return scan(topic, keys, values, timeout, (consumer, records) -> {
            if (end.isEmpty()) {
                end.putAll(consumer.endOffsets(consumer.assignment(), timeout));
            }
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }

    /** Polls every partition of {@code topic} from the beginning until {@code done} says so or the timeout passes. */
    private <K, V> List<ConsumerRecord<K, V>> scan(String topic, Deserializer<K> keys, Deserializer<V> values,
                                                   Duration timeout,
                                                   BiPredicate<KafkaConsumer<K, V>, List<ConsumerRecord<K, V>>> done) {
        Map<String, Object> config = consumerConfig();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(consumer, records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
