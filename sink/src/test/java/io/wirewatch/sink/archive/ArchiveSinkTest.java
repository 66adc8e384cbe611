package io.wirewatch.sink.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.sink.pipeline.Batch;
import io.wirewatch.sink.pipeline.StoryRecord;
import io.wirewatch.sink.testing.TestStories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSinkTest {

    private static final TopicPartition P0 = new TopicPartition("news.enriched", 0);

    @TempDir
    Path root;

    private final AtomicLong clock = new AtomicLong(1_000_000);

    private ArchiveSink sink(String codec, long rollBytes, int maxOpenFiles) {
        return new ArchiveSink(new ArchiveSettings(root, codec, -1, rollBytes, Duration.ofSeconds(60), maxOpenFiles),
                new SimpleMeterRegistry(), clock::get);
    }

    private ArchiveSink sink() {
        return sink("deflate", Long.MAX_VALUE, 32);
    }

    private static Batch batch(TopicPartition partition, int from, int to) {
        return new Batch(TestStories.records(partition, from, to), Map.of(partition, (long) to));
    }

    @Test
    void rollByAgeWritesOneFilePerPublishDayNamedByPartitionAndOffsetRange() throws Exception {
        ArchiveSink sink = sink();
        sink.assign(Map.of(P0, 0L));

        sink.write(batch(P0, 0, 14));
        clock.addAndGet(60_000);
        sink.tick();

        List<Path> files = finishedFiles();
        assertThat(files).hasSize(TestStories.DAYS);
        assertThat(files).allSatisfy(f -> assertThat(f.getFileName().toString())
                .isEqualTo("news.enriched-0-000000000000-000000000013.avro"));
        assertThat(files).extracting(f -> f.getParent().getFileName().toString())
                .containsExactlyInAnyOrder("dt=2024-03-01", "dt=2024-03-02", "dt=2024-03-03", "dt=2024-03-04",
                        "dt=2024-03-05", "dt=2024-03-06", "dt=2024-03-07");
        assertThat(archivedIds()).containsExactlyInAnyOrderElementsOf(ids(0, 14));
        assertThat(sink.durableOffset(P0)).isEqualTo(14);
        assertThat(sink.stored()).isEqualTo(14);
    }

    @Test
    void storiesWithoutPublishTimeGoUnderTheirReceiveDay() throws Exception {
        ArchiveSink sink = sink();
        sink.assign(Map.of(P0, 9L));

        sink.write(new Batch(TestStories.records(P0, 9, 10), Map.of(P0, 10L)));
        sink.flush(List.of(P0));

        EnrichedStory story = TestStories.story(9);
        assertThat(story.getStory().getPublishedAt()).isNull();
        String day = "dt=" + ArchiveDays.day(story);
        assertThat(finishedFiles()).singleElement()
                .satisfies(f -> assertThat(f.getParent().getFileName().toString()).isEqualTo(day));
    }

    @Test
    void openRollIsNotDurableAndHiddenUntilFinished() throws Exception {
        ArchiveSink sink = sink();
        sink.assign(Map.of(P0, 0L));

        sink.write(batch(P0, 0, 5));

        assertThat(sink.durableOffset(P0)).isZero();
        assertThat(sink.nextOffset(P0)).isEqualTo(5);
        assertThat(finishedFiles()).isEmpty();
        assertThat(inProgressFiles()).isNotEmpty();

        sink.flush(List.of(P0));

        assertThat(sink.durableOffset(P0)).isEqualTo(5);
        assertThat(inProgressFiles()).isEmpty();
    }

    @Test
    void rollsBySizeOnDisk() throws Exception {
        ArchiveSink sink = sink("null", 200_000, 32);
        sink.assign(Map.of(P0, 0L));

        sink.write(batch(P0, 0, 1000));

        List<String> rolls = finishedFiles().stream().map(f -> f.getFileName().toString()).distinct().toList();
        assertThat(rolls).hasSizeGreaterThan(1);
        assertThat(rolls.get(0)).startsWith("news.enriched-0-000000000000-");
        assertThat(sink.durableOffset(P0)).isBetween(1L, 999L);
        sink.flush(List.of(P0));
        assertThat(archivedIds()).hasSize(1000).doesNotHaveDuplicates();
    }

    @Test
    void rollsBeforeAPartitionWouldHoldMoreOpenDaysThanAllowed() throws Exception {
        ArchiveSink sink = sink("deflate", Long.MAX_VALUE, 2);
        sink.assign(Map.of(P0, 0L));

        sink.write(batch(P0, 0, 5));

        assertThat(finishedFiles()).extracting(f -> f.getFileName().toString())
                .containsOnly("news.enriched-0-000000000000-000000000001.avro",
                        "news.enriched-0-000000000002-000000000003.avro");
        assertThat(sink.durableOffset(P0)).isEqualTo(4);
    }

    @Test
    void afterACrashUnfinishedFilesAreDeletedAndArchivedOffsetsSkipped() throws Exception {
        ArchiveSink before = sink();
        before.assign(Map.of(P0, 0L));
        before.write(batch(P0, 0, 10));
        before.flush(List.of(P0));
        before.write(batch(P0, 10, 15));
        assertThat(inProgressFiles()).isNotEmpty();
        // crash: no flush, no close; the committed offset lags behind the archive (5, not 10)

        ArchiveSink after = sink();
        after.assign(Map.of(P0, 5L));
        after.write(batch(P0, 5, 20));
        after.flush(List.of(P0));

        assertThat(inProgressFiles()).isEmpty();
        assertThat(archivedIds()).hasSize(20).containsExactlyInAnyOrderElementsOf(ids(0, 20));
        assertThat(after.stored()).isEqualTo(10);
    }

    @Test
    void aRollInterruptedWhileRenamingIsCompletedByRecovery() throws Exception {
        ArchiveSink before = sink();
        before.assign(Map.of(P0, 0L));
        before.write(batch(P0, 0, 7));
        before.flush(List.of(P0));
        // crash between renames: one file of the roll still has its in-progress name
        Path renamed = finishedFiles().get(3);
        Files.move(renamed, renamed.resolveSibling(ArchiveFileName.inProgressName(P0, 0)),
                StandardCopyOption.ATOMIC_MOVE);

        ArchiveSink after = sink();
        after.assign(Map.of(P0, 0L));
        after.write(batch(P0, 0, 9));
        after.flush(List.of(P0));

        assertThat(inProgressFiles()).isEmpty();
        assertThat(archivedIds()).hasSize(9).containsExactlyInAnyOrderElementsOf(ids(0, 9));
    }

    @Test
    void abortDropsTheOpenRollAndTheRewrittenRecordsLandOnce() throws Exception {
        ArchiveSink sink = sink();
        sink.assign(Map.of(P0, 0L));
        sink.write(batch(P0, 0, 4));
        sink.flush(List.of(P0));
        sink.write(batch(P0, 4, 8));

        sink.abort();

        assertThat(sink.nextOffset(P0)).isEqualTo(4);
        assertThat(sink.durableOffset(P0)).isEqualTo(4);
        sink.write(batch(P0, 4, 10));
        sink.flush(List.of(P0));
        assertThat(archivedIds()).hasSize(10).containsExactlyInAnyOrderElementsOf(ids(0, 10));
    }

    @Test
    void redeliveredRecordsOfTheOpenRollAreSkipped() throws Exception {
        ArchiveSink sink = sink();
        sink.assign(Map.of(P0, 0L));
        sink.write(batch(P0, 0, 6));

        sink.write(batch(P0, 3, 9));
        sink.flush(List.of(P0));

        assertThat(archivedIds()).hasSize(9).containsExactlyInAnyOrderElementsOf(ids(0, 9));
    }

    @Test
    void offsetsOfDeadLetteredRecordsStillMoveTheDurableOffset() throws Exception {
        ArchiveSink sink = sink();
        sink.assign(Map.of(P0, 0L));

        sink.write(new Batch(List.of(), Map.of(P0, 3L)));

        assertThat(sink.durableOffset(P0)).isEqualTo(3);
    }

    @Test
    void partitionsAreArchivedApart() throws Exception {
        TopicPartition p1 = new TopicPartition("news.enriched", 1);
        ArchiveSink sink = sink();
        sink.assign(Map.of(P0, 0L, p1, 0L));
        List<StoryRecord> records = new ArrayList<>(TestStories.records(P0, 0, 3));
        for (int n = 3; n < 6; n++) {
            records.add(new StoryRecord(p1, n - 3, TestStories.id(n), TestStories.story(n)));
        }

        sink.write(new Batch(records, Map.of(P0, 3L, p1, 3L)));
        sink.flush(List.of(P0));

        assertThat(sink.durableOffset(P0)).isEqualTo(3);
        assertThat(sink.durableOffset(p1)).isZero();
        assertThat(archivedIds()).containsExactlyInAnyOrderElementsOf(ids(0, 3));
    }

    @Test
    void zstdFilesEmbedTheSchemaAndReadBackWithPlainAvro() throws Exception {
        ArchiveSink sink = sink("zstd", Long.MAX_VALUE, 32);
        sink.assign(Map.of(P0, 0L));
        sink.write(batch(P0, 0, 7));
        sink.flush(List.of(P0));

        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(finishedFiles().get(0).toFile(),
                new GenericDatumReader<>())) {
            assertThat(reader.getMetaString("avro.codec")).isEqualTo("zstandard");
            assertThat(reader.getSchema().getFullName()).isEqualTo("io.wirewatch.avro.EnrichedStory");
            assertThat(reader.getMetaString("wirewatch.topic")).isEqualTo("news.enriched");
            assertThat(reader.hasNext()).isTrue();
        }
    }

    @Test
    void aRecordOfAnUnassignedPartitionIsAProgrammingError() {
        ArchiveSink sink = sink();

        assertThatThrownBy(() -> sink.write(batch(P0, 0, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never assigned");
    }

    private List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(TestStories::id).toList();
    }

    private List<Path> finishedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> ArchiveFileName.parse(f.getFileName().toString()).isPresent()).sorted()
                    .toList();
        }
    }

    private List<Path> inProgressFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> ArchiveFileName.parseInProgress(f.getFileName().toString()).isPresent())
                    .toList();
        }
    }

    private List<String> archivedIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path file : finishedFiles()) {
            for (EnrichedStory story : ArchiveReader.read(file)) {
                ids.add(story.getStory().getId());
            }
        }
        return ids;
    }
}
