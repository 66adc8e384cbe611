package io.wirewatch.ingest.source;

import io.wirewatch.ingest.parse.StoryIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Identity of a file's content in the progress topic: source, name and the SHA-256 of its bytes. */
public final class FileKeys {

    private FileKeys() {
    }

    /** The progress key: {@code kind|source|name|sha256:...}. */
    public static String key(String kind, String source, String name, String contentHash) {
        return kind + "|" + source + "|" + name + "|" + contentHash;
    }

    /** {@code sha256:} + hex SHA-256 of the file, read as a stream. */
    public static String hash(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) != -1) {
                // reading feeds the digest
            }
            return StoryIds.PREFIX + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
