package io.wirewatch.cli.local;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.platform.kafka.TopicScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the dead-letter topic from where it stopped last time up to its current end. Joins no group. */
public final class DeadLetterReader implements AutoCloseable {

    private final KafkaConsumer<String, DeadLetter> consumer;
    private final List<TopicPartition> partitions;

    public DeadLetterReader(Map<String, Object> consumerConfig, String topic, Deserializer<DeadLetter> values) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        this.partitions = TopicScan.assignFromBeginning(consumer, topic, Duration.ofSeconds(30));
    }

    /** The dead letters written since the last call. */
    public List<DeadLetter> readNew() {
        List<DeadLetter> letters = new ArrayList<>();
        TopicScan.readToEnd(consumer, partitions, Duration.ofSeconds(30), record -> letters.add(record.value()));
        return letters;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
