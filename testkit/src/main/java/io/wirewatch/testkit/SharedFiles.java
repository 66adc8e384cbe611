package io.wirewatch.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds third-party material in {@code ../shared} (a sibling of the repository), which tests read but never copy
 * into the project. Tests run in a module directory, so the search walks up from the working directory.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** {@code shared/<relative>} in the nearest ancestor that has it, if any. */
    public static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
