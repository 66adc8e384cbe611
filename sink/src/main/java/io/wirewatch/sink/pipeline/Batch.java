package io.wirewatch.sink.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What one poll delivered, ready for the sinks: the valid stories in partition order, and per partition the offset
 * after the last record the batch covers (valid or dead-lettered), so a sink knows how far it has come even when a
 * partition's records were all rejected.
 */
public record Batch(List<StoryRecord> records, Map<TopicPartition, Long> nextOffsets) {

    public Batch {
        records = List.copyOf(records);
        nextOffsets = Map.copyOf(nextOffsets);
    }

    public Set<TopicPartition> partitions() {
        return nextOffsets.keySet();
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }
}
