package io.wirewatch.ingest.publish;

import io.wirewatch.platform.kafka.TopicScan;
import io.wirewatch.platform.topics.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Reads the progress topic: which inputs are done (or how many lines of them), as committed by
 * {@link StoryPublisher} in the same transactions as their stories. Read with isolation level read_committed from the
 * beginning to the end offsets at call time, keeping only the keys asked for, so memory holds what the caller needs,
 * not the topic's history.
 */
public final class ProgressLog {

    private final Supplier<Consumer<byte[], byte[]>> consumerFactory;
    private final String topic;

    /** @param consumerFactory a new read_committed consumer (no group needed) on each call */
    public ProgressLog(Supplier<Consumer<byte[], byte[]>> consumerFactory, String topic) {
        this.consumerFactory = consumerFactory;
        this.topic = topic;
    }

    /** The progress topic: compacted (the latest progress per input is what counts), one partition. */
    public static TopicSpec spec(String name, short replicationFactor) {
        return new TopicSpec(name, 1, replicationFactor, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /**
     * The latest committed progress of each of {@code keys} that has any.
     *
     * @throws org.apache.kafka.common.KafkaException when the topic cannot be read within the timeout
     */
    public Map<String, FileProgress> read(Set<String> keys, Duration timeout) {
        Map<String, FileProgress> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        try (Consumer<byte[], byte[]> consumer = consumerFactory.get()) {
            List<TopicPartition> partitions = TopicScan.assignFromBeginning(consumer, topic, timeout);
            TopicScan.readToEnd(consumer, partitions, timeout, record -> {
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                if (key != null && keys.contains(key)) {
                    found.put(key, FileProgress.decode(record.value() == null ? null
                            : new String(record.value(), StandardCharsets.UTF_8)));
                }
            });
        }
        return found;
    }
}
