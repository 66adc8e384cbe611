package io.wirewatch.sink.archive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one partition's part of the archive to a consistent state after a crash and tells how far it reaches.
 * In-progress files of a roll that has at least one finished file were complete when the crash came (renaming starts
 * only after every file of the roll is fsync'd), so they are renamed; all other in-progress files are deleted, their
 * records are read again from Kafka. The highest last offset among finished files is returned: records at or below it
 * are in the archive and are skipped when they are delivered again.
 */
final class ArchiveRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRecovery.class);

    /** What recovery did. */
    record Result(long archivedUpTo, int completed, int deleted) {
    }

    private ArchiveRecovery() {
    }

    static Result recover(Path root, TopicPartition partition) throws IOException {
        if (!Files.isDirectory(root)) {
            return new Result(-1, 0, 0);
        }
        Map<Long, ArchiveFileName> finishedByFirst = new HashMap<>();
        List<Path> inProgress = new ArrayList<>();
        long archivedUpTo = -1;
        for (Path day : days(root)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(day)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    Optional<ArchiveFileName> finished = ArchiveFileName.parse(name);
                    if (finished.isPresent() && finished.get().belongsTo(partition)) {
                        finishedByFirst.put(finished.get().firstOffset(), finished.get());
                        archivedUpTo = Math.max(archivedUpTo, finished.get().lastOffset());
                    } else if (ArchiveFileName.parseInProgress(name).filter(p -> p.belongsTo(partition))
                            .isPresent()) {
                        inProgress.add(file);
                    }
                }
            }
        }
        int completed = 0;
        int deleted = 0;
        Set<Path> touched = new LinkedHashSet<>();
        for (Path temp : inProgress) {
            long first = ArchiveFileName.parseInProgress(temp.getFileName().toString()).orElseThrow().firstOffset();
            ArchiveFileName finished = finishedByFirst.get(first);
            Path target = finished == null ? null : temp.resolveSibling(finished.fileName());
            if (target != null && !Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Completed an interrupted roll of {}: {}", partition, target);
                completed++;
            } else {
                Files.delete(temp);
                LOG.info("Removed unfinished archive file {}; its records are read again from Kafka", temp);
                deleted++;
            }
            touched.add(temp.getParent());
        }
        for (Path dir : touched) {
            Fsync.directory(dir);
        }
        return new Result(archivedUpTo, completed, deleted);
    }

    /** The {@code dt=YYYY-MM-DD} directories under the root. */
    static List<Path> days(Path root) throws IOException {
        List<Path> days = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)
                        && ArchiveDays.parseDirectoryName(entry.getFileName().toString()).isPresent()) {
                    days.add(entry);
                }
            }
        }
        return days;
    }
}
