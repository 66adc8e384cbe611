package io.wirewatch.tagger.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a JSON-lines story file line by line, skipping blank lines. */
final class StoryFiles {

    private StoryFiles() {
    }

    /** Calls {@code handler} with (line number, text) for each non-blank line. */
    static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    handler.handle(n, line);
                }
            }
        }
    }

    interface LineHandler {
        void handle(int line, String text);
    }
}
