package io.wirewatch.ingest.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Test inputs: the project's own samples (test resources) and the third-party texts in ../shared (read only). */
public final class Fixtures {

    public static final Instant RECEIVED = Instant.parse("2024-09-01T12:00:00Z");

    private Fixtures() {
    }

    /** Metadata of a test input read from {@code location}. */
    public static SourceMeta meta(String location) {
        return new SourceMeta("test-source", location, location, null, RECEIVED, "test-instance", "test-version");
    }

    public static SourceMeta meta(String location, String contentType) {
        return meta(location).withContentType(contentType);
    }

    /** A sample under src/test/resources/samples. */
    public static byte[] sample(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource samples/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file of the shared directory next to the repository ({@code ../shared} from the repo root), or the test is
     * skipped with the reason when it is absent.
     */
    public static Path shared(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "shared/" + relative + " is not next to the repository; third-party fixture skipped");
        return null;
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
