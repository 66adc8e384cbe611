package io.wirewatch.ingest.publish;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.Origin;
import io.wirewatch.avro.RawStory;
import io.wirewatch.ingest.metrics.IngestMetrics;
import io.wirewatch.platform.deadletter.DeadLetters;
import io.wirewatch.platform.deadletter.FailureKind;
import io.wirewatch.platform.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches to Kafka, each in one transaction: stories to news.raw (key story id; headers source, format,
 * content hash), dead letters to news.deadletter, and the progress record. The producer is idempotent with
 * {@code acks=all}; every send has a callback and the commit fails if any send failed. A retriable failure (broker or
 * registry away, timeout) aborts the transaction, drops the producer and tries again with backoff, blocking the
 * caller meanwhile: a slow or absent broker makes the sources wait, and memory stays bounded by the batches in
 * hand (one per calling thread). Auth and configuration failures, and being fenced by another instance, are fatal.
 *
 * <p>One transaction at a time, with group commit: batches that callers hand over while a transaction is in flight
 * wait, and the next transaction carries all of them. A transaction costs a few round trips to the broker whatever
 * it holds (10-30 ms here), so concurrent HTTP pushes would otherwise queue behind each other's commits (about 30
 * pushes/s). Each batch stays all-or-nothing (it is inside one transaction) and each caller gets its own receipt;
 * when the shared transaction cannot be committed, every caller of the group gets the failure.
 */
public final class StoryPublisher implements AutoCloseable {

    public static final String HEADER_SOURCE = "wirewatch.source";
    public static final String HEADER_FORMAT = "wirewatch.format";
    public static final String HEADER_CONTENT_HASH = "wirewatch.content.hash";

    private static final Logger LOG = LoggerFactory.getLogger(StoryPublisher.class);
    private static final Duration BACKOFF_BASE = Duration.ofMillis(100);

    private final Supplier<Producer<byte[], byte[]>> producerFactory;
    private final Topic<String, RawStory> raw;
    private final Topic<String, DeadLetter> deadLetterTopic;
    private final String progressTopic;
    private final DeadLetters deadLetters;
    private final int maxRecordBytes;
    private final Duration backoffMax;
    private final IngestMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private Producer<byte[], byte[]> producer;
    private volatile boolean closed;
    private volatile String lastError;

    /**
     * @param producerFactory a new transactional producer (transactional.id set) on each call
     */
    public StoryPublisher(Supplier<Producer<byte[], byte[]>> producerFactory, Topic<String, RawStory> raw,
                          Topic<String, DeadLetter> deadLetterTopic, String progressTopic, DeadLetters deadLetters,
                          int maxRecordBytes, Duration backoffMax, IngestMetrics metrics) {
        this.producerFactory = producerFactory;
        this.raw = raw;
        this.deadLetterTopic = deadLetterTopic;
        this.progressTopic = progressTopic;
        this.deadLetters = deadLetters;
        this.maxRecordBytes = maxRecordBytes;
        this.backoffMax = backoffMax;
        this.metrics = metrics;
    }

