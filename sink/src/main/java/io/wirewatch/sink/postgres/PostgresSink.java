package io.wirewatch.sink.postgres;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.platform.http.Health;
import io.wirewatch.sink.pipeline.Batch;
import io.wirewatch.sink.pipeline.RecordSink;
import io.wirewatch.sink.pipeline.Rejection;
import io.wirewatch.sink.pipeline.StoryRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores enriched stories in PostgreSQL, one transaction per batch: stories upserted by id, their tags replaced, so
 * redelivery and replay are idempotent and a replay under a new taxonomy replaces what the old one said. A batch is
 * durable once its transaction committed.
 *
 * <p>When PostgreSQL refuses the batch because of its data (SQLSTATE classes 22 data exception, 23 integrity, 54
 * program limit, e.g. a body too long for a tsvector), the batch is written again story by story behind savepoints:
 * the stories PostgreSQL refuses are returned for the dead-letter topic, the rest are stored. Any other failure
 * (connection lost, server down) fails the whole batch and the loop retries it.
 */
public final class PostgresSink implements RecordSink {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSink.class);

    private final DataSource dataSource;
    private final AutoCloseable pool;
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();
    private final AtomicLong stored = new AtomicLong();
    private final Counter storiesCounter;
    private final Counter rowsCounter;
    private final Counter refusedCounter;

    /**
     * @param pool closed with the sink (the data source itself, or null when the caller owns it)
     */
    public PostgresSink(DataSource dataSource, AutoCloseable pool, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.pool = pool;
        this.storiesCounter = Counter.builder("wirewatch.sink.postgres.stories")
                .description("Stories upserted in committed transactions").register(metrics);
        this.rowsCounter = Counter.builder("wirewatch.sink.postgres.rows")
                .description("Rows written (stories and tags) in committed transactions").register(metrics);
        this.refusedCounter = Counter.builder("wirewatch.sink.postgres.refused")
                .description("Stories PostgreSQL refused as bad data (dead-lettered)").register(metrics);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void assign(Map<TopicPartition, Long> positions) {
        next.putAll(positions);
    }

    @Override
    public List<Rejection> write(Batch batch) throws SQLException {
        List<StoryRecord> latest = latestPerStory(batch.records());
        List<Rejection> refused = List.of();
        if (!latest.isEmpty()) {
            List<StoryRows> rows = latest.stream().map(StoryRows::of).toList();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    StoryStatements.write(connection, rows);
                    connection.commit();
                    count(rows);
                } catch (SQLException e) {
                    rollback(connection, e);
                    if (!isDataError(e)) {
                        throw e;
                    }
                    LOG.warn("PostgreSQL refused a batch of {} stories ({}); writing them one by one to find the bad "
                            + "ones", rows.size(), describe(e));
                    refused = writeOneByOne(connection, latest, rows);
                    connection.commit();
                }
            }
        }
        batch.nextOffsets().forEach((partition, offset) -> next.merge(partition, offset, Math::max));
        return refused;
    }

    private static void rollback(Connection connection, SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private List<Rejection> writeOneByOne(Connection connection, List<StoryRecord> records, List<StoryRows> rows)
            throws SQLException {
        List<Rejection> refused = new ArrayList<>();
        List<StoryRows> written = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                StoryStatements.write(connection, List.of(rows.get(i)));
                connection.releaseSavepoint(savepoint);
                written.add(rows.get(i));
            } catch (SQLException e) {
                connection.rollback(savepoint);
                if (!isDataError(e)) {
                    throw e;
                }
                StoryRecord record = records.get(i);
                refused.add(new Rejection(record.partition().topic(), record.partition().partition(),
                        record.offset(), Rejection.SINK_REJECTED, record.location() + " (story '" + record.storyId()
                        + "') was refused by PostgreSQL: " + describe(e) + ". It is in the archive but not in the "
                        + "database; fix the story upstream and replay it.", record.storyId(), e, null));
            }
        }
        count(written);
        refusedCounter.increment(refused.size());
        return refused;
    }

    private void count(List<StoryRows> rows) {
        stored.addAndGet(rows.size());
        storiesCounter.increment(rows.size());
        rowsCounter.increment(rows.stream().mapToInt(StoryRows::rowCount).sum());
    }

    /** The last record of each story id, in batch order: the newest version wins, as Kafka's per-key order says. */
    static List<StoryRecord> latestPerStory(List<StoryRecord> records) {
        Map<String, StoryRecord> latest = new LinkedHashMap<>();
        for (StoryRecord record : records) {
            latest.remove(record.storyId());
            latest.put(record.storyId(), record);
        }
        return List.copyOf(latest.values());
    }

    /** SQLSTATE classes that blame the data: 22 data exception, 23 integrity violation, 54 program limit exceeded. */
    static boolean isDataError(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(SQLException e) {
        SQLException detail = e.getNextException() != null ? e.getNextException() : e;
        return detail.getMessage() + " (SQLSTATE " + detail.getSQLState() + ")";
    }

    @Override
    public void tick() {
        // every batch is durable when write returns
    }

    @Override
    public void flush(Collection<TopicPartition> partitions) {
        // every batch is durable when write returns
    }

    @Override
    public long durableOffset(TopicPartition partition) {
        return next.getOrDefault(partition, -1L);
    }

    @Override
    public long nextOffset(TopicPartition partition) {
        return next.getOrDefault(partition, -1L);
    }

    @Override
    public void abort() {
        // a failed transaction was rolled back: nothing half-written remains
    }

    @Override
    public void revoke(Collection<TopicPartition> partitions) {
        partitions.forEach(next::remove);
    }

    /** Stories upserted in committed transactions since the sink started (redeliveries included). */
    @Override
    public long stored() {
        return stored.get();
    }

    @Override
    public Health.Check check() {
        return Health.Check.up(stored.get() + " stories upserted since start");
    }

    @Override
    public void close() {
        if (pool != null) {
            try {
                pool.close();
            } catch (Exception e) {
                LOG.warn("The PostgreSQL pool did not close cleanly: {}", e.toString());
            }
        }
    }
}
