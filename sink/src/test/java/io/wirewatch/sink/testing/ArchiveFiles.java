package io.wirewatch.sink.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/** What an archive directory holds, seen without any wirewatch code: file names and Avro's own reader. */
public final class ArchiveFiles {

    private ArchiveFiles() {
    }

    /** Finished files: {@code *.avro}, not hidden. */
    public static List<Path> finished(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".avro")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Files still being written (or left by a crash). */
    public static List<Path> inProgress(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".inprogress")).toList();
        }
    }

    /** The story id of every record in every finished file, read by Avro's {@link DataFileReader}. */
    public static List<String> storyIds(Path root) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path file : finished(root)) {
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(),
                    new GenericDatumReader<>())) {
                for (GenericRecord record : reader) {
                    ids.add(((GenericRecord) record.get("story")).get("id").toString());
                }
            }
        }
        return ids;
    }
}