    /**
     * Creates the producer and initializes transactions, which aborts whatever an earlier run with the same
     * transactional.id left open. Retries like {@link #publish}.
     */
    public void init() throws InterruptedException {
        lock.lock();
        try {
            retrying("initialize transactions", () -> {
                producer();
                return null;
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the batch in one transaction, retrying retriable failures until it is committed or the publisher is
     * closed.
     *
     * @throws InterruptedException when closed or interrupted before the batch was committed (nothing of it is
     *     visible then)
     * @throws FatalPublishException when publishing cannot go on
     */
    public Receipt publish(Batch batch) throws InterruptedException {
        Pending mine = new Pending(batch);
        waiting.add(mine);
        lock.lock();
        try {
            if (mine.done) {
                return mine.outcome();
            }
            List<Pending> group = new ArrayList<>();
            for (Pending next = waiting.poll(); next != null; next = waiting.poll()) {
                group.add(next);
            }
            try {
                List<Batch> batches = group.stream().map(p -> p.batch).toList();
                List<Receipt> receipts = retrying("publish " + describe(batches), () -> attempt(batches));
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).succeed(receipts.get(i));
                }
            } catch (InterruptedException | RuntimeException | Error e) {
                group.forEach(p -> p.fail(e));
            }
            return mine.outcome();
        } finally {
            lock.unlock();
        }
    }

    /** A batch handed over, and what became of it once a transaction carried it (or failed to). */
    private static final class Pending {
        private final Batch batch;
        private boolean done;
        private Receipt receipt;
        private Throwable failure;

        Pending(Batch batch) {
            this.batch = batch;
        }

        void succeed(Receipt committed) {
            receipt = committed;
            done = true;
        }

        void fail(Throwable e) {
            failure = e;
            done = true;
        }

        /** The receipt, or the group's failure thrown in this caller's thread. */
        Receipt outcome() throws InterruptedException {
            if (failure instanceof InterruptedException) {
                throw new InterruptedException(failure.getMessage());
            }
            if (failure instanceof FatalPublishException fatal) {
                throw new FatalPublishException(fatal.getMessage(), fatal.getCause());
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
            return receipt;
        }
    }

    /** Why the last attempt failed, or null when the last attempt succeeded (for readiness). */
    public String lastError() {
        return lastError;
    }

    private interface Attempt<T> {
        T run();
    }

    private <T> T retrying(String what, Attempt<T> attempt) throws InterruptedException {
        Backoff backoff = new Backoff(BACKOFF_BASE, backoffMax, Math::random);
        while (true) {
            if (closed) {
                throw new InterruptedException("publisher closed before it could " + what);
            }
            try {
                T result = attempt.run();
                lastError = null;
                return result;
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                dropProducer();
                metrics.producerError("fenced");
                throw new FatalPublishException("Another ingest instance uses the same transactional id and took "
                        + "over; give every running instance its own ingest.transactional.id", e);
            } catch (KafkaException e) {
                FailureKind kind = FailureKind.of(e);
                metrics.producerError(kind.name().toLowerCase(Locale.ROOT));
                dropProducer();
                if (kind == FailureKind.FATAL) {
                    throw new FatalPublishException("Cannot " + what + ": " + e + "; check the Kafka credentials, "
                            + "ACLs and producer settings", e);
                }
                Duration wait = backoff.next();
                lastError = "cannot " + what + ": " + e.getMessage();
                LOG.warn("Cannot {} ({}); attempt {} failed, retrying in {} ms", what, e.toString(),
                        backoff.failures(), wait.toMillis());
                pause(wait);
            }
        }
    }

    /** One transaction for all the batches; a receipt per batch, in order. */
    private List<Receipt> attempt(List<Batch> batches) {
        List<RawStory> stories = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        for (Batch batch : batches) {
            List<RawStory> batchStories = new ArrayList<>();
            List<DeadLetter> batchLetters = new ArrayList<>();
            records.addAll(serialize(batch, batchStories, batchLetters));
            receipts.add(new Receipt(batchStories.stream().map(RawStory::getId).toList(),
                    batchLetters.stream().map(DeadLetter::getReasonCode).toList()));
            stories.addAll(batchStories);
            letters.addAll(batchLetters);
        }
        Producer<byte[], byte[]> p = producer();
        p.beginTransaction();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback callback = (metadata, exception) -> {
            if (exception != null && failure.compareAndSet(null, exception)) {
                LOG.debug("A send of the current transaction failed: {}", exception.toString());
            }
        };
        for (ProducerRecord<byte[], byte[]> record : records) {
            p.send(record, callback);
        }
        // commitTransaction flushes and throws if any send of the transaction failed
        p.commitTransaction();
        if (failure.get() != null) {
            throw new KafkaException("a send failed although the commit succeeded", failure.get());
        }
        metrics.transaction();
        stories.forEach(s -> metrics.stories(s.getSource(), s.getFormat().name(), 1));
        letters.forEach(l -> metrics.deadLetter(String.valueOf(l.getOrigin().getSource()), l.getReasonCode()));
        return receipts;
    }

    /** Serialized records; stories too large or refused by the serializer become dead letters instead. */
    private List<ProducerRecord<byte[], byte[]>> serialize(Batch batch, List<RawStory> stories,
                                                           List<DeadLetter> letters) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        letters.addAll(batch.deadLetters());
        for (RawStory story : batch.stories()) {
            Headers headers = new RecordHeaders()
                    .add(HEADER_SOURCE, utf8(story.getSource()))
                    .add(HEADER_FORMAT, utf8(story.getFormat().name()))
                    .add(HEADER_CONTENT_HASH, utf8(story.getContentHash()));
            byte[] value;
            try {
                value = raw.valueSerde().serializer().serialize(raw.name(), headers, story);
            } catch (KafkaException e) {
                if (FailureKind.of(e) != FailureKind.BAD_DATA) {
                    throw e;
                }
                letters.add(unwritable(story, "SCHEMA", "the registry or serializer refused the story (" + e
                        + "); check the news.raw-value subject's compatibility", e));
                continue;
            }
            if (value.length > maxRecordBytes) {
                letters.add(unwritable(story, "TOO_LARGE", "the story serializes to " + value.length
                        + " bytes, over ingest.max.record.bytes=" + maxRecordBytes + "; split the story or raise "
                        + "the limit (and the topic's max.message.bytes)", null));
                continue;
            }
            records.add(new ProducerRecord<>(raw.name(), null, utf8(story.getId()), value, headers));
            stories.add(story);
        }
        for (DeadLetter letter : letters) {
            Headers headers = DeadLetters.headers(letter);
            byte[] value = deadLetterTopic.valueSerde().serializer().serialize(deadLetterTopic.name(), headers,
                    letter);
            records.add(new ProducerRecord<>(deadLetterTopic.name(), null, utf8(DeadLetters.key(letter)), value,
                    headers));
        }
        batch.progress().forEach((key, value) -> records.add(new ProducerRecord<>(progressTopic, utf8(key),
                value == null ? null : utf8(value))));
        return records;
    }

    private DeadLetter unwritable(RawStory story, String reason, String problem, Throwable cause) {
        Origin origin = Origin.newBuilder().setSource(story.getSource())
                .setFile(story.getProvenance().getLocation()).build();
        return deadLetters.create(reason, "Story " + story.getId() + " from " + story.getProvenance().getLocation()
                + ": " + problem, origin, story.getId(), cause, null);
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            Producer<byte[], byte[]> created = producerFactory.get();
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void dropProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing the failed producer failed too: {}", e.toString());
            }
            producer = null;
        }
    }

    private void pause(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while (!closed && (left = deadline - System.nanoTime()) > 0) {
            closing.awaitNanos(left);
        }
    }

    private static String describe(List<Batch> batches) {
        int stories = batches.stream().mapToInt(b -> b.stories().size()).sum();
        int letters = batches.stream().mapToInt(b -> b.deadLetters().size()).sum();
        int inputs = batches.stream().mapToInt(b -> b.progress().size()).sum();
        return stories + " stories and " + letters + " dead letters" + (inputs == 0 ? "" : " of " + inputs
                + " input(s)") + (batches.size() == 1 ? "" : " (" + batches.size() + " batches)");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops retrying, waits up to {@code timeout} for a batch in flight, then closes the producer (flushing). */
    public void close(Duration timeout) {
        closed = true;
        boolean locked = false;
        try {
            locked = lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (locked) {
                closing.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            // a batch is stuck on an absent broker: wake its wait; its transaction is never committed
            LOG.warn("A publish was still in progress at shutdown; its input is not marked done and will be read "
                    + "again on restart");
            return;
        }
        try {
            if (producer != null) {
                producer.close(timeout);
                producer = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
