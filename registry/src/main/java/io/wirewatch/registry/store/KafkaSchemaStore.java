package io.wirewatch.registry.store;

import io.wirewatch.serde.RegistryException;
import io.wirewatch.serde.SchemaRegistryState;
import io.wirewatch.serde.SchemaRegistryState.Mutation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state kept in a compacted Kafka topic. A reader thread reads the topic from the beginning and applies
 * every record to the {@link SchemaRegistryState}; a write is planned against that state, appended to the topic in a
 * transaction, and answered only once the reader has applied it. Writes are serialized by one lock, from plan to
 * read-back, so ids and versions are given out in order.
 *
 * <p>Single writer: the transactional producer has a fixed {@code transactional.id}; a registry that starts with the
 * same id fences this one, which then serves reads only and reports itself not live. With Kafka's transaction
 * protocol v2 (KIP-890) the fenced producer learns it as {@code InvalidProducerEpochException} rather than
 * {@code ProducerFencedException}; both mean another writer took over, since this store never runs a transaction
 * long enough for the coordinator to abort it.
 */
public final class KafkaSchemaStore implements AutoCloseable {

    /** What a write answers and the mutations that must be durable first (none: answer at once). */
    public record Write<T>(T answer, List<Mutation> mutations) {
        public static <T> Write<T> of(T answer, List<Mutation> mutations) {
            return new Write<>(answer, List.copyOf(mutations));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);

    private final String topic;
    private final TopicPartition partition;
    private final String transactionalId;
    private final SchemaRegistryState state;
    private final Map<String, Object> producerConfig;
    private final Duration timeout;
    private final Consumer<String> onFenced;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Object progress = new Object();
    private final AtomicLong unreadable = new AtomicLong();
    private final long initialEnd;
    private KafkaProducer<byte[], byte[]> producer;
    private long position;
    private volatile boolean caughtUp;
    private volatile boolean closing;
    private volatile String fenced;
    private volatile String readerError;

