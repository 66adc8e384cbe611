package io.wirewatch.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/**
 * Reads a directory of {@code .avsc} files that may refer to each other by full name, in whatever order they need.
 */
public final class SchemaFiles {

    private SchemaFiles() {
    }

    /**
     * Parses every {@code .avsc} file in {@code dir}. Files that name a type defined in another file are retried
     * after it, so no import order has to be written down.
     *
     * @return the top-level schema of each file, by full name
     * @throws IllegalArgumentException naming the file when a schema cannot be parsed
     */
    public static Map<String, Schema> parseDirectory(Path dir) {
        List<Path> pending;
        try (Stream<Path> files = Files.list(dir)) {
            pending = new ArrayList<>(files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list schema directory " + dir, e);
        }
        Map<String, Schema> parsed = new LinkedHashMap<>();
        Map<String, Schema> knownTypes = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<Path> retry = new ArrayList<>();
            AvroRuntimeException lastFailure = null;
            for (Path file : pending) {
                Schema.Parser parser = new Schema.Parser();
                parser.addTypes(knownTypes.values());
                try {
                    Schema schema = parser.parse(Files.readString(file));
                    parsed.put(schema.getFullName(), schema);
                    knownTypes.putAll(parser.getTypes());
                } catch (AvroRuntimeException e) {
                    lastFailure = e;
                    retry.add(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read schema file " + file, e);
                }
            }
            if (retry.size() == pending.size()) {
                throw new IllegalArgumentException("Cannot parse schema file " + retry.get(0) + ": "
                        + (lastFailure == null ? "unknown error" : lastFailure.getMessage()), lastFailure);
            }
            pending = retry;
        }
        return parsed;
    }
}
