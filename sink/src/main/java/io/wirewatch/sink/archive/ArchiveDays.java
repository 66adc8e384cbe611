package io.wirewatch.sink.archive;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which day a story is archived under: the UTC date it was published, or, for a story without a publish time, the
 * date ingest received it. The same instant orders stories when the archive is read back.
 */
public final class ArchiveDays {

    private ArchiveDays() {
    }

    /** The story's publish time, else its receive time. */
    public static Instant eventTime(EnrichedStory story) {
        RawStory raw = story.getStory();
        return raw.getPublishedAt() != null ? raw.getPublishedAt() : raw.getReceivedAt();
    }

    public static LocalDate day(EnrichedStory story) {
        return LocalDate.ofInstant(eventTime(story), ZoneOffset.UTC);
    }

    /** {@code dt=2024-03-05}. */
    public static String directoryName(LocalDate day) {
        return ArchiveFileName.DAY_PREFIX + day;
    }

    /** The day of a {@code dt=YYYY-MM-DD} directory name, or empty. */
    public static Optional<LocalDate> parseDirectoryName(String name) {
        if (!name.startsWith(ArchiveFileName.DAY_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(name.substring(ArchiveFileName.DAY_PREFIX.length())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
