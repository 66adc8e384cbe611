package io.wirewatch.cli.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Knows when everything written so far has gone through a consumer group: no committed record of its input topic
 * lies after the group's committed offsets. Enrich commits with its transactions and the sink only after every sink
 * wrote durably, so "caught up" means the stories are in the output topics, the archive and the database.
 *
 * <p>Records are counted, not offsets: transaction markers take offsets too, and a consumer that commits
 * {@code lastOffset + 1} stays one offset short of the end of a transactional topic for ever.
 */
public final class PipelineDrain implements AutoCloseable {

    /** One stage: a consumer group reading a topic. */
    public record Stage(String name, String groupId, String topic) {
    }

    /** How many committed records of its topic a stage has not committed yet. */
    public record Lag(Stage stage, long records) {
        public boolean caughtUp() {
            return records == 0;
        }

        @Override
        public String toString() {
            return stage.name() + " " + (records == 0 ? "done" : records + " behind");
        }
    }

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    /**
     * @param consumerConfig settings for a read_committed consumer (its group id is ignored: it joins no group)
     */
    public PipelineDrain(Admin admin, Map<String, Object> consumerConfig) {
        this.admin = admin;
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        this.reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Waits until every stage, in order, has caught up (or {@code cancelled} says stop), calling {@code progress}
     * with a status line every 2 s.
     *
     * @throws IllegalStateException when the timeout passes first, naming the stage that lags
     */
    public void awaitCaughtUp(Duration timeout, Consumer<String> progress, BooleanSupplier cancelled,
                              Stage... stages) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        while (true) {
            StringBuilder status = new StringBuilder();
            boolean all = true;
            for (Stage stage : stages) {
                Lag lag = lag(stage);
                status.append(status.length() == 0 ? "" : ", ").append(lag);
                all &= lag.caughtUp();
            }
            if (all || cancelled.getAsBoolean()) {
                return;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("The pipeline did not catch up within " + timeout.toSeconds()
                        + " s: " + status + ". Run with --verbose to see the services' logs.");
            }
            if (now - lastReport > TimeUnit.SECONDS.toNanos(2)) {
                progress.accept("waiting for the pipeline: " + status);
                lastReport = now;
            }
            Thread.sleep(200);
        }
    }

    /** True when every stage has caught up now. */
    public boolean caughtUp(Stage... stages) throws InterruptedException {
        for (Stage stage : stages) {
            if (!lag(stage).caughtUp()) {
                return false;
            }
        }
        return true;
    }

    /** The committed records of the stage's topic after the group's committed offsets. */
    public Lag lag(Stage stage) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(stage.groupId()).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the committed offsets of " + stage.name() + " (group "
                    + stage.groupId() + "): " + e, e);
        }
        List<TopicPartition> partitions = reader.partitionsFor(stage.topic(), Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(stage.topic(), p.partition())).toList();
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, Duration.ofSeconds(10));
        long behind = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long from = offset == null ? beginning(partition) : offset.offset();
            long end = ends.get(partition);
            if (from < end) {
                behind += countRecords(partition, from, end);
            }
        }
        return new Lag(stage, behind);
    }

    private long beginning(TopicPartition partition) {
        return reader.beginningOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
    }

    private long countRecords(TopicPartition partition, long from, long end) {
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        long count = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reader.position(partition) < end && System.nanoTime() < deadline) {
            count += reader.poll(Duration.ofMillis(100)).records(partition).stream()
                    .filter(r -> r.offset() < end).count();
        }
        return count;
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(5));
    }
}
