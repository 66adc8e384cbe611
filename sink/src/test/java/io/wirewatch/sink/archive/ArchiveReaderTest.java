package io.wirewatch.sink.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.sink.pipeline.Batch;
import io.wirewatch.sink.pipeline.StoryRecord;
import io.wirewatch.sink.testing.TestStories;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

    private static final TopicPartition P0 = new TopicPartition("news.enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("news.enriched", 1);

    @TempDir
    Path root;

    private void archive(int count) throws Exception {
        ArchiveSink sink = new ArchiveSink(new ArchiveSettings(root, "deflate", -1, Long.MAX_VALUE,
                Duration.ofMinutes(1), 32), new SimpleMeterRegistry(), System::currentTimeMillis);
        sink.assign(Map.of(P0, 0L, P1, 0L));
        int half = count / 2;
        sink.write(new Batch(TestStories.records(P0, 0, half), Map.of(P0, (long) half)));
        sink.flush(List.of(P0));
        sink.write(new Batch(TestStories.records(P1, half, count).stream()
                .map(r -> new StoryRecord(P1, r.offset() - half, r.key(), r.story()))
                .toList(), Map.of(P1, (long) (count - half))));
        sink.flush(List.of(P1));
        // a roll still being written is never read
        sink.write(new Batch(TestStories.records(P0, count, count + 5), Map.of(P0, (long) count + 5)));
        sink.close();
    }

    @Test
    void listsTheDaysItHolds() throws Exception {
        archive(70);

        assertThat(new ArchiveReader(root).days()).containsExactly(LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-03-02"), LocalDate.parse("2024-03-03"), LocalDate.parse("2024-03-04"),
                LocalDate.parse("2024-03-05"), LocalDate.parse("2024-03-06"), LocalDate.parse("2024-03-07"));
    }

    @Test
    void readsADateRangeInPublishTimeOrderWithoutUnfinishedFiles() throws Exception {
        archive(70);

        List<EnrichedStory> stories = new ArchiveReader(root)
                .stories(LocalDate.parse("2024-03-02"), LocalDate.parse("2024-03-04")).toList();

        assertThat(stories).hasSize(30);
        assertThat(stories).extracting(ArchiveDays::eventTime).isSorted()
                .allSatisfy(t -> assertThat(t).isBetween(Instant.parse("2024-03-02T00:00:00Z"),
                        Instant.parse("2024-03-04T23:59:59Z")));
        assertThat(stories).extracting(s -> s.getStory().getId()).doesNotHaveDuplicates()
                .doesNotContain(TestStories.id(71));
    }

    @Test
    void anEmptyOrMissingArchiveHoldsNothing() {
        ArchiveReader reader = new ArchiveReader(root.resolve("nothing-here"));

        assertThat(reader.days()).isEmpty();
        assertThat(reader.stories(LocalDate.MIN, LocalDate.MAX)).isEmpty();
    }

    @Test
    void aDamagedFileIsNamedInTheError() throws Exception {
        Path day = Files.createDirectories(root.resolve("dt=2024-03-01"));
        Path damaged = Files.writeString(day.resolve("news.enriched-0-000000000000-000000000009.avro"), "not avro");

        assertThatThrownBy(() -> new ArchiveReader(root).storiesOn(LocalDate.parse("2024-03-01")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(damaged.toString())
                .hasMessageContaining("move it out of the archive");
    }
}
