package io.wirewatch.sink.archive;

import io.wirewatch.avro.EnrichedStory;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open files of one partition between two rolls, one per publish day, written under hidden in-progress names.
 * {@link #finish()} makes them durable in two phases: first every file is flushed, fsync'd and closed and every
 * directory fsync'd; only then is each renamed to its final name (atomically) and the directories fsync'd again. A
 * crash in phase one leaves only in-progress files (recovery deletes them: nothing was durable); a crash in phase two
 * leaves some final files, which tells recovery that the rest of the roll is complete and can be renamed.
 */
final class PartitionRoll {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRoll.class);

    private final TopicPartition partition;
    private final Path root;
    private final ArchiveSettings settings;
    private final long firstOffset;
    private final long openedAtMs;
    private final Map<LocalDate, OpenFile> files = new TreeMap<>();
    private long lastOffset = -1;
    private int records;

    private static final class OpenFile {
        final Path dir;
        final Path temp;
        final FileOutputStream out;
        final DataFileWriter<EnrichedStory> writer;
        boolean closed;

        OpenFile(Path dir, Path temp, FileOutputStream out, DataFileWriter<EnrichedStory> writer) {
            this.dir = dir;
            this.temp = temp;
            this.out = out;
            this.writer = writer;
        }
    }

    PartitionRoll(TopicPartition partition, Path root, ArchiveSettings settings, long firstOffset, long openedAtMs) {
        this.partition = partition;
        this.root = root;
        this.settings = settings;
        this.firstOffset = firstOffset;
        this.openedAtMs = openedAtMs;
    }

    long firstOffset() {
        return firstOffset;
    }

    long openedAtMs() {
        return openedAtMs;
    }

    int records() {
        return records;
    }

    long lastOffset() {
        return lastOffset;
    }

    int openFiles() {
        return files.size();
    }

    boolean hasFileFor(LocalDate day) {
        return files.containsKey(day);
    }

    /** Bytes the open files hold on disk (Avro buffers up to one block per file beyond this). */
    long bytes() throws IOException {
        long bytes = 0;
        for (OpenFile file : files.values()) {
            bytes += file.out.getChannel().position();
        }
        return bytes;
    }

    /** Appends a story to the file of its day, opening that file on first use. */
    void append(EnrichedStory story, long offset) throws IOException {
        LocalDate day = ArchiveDays.day(story);
        OpenFile file = files.get(day);
        if (file == null) {
            file = open(day);
            files.put(day, file);
        }
        file.writer.append(story);
        lastOffset = offset;
        records++;
    }

    private OpenFile open(LocalDate day) throws IOException {
        Path dir = root.resolve(ArchiveDays.directoryName(day));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Fsync.directory(root);
        }
        Path temp = dir.resolve(ArchiveFileName.inProgressName(partition, firstOffset));
        FileOutputStream out = new FileOutputStream(temp.toFile());
        DataFileWriter<EnrichedStory> writer = new DataFileWriter<>(new SpecificDatumWriter<>(EnrichedStory.class));
        try {
            writer.setCodec(settings.codecFactory());
            writer.setMeta("wirewatch.topic", partition.topic());
            writer.setMeta("wirewatch.partition", partition.partition());
            writer.setMeta("wirewatch.roll.first", firstOffset);
            writer.create(EnrichedStory.getClassSchema(), out);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer);
            out.close();
            throw e;
        }
        return new OpenFile(dir, temp, out, writer);
    }

    /**
     * Makes the roll durable under its final names (see the class comment for the two phases).
     *
     * @return the finished files
     */
    List<Path> finish() throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (OpenFile file : files.values()) {
            file.writer.flush();
            file.out.getChannel().force(true);
            file.writer.close();
            file.closed = true;
            dirs.add(file.dir);
        }
        for (Path dir : dirs) {
            Fsync.directory(dir);
        }
        String name = new ArchiveFileName(partition.topic(), partition.partition(), firstOffset, lastOffset)
                .fileName();
        List<Path> finished = new ArrayList<>();
        for (OpenFile file : files.values()) {
            Path target = file.dir.resolve(name);
            Files.move(file.temp, target, StandardCopyOption.ATOMIC_MOVE);
            finished.add(target);
        }
        for (Path dir : dirs) {
            Fsync.directory(dir);
        }
        return finished;
    }

    /** Closes the files without finishing them; recovery deletes them later (their records are read again). */
    void abandon() {
        for (OpenFile file : files.values()) {
            if (!file.closed) {
                closeQuietly(file.writer);
                file.closed = true;
            }
        }
    }

    private void closeQuietly(DataFileWriter<EnrichedStory> writer) {
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing an abandoned archive file of {} failed: {}", partition, e.toString());
        }
    }
}
