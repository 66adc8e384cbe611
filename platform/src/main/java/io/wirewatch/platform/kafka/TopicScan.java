package io.wirewatch.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reading a whole topic without joining a group: assign every partition, start at the beginning, and read up to the
 * end offsets as they were when the read began (the last stable offsets under {@code read_committed}).
 */
public final class TopicScan {

    private TopicScan() {
    }

    /** Assigns every partition of {@code topic} to {@code consumer} at its beginning; returns the partitions. */
    public static List<TopicPartition> assignFromBeginning(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                                           String topic, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    /**
     * Polls from the consumer's current positions until they reach the end offsets of now, handing each record to
     * {@code each}.
     *
     * @throws TimeoutException when the end is not reached within {@code timeout}
     */
    public static <K, V> void readToEnd(org.apache.kafka.clients.consumer.Consumer<K, V> consumer,
                                        Collection<TopicPartition> partitions, Duration timeout,
                                        Consumer<ConsumerRecord<K, V>> each) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(consumer, end)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Reading " + partitions + " did not reach the end offsets " + end
                        + " within " + timeout.toMillis() + " ms");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(each);
        }
    }

    private static boolean reached(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                   Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
