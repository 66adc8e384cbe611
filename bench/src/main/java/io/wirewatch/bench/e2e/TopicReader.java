package io.wirewatch.bench.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from the beginning on its own thread, deserializing every record and noting when each key was first
 * seen; a benchmark waits on it for a number of distinct keys (story ids).
 */
final class TopicReader<V> implements AutoCloseable {

    /** What a waiting benchmark checks besides the count: throws when waiting longer is pointless. */
    interface Check {
        void verify();
    }

    private final KafkaConsumer<String, V> consumer;
    private final String topic;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastAt;

    TopicReader(Map<String, Object> consumerConfig, Deserializer<String> keys, Deserializer<V> values, String topic) {
        this.consumer = new KafkaConsumer<>(consumerConfig, keys, values);
        this.topic = topic;
        this.thread = new Thread(this::loop, "reader-" + topic);
    }

    void start() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread.start();
    }

    /** Makes the next {@link #await} fail with this (a failed send, say). */
    void fail(Exception e) {
        if (e != null) {
            failure.compareAndSet(null, e);
        }
    }

    /** {@link System#nanoTime()} when the key was first read, or null. */
    Long seenAt(String key) {
        return seen.get(key);
    }

    private void loop() {
        try {
            while (running) {
                ConsumerRecords<String, V> records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, V> record : records) {
                    if (seen.putIfAbsent(record.key(), now) == null) {
                        count.incrementAndGet();
                    }
                }
                if (!records.isEmpty()) {
                    lastAt = now;
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /**
     * Waits until {@code target} distinct keys were read, printing progress every few seconds.
     *
     * @param what names the phase and the records in messages ("warm-up", "stories enriched")
     * @return {@link System#nanoTime()} when the last of them was read
     */
    long await(long target, Duration timeout, String what, Check check, Progress progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        while (count.get() < target) {
            if (failure.get() != null) {
                throw new IllegalStateException(what + ": reading " + topic + " failed: " + failure.get(),
                        failure.get());
            }
            check.verify();
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(what + ": only " + count.get() + " of " + target + " read from "
                        + topic + " within " + timeout.toSeconds() + " s");
            }
            if (now - lastReport > TimeUnit.SECONDS.toNanos(3)) {
                progress.line(what + ": " + count.get() + "/" + target);
                lastReport = now;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return lastAt;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