    private KafkaSchemaStore(String topic, String transactionalId, SchemaRegistryState state,
                             Map<String, Object> producerConfig, Map<String, Object> consumerConfig, Duration timeout,
                             Consumer<String> onFenced) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.transactionalId = transactionalId;
        this.state = state;
        this.producerConfig = producerConfig;
        this.timeout = timeout;
        this.onFenced = onFenced;
        this.producer = newProducer();
        this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            this.initialEnd = consumer.endOffsets(List.of(partition), timeout).getOrDefault(partition, 0L);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            producer.close(Duration.ZERO);
            throw new IllegalStateException("Cannot read store topic " + topic + ": " + e, e);
        }
        this.caughtUp = initialEnd == 0;
        this.reader = new Thread(this::readLoop, "registry-store-reader-" + topic);
        this.reader.setDaemon(true);
    }

    /**
     * Opens the store: starts the transactional producer (fencing any older writer with the same id) and the reader
     * thread. The topic must exist ({@link StoreTopic#ensure}).
     *
     * @param producerConfig Kafka producer settings (bootstrap, security); the store sets the rest
     * @param consumerConfig Kafka consumer settings (bootstrap, security); the store sets the rest
     * @param onFenced told once, with the reason, when another registry takes over the topic
     */
    public static KafkaSchemaStore open(String topic, String transactionalId, SchemaRegistryState state,
                                        Map<String, Object> producerConfig, Map<String, Object> consumerConfig,
                                        Duration timeout, Consumer<String> onFenced) {
        Map<String, Object> producer = new HashMap<>(producerConfig);
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 30_000L + 1));
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        Map<String, Object> consumer = new HashMap<>(consumerConfig);
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaSchemaStore store = new KafkaSchemaStore(topic, transactionalId, state, producer, consumer, timeout,
                onFenced);
        store.reader.start();
        return store;
    }

    private KafkaProducer<byte[], byte[]> newProducer() {
        KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            created.initTransactions();
            return created;
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw new IllegalStateException("Cannot start the transactional producer of store topic " + topic
                    + " (transactional.id " + transactionalId + "): " + e
                    + "; check that the brokers are up and allow transactions", e);
        }
    }

    // ---------------------------------------------------------------- reading

    private void readLoop() {
        try {
            while (!closing) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    advance(consumer.position(partition));
                    readerError = null;
                } catch (WakeupException | InterruptException e) {
                    if (!closing) {
                        LOG.warn("Store reader of {} woken up unexpectedly; going on", topic);
                    }
                } catch (KafkaException e) {
                    readerError = e.toString();
                    LOG.warn("Cannot read store topic {} ({}); retrying", topic, e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            Optional<Mutation> mutation = StoreRecordCodec.decode(record.key(), record.value());
            mutation.ifPresent(state::apply);
        } catch (IllegalArgumentException e) {
            unreadable.incrementAndGet();
            LOG.warn("Ignoring record {}-{}@{} of the store topic: {}. It was not written by a Confluent-compatible "
                    + "registry; nothing else is affected", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private void advance(long next) {
        synchronized (progress) {
            position = next;
            if (!caughtUp && next >= initialEnd) {
                caughtUp = true;
                LOG.info("Store topic {} read to its end (offset {}): {} subjects, highest id {}", topic, next,
                        state.subjectCount(), state.maxId());
            }
            progress.notifyAll();
        }
    }

    private void pause(Duration duration) {
        synchronized (progress) {
            try {
                progress.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing = true;
            }
        }
    }

    /** Waits until the reader has read the topic up to where it ended at startup. */
    public boolean awaitCaughtUp(Duration wait) {
        return awaitProgress(() -> caughtUp, wait);
    }

    private boolean awaitPosition(long target, Duration wait) {
        return awaitProgress(() -> position >= target, wait);
    }

    /** Waits on the reader's progress until {@code reached} holds; false at the deadline or when interrupted. */
    private boolean awaitProgress(BooleanSupplier reached, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (progress) {
            while (!reached.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Plans a write against the current state and makes it durable: under the write lock, runs {@code planner}, appends
     * its mutations to the topic in one transaction and waits until the reader has applied them.
     *
     * @throws RegistryException what the planner throws (the registry's verdict), 50001 when the store cannot be
     *     written (or this instance was fenced), 50002 when the write is not read back in time
     */
    public <T> T write(Function<SchemaRegistryState, Write<T>> planner) {
        lockForWrite();
        try {
            requireWritable();
            Write<T> write = planner.apply(state);
            if (write.mutations().isEmpty()) {
                return write.answer();
            }
            long last = append(write.mutations());
            if (!awaitPosition(last + 1, timeout)) {
                throw new RegistryException(500, RegistryException.STORE_TIMEOUT, "The write is in store topic "
                        + topic + " at offset " + last + " but was not read back within " + timeout.toMillis()
                        + " ms; it takes effect once read. Retry the request: it is idempotent");
            }
            return write.answer();
        } finally {
            writeLock.unlock();
        }
    }

    private void lockForWrite() {
        try {
            if (!writeLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RegistryException(500, RegistryException.STORE_TIMEOUT, "Other writes held the store for "
                        + "more than " + timeout.toMillis() + " ms; retry the request");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(500, RegistryException.STORE_ERROR, "Interrupted waiting to write", e);
        }
    }

    private void requireWritable() {
        if (fenced != null) {
            throw new RegistryException(500, RegistryException.STORE_ERROR, fenced);
        }
        if (!caughtUp) {
            throw new RegistryException(503, RegistryException.STORE_ERROR, notReadyMessage());
        }
    }

    /** Appends the mutations in one transaction; returns the offset of the last record. */
    private long append(List<Mutation> mutations) {
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Mutation mutation : mutations) {
                StoreRecordCodec.Encoded record = StoreRecordCodec.encode(mutation);
                sent.add(producer.send(new ProducerRecord<>(topic, 0, record.key(), record.value())));
            }
            producer.commitTransaction();
            long last = -1;
            for (Future<RecordMetadata> future : sent) {
                last = Math.max(last, future.get().offset());
            }
            return last;
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            fence();
            throw new RegistryException(500, RegistryException.STORE_ERROR, fenced, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new RegistryException(500, RegistryException.STORE_ERROR, "Interrupted writing to store topic "
                    + topic, e);
        } catch (ExecutionException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                fence();
                throw new RegistryException(500, RegistryException.STORE_ERROR, fenced, e);
            }
            abort();
            throw new RegistryException(500, RegistryException.STORE_ERROR, "Cannot write to store topic " + topic
                    + ": " + cause + "; nothing was changed. Retry the request; if it keeps failing, check the "
                    + "brokers", e);
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            fence();
        } catch (KafkaException e) {
            LOG.warn("Cannot abort the store transaction ({}); starting a new producer", e.toString());
            producer.close(Duration.ZERO);
            producer = newProducer();
        }
    }

    private void fence() {
        if (fenced == null) {
            fenced = "This registry instance was fenced: another registry started on store topic " + topic
                    + " with the same transactional.id (" + transactionalId + ") and now owns all writes. This one "
                    + "serves reads only; send writes to the other instance and stop this one";
            LOG.error(fenced);
            producer.close(Duration.ZERO);
            onFenced.accept(fenced);
        }
    }

    // ---------------------------------------------------------------- status

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Why this instance cannot write, or empty while it can. */
    public Optional<String> fencedReason() {
        return Optional.ofNullable(fenced);
    }

    /** The last reading error, while reading fails. */
    public Optional<String> readerError() {
        return Optional.ofNullable(readerError);
    }

    /** The next offset the reader will read. */
    public long position() {
        synchronized (progress) {
            return position;
        }
    }

    /** Records of the topic the reader could not decode (and skipped). */
    public long unreadableRecords() {
        return unreadable.get();
    }

    public String topic() {
        return topic;
    }

    /** A message for requests that arrive while the topic is still being read at startup. */
    public String notReadyMessage() {
        return "The registry is still reading its store topic " + topic + " (at offset " + position() + " of "
                + initialEnd + "); retry in a moment";
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    public void close(Duration wait) {
        closing = true;
        consumer.wakeup();
        synchronized (progress) {
            progress.notifyAll();
        }
        try {
            reader.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeLock.lock();
        try {
            if (fenced == null) {
                producer.close(wait);
            }
        } finally {
            writeLock.unlock();
        }
    }
}
