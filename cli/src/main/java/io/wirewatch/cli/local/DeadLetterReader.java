package io.wirewatch.cli.local;

import io.wirewatch.avro.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the dead-letter topic from where it stopped last time up to its current end. Joins no group. */
public final class DeadLetterReader implements AutoCloseable {

    private final KafkaConsumer<String, DeadLetter> consumer;
    private final List<TopicPartition> partitions;

    public DeadLetterReader(Map<String, Object> consumerConfig, String topic, Deserializer<DeadLetter> values) {
        Map<String, Object> config = new java.util.HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The dead letters written since the last call. */
    public List<DeadLetter> readNew() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        List<DeadLetter> letters = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(200))) {
                letters.add(record.value());
            }
        }
        return letters;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
