package io.wirewatch.sink.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes directory entries durable: after creating or renaming a file, its directory must be fsync'd too. */
final class Fsync {

    private Fsync() {
    }

    /** Fsyncs a directory (a no-op where the platform cannot open directories, such as Windows). */
    static void directory(Path dir) throws IOException {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
