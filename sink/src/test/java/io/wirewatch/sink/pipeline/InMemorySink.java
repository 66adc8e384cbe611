package io.wirewatch.sink.pipeline;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * A sink that keeps stories in memory, for tests of the loop: durable at once, or (holding back) only when flushed
 * or ticked; can be told to fail its next writes, retriably or fatally; skips offsets it already has, like the
 * archive; refuses the offsets in {@link #refuse} as bad data.
 */
final class InMemorySink implements RecordSink {

    private final String name;
    private final boolean holdBack;
    final Map<TopicPartition, Long> next = new HashMap<>();
    final Map<TopicPartition, Long> durable = new HashMap<>();
    final List<StoryRecord> pending = new ArrayList<>();
    final List<StoryRecord> stored = new ArrayList<>();
    final Set<Long> refuse = new HashSet<>();
    boolean flushOnTick;
    int failNextWrites;
    boolean failFatally;
    int flushes;

    InMemorySink(String name, boolean holdBack) {
        this.name = name;
        this.holdBack = holdBack;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void assign(Map<TopicPartition, Long> positions) {
        next.putAll(positions);
        durable.putAll(positions);
    }

    @Override
    public List<Rejection> write(Batch batch) throws Exception {
        if (failFatally) {
            throw new SQLException("password authentication failed for user \"wirewatch\"", "28P01");
        }
        if (failNextWrites > 0) {
            failNextWrites--;
            throw new IOException("No space left on device");
        }
        List<Rejection> refused = new ArrayList<>();
        for (StoryRecord record : batch.records()) {
            if (refuse.contains(record.offset())) {
                refused.add(new Rejection(record.partition().topic(), record.partition().partition(), record.offset(),
                        Rejection.SINK_REJECTED, record.location() + " refused by " + name, record.storyId(), null,
                        null));
            } else if (record.offset() >= next.getOrDefault(record.partition(), 0L)) {
                pending.add(record);
            }
        }
        batch.nextOffsets().forEach((p, n) -> next.merge(p, n, Math::max));
        if (!holdBack) {
            flush(batch.partitions());
        }
        return refused;
    }

    @Override
    public void tick() {
        if (flushOnTick) {
            flush(next.keySet());
        }
    }

    @Override
    public void flush(Collection<TopicPartition> partitions) {
        flushes++;
        stored.addAll(pending);
        pending.clear();
        partitions.forEach(p -> durable.put(p, next.get(p)));
    }

    @Override
    public long durableOffset(TopicPartition partition) {
        return durable.getOrDefault(partition, -1L);
    }

    @Override
    public long nextOffset(TopicPartition partition) {
        return next.getOrDefault(partition, -1L);
    }

    @Override
    public void abort() {
        pending.clear();
        next.putAll(durable);
    }

    @Override
    public void revoke(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            next.remove(p);
            durable.remove(p);
        });
    }

    @Override
    public long stored() {
        return stored.size();
    }

    List<String> storedIds() {
        return stored.stream().map(StoryRecord::storyId).toList();
    }

    @Override
    public void close() {
        pending.clear();
    }
}
