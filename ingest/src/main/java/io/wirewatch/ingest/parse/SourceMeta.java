package io.wirewatch.ingest.parse;

import java.time.Instant;
import java.util.Objects;

/**
 * What a parser knows about an input besides its bytes.
 *
 * @param source configured name of the source (the story's {@code source} field, part of hash ids)
 * @param location where the input was read: file path, feed URL or HTTP request id (provenance, dead letters)
 * @param name file name or URL path, for format detection by extension; may be null
 * @param contentType MIME type with optional charset parameter, as an HTTP header gives it; may be null
 * @param receivedAt when ingest read the input
 * @param instance id of the ingest instance
 * @param version wirewatch version of the ingest instance
 */
public record SourceMeta(String source, String location, String name, String contentType, Instant receivedAt,
                         String instance, String version) {

    public SourceMeta {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(version, "version");
    }

    /** The same input with another content type. */
    public SourceMeta withContentType(String type) {
        return new SourceMeta(source, location, name, type, receivedAt, instance, version);
    }
}
