package io.wirewatch.sink.archive;

import io.wirewatch.avro.EnrichedStory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads the archive back: the days it holds, the finished files of a day, and the stories of a date range in
 * publish-time order (what {@code wirewatch replay --archive} feeds back into the pipeline). Files being written
 * (hidden in-progress names) are never read. Older files are read with the current EnrichedStory schema through Avro
 * schema resolution.
 *
 * <p>Within a day, files are not sorted by publish time (they follow Kafka order), so a day is read whole and sorted
 * in memory: the memory used is about one day of stories. Days are contiguous in event time, so concatenating sorted
 * days gives the whole range in order.
 */
public final class ArchiveReader {

    /** Publish time (receive time when none), then story id: a total, repeatable order. */
    public static final Comparator<EnrichedStory> EVENT_ORDER = Comparator
            .comparing(ArchiveDays::eventTime)
            .thenComparing(story -> story.getStory().getId());

    private final Path root;

    public ArchiveReader(Path root) {
        this.root = root;
    }

    /** The days the archive holds stories of, ascending. */
    public List<LocalDate> days() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try {
            return ArchiveRecovery.days(root).stream()
                    .map(dir -> ArchiveDays.parseDirectoryName(dir.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the archive at " + root + ": " + e.getMessage(), e);
        }
    }

    /** The finished files of a day, by name (partition, then offset). */
    public List<Path> files(LocalDate day) {
        Path dir = root.resolve(ArchiveDays.directoryName(day));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (ArchiveFileName.parse(entry.getFileName().toString()).isPresent()) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list archive directory " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing((Path p) -> ArchiveFileName.parse(p.getFileName().toString()).orElseThrow(),
                Comparator.comparing(ArchiveFileName::topic).thenComparingInt(ArchiveFileName::partition)
                        .thenComparingLong(ArchiveFileName::firstOffset)));
        return files;
    }

    /** The stories of one day in {@link #EVENT_ORDER}. */
    public List<EnrichedStory> storiesOn(LocalDate day) {
        List<EnrichedStory> stories = new ArrayList<>();
        for (Path file : files(day)) {
            stories.addAll(read(file));
        }
        stories.sort(EVENT_ORDER);
        return stories;
    }

    /**
     * The stories published from {@code from} to {@code to} (UTC dates, both inclusive), in {@link #EVENT_ORDER},
     * read one day at a time as the stream is consumed.
     */
    public Stream<EnrichedStory> stories(LocalDate from, LocalDate to) {
        return days().stream()
                .filter(day -> !day.isBefore(from) && !day.isAfter(to))
                .flatMap(day -> storiesOn(day).stream());
    }

    /** Every story of one archive file, in file order. */
    public static List<EnrichedStory> read(Path file) {
        List<EnrichedStory> stories = new ArrayList<>();
        try (DataFileReader<EnrichedStory> reader = new DataFileReader<>(file.toFile(),
                new SpecificDatumReader<>(EnrichedStory.class))) {
            for (EnrichedStory story : reader) {
                stories.add(story);
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("Cannot read archive file " + file + ": " + e.getMessage()
                    + ". The file is damaged: move it out of the archive and, if its offsets are still retained in "
                    + "Kafka, reset the sink's group to them to archive them again", e instanceof IOException io
                    ? io : new IOException(e));
        }
        return stories;
    }
}
