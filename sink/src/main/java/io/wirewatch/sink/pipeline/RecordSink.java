package io.wirewatch.sink.pipeline;

import io.wirewatch.platform.http.Health;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A destination of enriched stories (the Avro archive, PostgreSQL). The {@link SinkLoop} drives every enabled sink
 * from one thread and commits a partition's offset only up to the lowest {@link #durableOffset} of all of them, so a
 * crash at any point loses nothing: what was not durable is read again.
 *
 * <p>Redelivery is normal (after a crash, a rebalance or a failed write) and a sink must absorb it without writing a
 * story twice: by offset (the archive skips offsets it already holds) or by key (PostgreSQL upserts by story id).
 */
public interface RecordSink extends AutoCloseable {

    /** Short name for logs, metrics and health: {@code archive}, {@code postgres}. */
    String name();

    /**
     * Partitions newly assigned to this instance, each with the consumer's position: the first offset that will be
     * delivered. Cheap; recovery that needs I/O happens on the first write.
     */
    void assign(Map<TopicPartition, Long> positions);

    /**
     * Writes a batch. Records this sink holds already are skipped. When this throws, the sink's state may be
     * half-written; the loop then calls {@link #abort()} and delivers the records again.
     *
     * @return records this sink refused as bad data (they go to the dead-letter topic); usually empty
     */
    List<Rejection> write(Batch batch) throws Exception;

    /** Periodic housekeeping between batches (the archive rolls files by age here). */
    void tick() throws Exception;

    /** Makes everything written so far for these partitions durable (the archive rolls their open files). */
    void flush(Collection<TopicPartition> partitions) throws Exception;

    /** Every record of the partition below this offset is durable in this sink; -1 when the partition is unknown. */
    long durableOffset(TopicPartition partition);

    /**
     * Every record of the partition below this offset was written (durably or not yet); after a failure the loop
     * rewinds each partition to the lowest of these. -1 when the partition is unknown.
     */
    long nextOffset(TopicPartition partition);

    /** Drops whatever is not durable, after a failed write; the loop then delivers those records again. */
    void abort();

    /** Forgets partitions that were revoked or lost (flushed first when revoked in an orderly way). */
    void revoke(Collection<TopicPartition> partitions);

    /** Stories this sink made durable since it started (redelivered ones counted again where rewritten). */
    long stored();

    /** A readiness detail of the sink itself (the loop reports write failures separately). */
    default Health.Check check() {
        return Health.Check.up("ok");
    }

    /** Releases resources without making anything durable: call {@link #flush} first for an orderly stop. */
    @Override
    void close();
}
