package io.wirewatch.sink.archive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.platform.http.Health;
import io.wirewatch.sink.pipeline.Batch;
import io.wirewatch.sink.pipeline.RecordSink;
import io.wirewatch.sink.pipeline.Rejection;
import io.wirewatch.sink.pipeline.StoryRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives enriched stories as Avro object container files (the EnrichedStory schema embedded; deflate or zstd) under
 * {@code <root>/dt=YYYY-MM-DD/}, one roll of files per partition at a time, finished by size, age, number of days
 * or flush (see {@link PartitionRoll} and {@link ArchiveFileName}).
 *
 * <p>Exactly once: a partition's first write after assignment or failure runs {@link ArchiveRecovery}, which finishes
 * or deletes what a crash left and says up to which offset the partition is archived; delivered records at or below
 * it are skipped. A partition is durable up to the first offset of its open roll, which is what the loop may commit.
 * Used from the loop's thread only.
 */
public final class ArchiveSink implements RecordSink {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveSink.class);

    private final ArchiveSettings settings;
    private final LongSupplier clock;
    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong openFiles = new AtomicLong();
    private final AtomicLong pendingStories = new AtomicLong();
    private final Counter recordsCounter;
    private final Counter skippedCounter;
    private final Counter filesCounter;
    private final Counter rollsCounter;

    /** What the sink knows of one partition. */
    private static final class PartitionState {
        boolean recovered;
        long archivedUpTo = -1;
        long next;
        PartitionRoll roll;

        PartitionState(long next) {
            this.next = next;
        }
    }

    public ArchiveSink(ArchiveSettings settings, MeterRegistry metrics, LongSupplier clock) {
        this.settings = settings;
        this.clock = clock;
        this.recordsCounter = Counter.builder("wirewatch.sink.archive.records")
                .description("Stories in finished archive files").register(metrics);
        this.skippedCounter = Counter.builder("wirewatch.sink.archive.skipped")
                .description("Delivered stories skipped because the archive held them already").register(metrics);
        this.filesCounter = Counter.builder("wirewatch.sink.archive.files.rolled")
                .description("Archive files finished (fsync'd and renamed)").register(metrics);
        this.rollsCounter = Counter.builder("wirewatch.sink.archive.rolls")
                .description("Rolls finished (one per partition, one file per day)").register(metrics);
        metrics.gauge("wirewatch.sink.archive.open.files", openFiles);
    }

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public void assign(Map<TopicPartition, Long> positions) {
        positions.forEach((partition, position) -> {
            PartitionState previous = partitions.put(partition, new PartitionState(position));
            if (previous != null && previous.roll != null) {
                previous.roll.abandon();
            }
        });
        updateOpenFiles();
    }

    @Override
    public List<Rejection> write(Batch batch) throws IOException {
        for (TopicPartition partition : batch.partitions()) {
            recoverIfNeeded(partition);
        }
        for (StoryRecord record : batch.records()) {
            PartitionState state = state(record.partition());
            if (record.offset() <= state.archivedUpTo || record.offset() < state.next) {
                skippedCounter.increment();
                continue;
            }
            LocalDate day = ArchiveDays.day(record.story());
            if (state.roll != null && !state.roll.hasFileFor(day)
                    && state.roll.openFiles() >= settings.maxOpenFiles()) {
                finish(record.partition(), state, "it holds " + settings.maxOpenFiles() + " days");
            }
            if (state.roll == null) {
                state.roll = new PartitionRoll(record.partition(), settings.root(), settings, record.offset(),
                        clock.getAsLong());
            }
            state.roll.append(record.story(), record.offset());
            state.next = record.offset() + 1;
            if (state.roll.bytes() >= settings.rollBytes()) {
                finish(record.partition(), state, "it reached " + settings.rollBytes() + " bytes");
            }
        }
        batch.nextOffsets().forEach((partition, next) -> {
            PartitionState state = state(partition);
            state.next = Math.max(state.next, next);
        });
        updateOpenFiles();
        return List.of();
    }

    @Override
    public void tick() throws IOException {
        long now = clock.getAsLong();
        for (Map.Entry<TopicPartition, PartitionState> entry : partitions.entrySet()) {
            PartitionRoll roll = entry.getValue().roll;
            if (roll != null && now - roll.openedAtMs() >= settings.rollAge().toMillis()) {
                finish(entry.getKey(), entry.getValue(), "it is " + settings.rollAge().toMillis() + " ms old");
            }
        }
        updateOpenFiles();
    }

    @Override
    public void flush(Collection<TopicPartition> toFlush) throws IOException {
        for (TopicPartition partition : toFlush) {
            PartitionState state = partitions.get(partition);
            if (state != null && state.roll != null) {
                finish(partition, state, "of a flush");
            }
        }
        updateOpenFiles();
    }

    private void finish(TopicPartition partition, PartitionState state, String why) throws IOException {
        PartitionRoll roll = state.roll;
        List<Path> files = roll.finish();
        state.roll = null;
        state.archivedUpTo = Math.max(state.archivedUpTo, roll.lastOffset());
        stored.addAndGet(roll.records());
        recordsCounter.increment(roll.records());
        filesCounter.increment(files.size());
        rollsCounter.increment();
        LOG.debug("Rolled {} because {}: {} stories, offsets {}..{}, {} file(s)", partition, why, roll.records(),
                roll.firstOffset(), roll.lastOffset(), files.size());
    }

    @Override
    public long durableOffset(TopicPartition partition) {
        PartitionState state = partitions.get(partition);
        if (state == null) {
            return -1;
        }
        return state.roll != null ? state.roll.firstOffset() : state.next;
    }

    @Override
    public long nextOffset(TopicPartition partition) {
        PartitionState state = partitions.get(partition);
        return state == null ? -1 : state.next;
    }

    @Override
    public void abort() {
        for (PartitionState state : partitions.values()) {
            if (state.roll != null) {
                state.next = state.roll.firstOffset();
                state.roll.abandon();
                state.roll = null;
            }
            state.recovered = false;
        }
        updateOpenFiles();
    }

    @Override
    public void revoke(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            PartitionState state = partitions.remove(partition);
            if (state != null && state.roll != null) {
                state.roll.abandon();
            }
        }
        updateOpenFiles();
    }

    private void recoverIfNeeded(TopicPartition partition) throws IOException {
        PartitionState state = state(partition);
        if (state.recovered) {
            return;
        }
        Files.createDirectories(settings.root());
        ArchiveRecovery.Result result = ArchiveRecovery.recover(settings.root(), partition);
        state.archivedUpTo = result.archivedUpTo();
        state.recovered = true;
        if (result.archivedUpTo() >= state.next) {
            LOG.info("{} is archived up to offset {}; delivered records up to there are skipped", partition,
                    result.archivedUpTo());
        }
    }

    private PartitionState state(TopicPartition partition) {
        PartitionState state = partitions.get(partition);
        if (state == null) {
            throw new IllegalStateException("The archive got a record of " + partition + ", which was never assigned");
        }
        return state;
    }

    private void updateOpenFiles() {
        long open = 0;
        long pending = 0;
        for (PartitionState state : partitions.values()) {
            if (state.roll != null) {
                open += state.roll.openFiles();
                pending += state.roll.records();
            }
        }
        openFiles.set(open);
        pendingStories.set(pending);
    }

    /** Stories in finished files since this sink started (redeliveries are skipped, so each counts once). */
    @Override
    public long stored() {
        return stored.get();
    }

    @Override
    public Health.Check check() {
        return Health.Check.up("writing to " + settings.root().toAbsolutePath() + "; " + openFiles.get()
                + " open file(s), " + pendingStories.get() + " stories not yet rolled");
    }

    @Override
    public void close() {
        for (PartitionState state : partitions.values()) {
            if (state.roll != null) {
                state.roll.abandon();
                state.roll = null;
            }
        }
        partitions.clear();
        updateOpenFiles();
    }
}
