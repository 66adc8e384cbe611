package io.wirewatch.sink.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wirewatch.platform.deadletter.FailureKind;
import io.wirewatch.platform.http.Health;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's consumer loop, on one thread that owns the consumer: poll news.enriched, decode and validate, dead-letter
 * what is bad, hand the batch to every sink, and commit each partition up to the lowest offset all sinks hold
 * durably. Offsets therefore never run ahead of the data; they may lag it (the archive holds open files until it
 * rolls them), and the sinks absorb the redelivery that follows a crash.
 *
 * <p>When a sink (or the registry, or the dead-letter topic) fails, the loop drops that sink's unfinished state, seeks
 * every partition back to the first record some sink still lacks, pauses all partitions and keeps calling
 * {@code poll} (which keeps the group membership; paused partitions return nothing) until the backoff has passed,
 * then resumes. Nothing is skipped: the same records are delivered again until every sink took them.
 */
public final class SinkLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkLoop.class);

    /** How the loop polls and backs off. */
    public record Settings(Duration pollTimeout, Duration backoffInitial, Duration backoffMax, Duration closeTimeout) {
    }

    /** Where the loop is. */
    public enum State { STARTING, RUNNING, PAUSED, STOPPING, STOPPED, CRASHED }

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final StoryDecoder decoder;
    private final List<RecordSink> sinks;
    private final DeadLetterPublisher deadLetters;
    private final Settings settings;
    private final LongSupplier clock;
    private final Backoff backoff;

    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong committedRecords = new AtomicLong();

    private final Counter receivedCounter;
    private final Counter deadLetterCounter;
    private final Counter commitCounter;
    private final MeterRegistry metrics;
    private final Map<String, Timer> writeTimers = new HashMap<>();

    private volatile boolean running = true;
    private volatile State state = State.STARTING;
    private volatile String fatal;
    private volatile int assignedCount;
    private boolean abandon;
    private long pausedUntil = -1;

    public SinkLoop(Consumer<byte[], byte[]> consumer, String topic, StoryDecoder decoder, List<RecordSink> sinks,
                    DeadLetterPublisher deadLetters, Settings settings, MeterRegistry metrics, LongSupplier clock) {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("The sink loop needs at least one sink");
        }
        this.consumer = consumer;
        this.topic = topic;
        this.decoder = decoder;
        this.sinks = List.copyOf(sinks);
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        this.receivedCounter = Counter.builder("wirewatch.sink.records").tag("outcome", "received")
                .description("Records read from the enriched topic").register(metrics);
        this.deadLetterCounter = Counter.builder("wirewatch.sink.records").tag("outcome", "deadlettered")
                .description("Records sent to the dead-letter topic").register(metrics);
        this.commitCounter = Counter.builder("wirewatch.sink.commits")
                .description("Offset commits after durable writes").register(metrics);
        metrics.gauge("wirewatch.sink.paused", this, loop -> loop.state == State.PAUSED ? 1 : 0);
        metrics.gauge("wirewatch.sink.assigned.partitions", this, loop -> loop.assignedCount);
        for (RecordSink sink : this.sinks) {
            writeTimers.put(sink.name(), Timer.builder("wirewatch.sink.write").tag("sink", sink.name())
                    .description("Time to write one batch to a sink").register(metrics));
        }
    }

    @Override
    public void run() {
        try {
            subscribe();
            while (running) {
                step();
            }
            stopInOrder();
        } catch (RuntimeException | Error e) {
            crash(e);
        } finally {
            closeConsumer();
        }
    }

    void subscribe() {
        consumer.subscribe(List.of(topic), new Listener());
        state = State.RUNNING;
    }

    /** Asks the loop to stop in order: flush every sink, commit, leave the group. Returns at once. */
    public void stop() {
        running = false;
    }

    /** Waits until the loop ended, for at most {@code timeout}; true when it did. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Blocks until the loop ended (stopped or crashed). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** One iteration: poll, handle, tick, commit; or, while backing off, a heartbeat poll. */
    void step() {
        if (pausedUntil >= 0) {
            waitOutBackoff();
            return;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
        Map<TopicPartition, Long> batchStart = firstOffsets(records);
        try {
            if (!records.isEmpty()) {
                handle(records);
                failures.clear();
                backoff.reset();
            }
            for (RecordSink sink : sinks) {
                call(sink, "roll", sink::tick);
            }
            commitDurable(assigned);
        } catch (SinkFailure failure) {
            if (failure.kind() == FailureKind.FATAL) {
                throw failure;
            }
            retryLater(failure, batchStart);
        }
    }

    private void waitOutBackoff() {
        long remaining = pausedUntil - clock.getAsLong();
        ConsumerRecords<byte[], byte[]> stray = consumer.poll(Duration.ofMillis(
                Math.max(0, Math.min(settings.pollTimeout().toMillis(), remaining))));
        // partitions assigned during the pause are paused in the listener; anything fetched before that goes back
        firstOffsets(stray).forEach(consumer::seek);
        if (clock.getAsLong() >= pausedUntil) {
            pausedUntil = -1;
            consumer.resume(consumer.paused());
            state = State.RUNNING;
            LOG.info("Resuming consumption of {} after the backoff", topic);
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        List<StoryRecord> valid = new ArrayList<>(records.count());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            StoryDecoder.Decoded decoded = decoder.decode(record);
            if (decoded instanceof StoryDecoder.Valid v) {
                valid.add(v.record());
            } else {
                deadLetters.publish(((StoryDecoder.Invalid) decoded).rejection());
            }
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        Batch batch = new Batch(valid, next);
        for (RecordSink sink : sinks) {
            for (Rejection refused : write(sink, batch)) {
                deadLetters.publish(withOriginal(refused, records));
            }
        }
        int letters = deadLetters.awaitAcknowledged();
        received.addAndGet(records.count());
        receivedCounter.increment(records.count());
        deadLettered.addAndGet(letters);
        deadLetterCounter.increment(letters);
    }

    /** A sink's rejection with the record's original bytes, which sinks do not keep. */
    private static Rejection withOriginal(Rejection rejection, ConsumerRecords<byte[], byte[]> records) {
        if (rejection.original() != null) {
            return rejection;
        }
        for (ConsumerRecord<byte[], byte[]> record : records.records(
                new TopicPartition(rejection.topic(), rejection.partition()))) {
            if (record.offset() == rejection.offset()) {
                return new Rejection(rejection.topic(), rejection.partition(), rejection.offset(),
                        rejection.reasonCode(), rejection.message(), rejection.storyId(), rejection.cause(),
                        record.value());
            }
        }
        return rejection;
    }

    private List<Rejection> write(RecordSink sink, Batch batch) {
        Timer.Sample sample = Timer.start(metrics);
        try {
            return sink.write(batch);
        } catch (SinkFailure failure) {
            throw failure;
        } catch (Exception e) {
            throw new SinkFailure(sink.name(), SinkFailures.kind(e), "The " + sink.name() + " sink failed to write "
                    + batch.records().size() + " stories of " + describe(batch.nextOffsets()) + ": "
                    + SinkFailures.describe(e), e);
        } finally {
            sample.stop(writeTimers.get(sink.name()));
        }
    }

    /** A sink operation that may throw anything but an Error. */
    @FunctionalInterface
    private interface SinkCall {
        void run() throws Exception;
    }

    private static void call(RecordSink sink, String what, SinkCall call) {
        try {
            call.run();
        } catch (SinkFailure failure) {
            throw failure;
        } catch (Exception e) {
            throw new SinkFailure(sink.name(), SinkFailures.kind(e), "The " + sink.name() + " sink failed to " + what
                    + ": " + SinkFailures.describe(e), e);
        }
    }

    /**
     * After a retriable failure: drop the failed sink's unfinished state, seek every partition back to the first
     * record some sink lacks (or the start of the failed batch), pause everything and wait out the backoff.
     */
    private void retryLater(SinkFailure failure, Map<TopicPartition, Long> batchStart) {
        deadLetters.discardPending();
        for (RecordSink sink : sinks) {
            if (sink.name().equals(failure.component())) {
                sink.abort();
            }
        }
        Map<TopicPartition, Long> rewind = rewindTargets(batchStart);
        rewind.forEach(consumer::seek);
        consumer.pause(assigned);
        long delay = backoff.nextDelayMs();
        pausedUntil = clock.getAsLong() + delay;
        state = State.PAUSED;
        String detail = failure.getMessage() + " [attempt " + backoff.failures() + ", next in " + delay + " ms]";
        failures.put(failure.component(), detail);
        Counter.builder("wirewatch.sink.errors").tag("component", failure.component())
                .description("Failed writes, decodes and dead-letter sends (each retried)").register(metrics)
                .increment();
        LOG.warn("{}; consumption paused, reading again from {} in {} ms (attempt {})", failure.getMessage(),
                describe(rewind), delay, backoff.failures());
    }

    private Map<TopicPartition, Long> rewindTargets(Map<TopicPartition, Long> batchStart) {
        Map<TopicPartition, Long> targets = new TreeMap<>(SinkLoop::compare);
        for (TopicPartition partition : assigned) {
            long target = Long.MAX_VALUE;
            for (RecordSink sink : sinks) {
                long next = sink.nextOffset(partition);
                if (next >= 0) {
                    target = Math.min(target, next);
                }
            }
            Long start = batchStart.get(partition);
            if (start != null) {
                target = Math.min(target, start);
            }
            if (target != Long.MAX_VALUE) {
                targets.put(partition, target);
            }
        }
        return targets;
    }

    /** Commits the given partitions up to what every sink holds durably, when that moved. */
    private void commitDurable(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        long records = 0;
        for (TopicPartition partition : partitions) {
            long durable = durableOffset(partition);
            long last = committed.getOrDefault(partition, -1L);
            if (durable > last) {
                offsets.put(partition, new OffsetAndMetadata(durable));
                records += last < 0 ? 0 : durable - last;
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
            committedRecords.addAndGet(records);
            commitCounter.increment();
        } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
            LOG.warn("Offset commit of {} did not go through ({}); it is retried after the next batch, and a new "
                    + "owner of these partitions reads from the last committed offsets (the sinks absorb the "
                    + "repeat)", describeOffsets(offsets), e.toString());
        } catch (KafkaException e) {
            if (FailureKind.of(e) == FailureKind.FATAL) {
                throw new SinkFailure("kafka", FailureKind.FATAL, "Cannot commit offsets of " + topic + ": " + e
                        + "; check the consumer's credentials and ACLs (group and topic)", e);
            }
            LOG.warn("Offset commit of {} failed ({}); retried after the next batch", describeOffsets(offsets),
                    e.toString());
        }
    }

    /** The lowest durable offset over all sinks; -1 when some sink does not know the partition. */
    private long durableOffset(TopicPartition partition) {
        long min = Long.MAX_VALUE;
        for (RecordSink sink : sinks) {
            long durable = sink.durableOffset(partition);
            if (durable < 0) {
                return -1;
            }
            min = Math.min(min, durable);
        }
        return min;
    }

    void stopInOrder() {
        state = State.STOPPING;
        try {
            for (RecordSink sink : sinks) {
                call(sink, "flush", () -> sink.flush(List.copyOf(assigned)));
            }
            commitDurable(assigned);
            LOG.info("Sink stopped in order: every sink flushed, offsets committed {}", describe(committed));
        } catch (SinkFailure failure) {
            LOG.warn("Stopping without making everything durable: {}. Records after the committed offsets {} are "
                    + "read again at the next start.", failure.getMessage(), describe(committed));
        }
    }

    private void crash(Throwable failure) {
        abandon = true;
        fatal = SinkFailures.describe(failure);
        LOG.error("The sink loop stopped on a fatal error: {}. Nothing more is committed; the next start resumes "
                + "from the committed offsets {}.", fatal, describe(committed), failure);
    }

    /** Closes the consumer (committing nothing more) and marks the loop stopped or crashed. */
    void closeConsumer() {
        try {
            consumer.close(CloseOptions.timeout(settings.closeTimeout()));
        } catch (RuntimeException e) {
            LOG.warn("The consumer did not close cleanly: {}", e.toString());
        } finally {
            state = fatal == null ? State.STOPPED : State.CRASHED;
            stopped.countDown();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition partition : partitions) {
                positions.put(partition, consumer.position(partition));
            }
            for (RecordSink sink : sinks) {
                sink.assign(positions);
            }
            assigned.addAll(partitions);
            positions.forEach(committed::putIfAbsent);
            assignedCount = assigned.size();
            if (pausedUntil >= 0) {
                consumer.pause(partitions);
            }
            if (!partitions.isEmpty()) {
                LOG.info("Assigned {} from {}", partitions, describe(positions));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            List<TopicPartition> owned = partitions.stream().filter(assigned::contains).toList();
            if (!abandon && !owned.isEmpty()) {
                try {
                    for (RecordSink sink : sinks) {
                        call(sink, "flush", () -> sink.flush(owned));
                    }
                    commitDurable(owned);
                } catch (SinkFailure failure) {
                    LOG.warn("Giving up {} without making them durable: {}. Their next owner reads them again from "
                            + "the last committed offsets.", owned, failure.getMessage());
                    forget(owned);
                    if (failure.kind() != FailureKind.FATAL) {
                        retryLater(failure, Map.of());
                    }
                    return;
                }
            }
            forget(owned);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            LOG.warn("Lost {} without an orderly handover; their next owner reads them from the last committed "
                    + "offsets", partitions);
            forget(partitions.stream().filter(assigned::contains).toList());
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (RecordSink sink : sinks) {
                sink.revoke(partitions);
            }
            assigned.removeAll(partitions);
            partitions.forEach(committed::remove);
            assignedCount = assigned.size();
        }
    }

    private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            first.put(partition, records.records(partition).get(0).offset());
        }
        return first;
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }

    private static String describe(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> sorted = new TreeMap<>(SinkLoop::compare);
        sorted.putAll(offsets);
        StringBuilder text = new StringBuilder("{");
        sorted.forEach((p, o) -> text.append(text.length() > 1 ? ", " : "").append(p).append('@').append(o));
        return text.append('}').toString();
    }

    private static String describeOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> plain = new HashMap<>();
        offsets.forEach((p, o) -> plain.put(p, o.offset()));
        return describe(plain);
    }

    // ---- what the service and health checks read (any thread) ----

    public State state() {
        return state;
    }

    /** The fatal error that stopped the loop, or null. */
    public String fatalError() {
        return fatal;
    }

    /** Records read so far (valid or not). */
    public long received() {
        return received.get();
    }

    /** Dead letters the broker acknowledged so far. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Records whose offsets were committed since the partitions were assigned. */
    public long committedRecords() {
        return committedRecords.get();
    }

    /** Readiness of the consumer: running with partitions, or why not. */
    public Health.Check consumerCheck() {
        State now = state;
        return switch (now) {
            case RUNNING -> Health.Check.up("consuming " + assignedCount + " partition(s) of " + topic);
            case PAUSED -> Health.Check.down("paused after a failure, retrying: " + String.join("; ",
                    failures.values()));
            case CRASHED -> Health.Check.down("stopped on a fatal error: " + fatal);
            default -> Health.Check.down(now.name().toLowerCase(Locale.ROOT));
        };
    }

    /** Readiness of one component (a sink, {@code registry}, {@code deadletter}): down while it fails. */
    public Health.Check componentCheck(String component, Health.Check whenHealthy) {
        String failure = failures.get(component);
        return failure == null ? whenHealthy : Health.Check.down(failure);
    }
}
