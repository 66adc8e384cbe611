package io.wirewatch.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Stable story ids and content hashes, as the data contract defines them. The id is the source's own id when it has
 * one (ninjs {@code uri}, NewsML-G2 {@code guid}, RSS {@code guid}, Atom {@code id}), else
 * {@code sha256:} + hex SHA-256 of the source name, the normalized headline and the normalized body. The content hash
 * is {@code sha256:} + hex SHA-256 of the normalized headline and paragraph texts. Normalized means
 * {@link Texts#clean} then lower-cased (ROOT locale), so whitespace and case changes between replays keep the id.
 * Fields are separated by a newline and the missing headline counts as empty.
 */
public final class StoryIds {

    public static final String PREFIX = "sha256:";

    private StoryIds() {
    }

    /** The source id when present and not blank, else the hash id. */
    public static String id(String sourceId, String source, String headline, List<String> paragraphs) {
        String own = Texts.clean(sourceId);
        if (own != null) {
            return own;
        }
        StringBuilder material = new StringBuilder(source).append('\n').append(normalized(headline));
        for (String p : paragraphs) {
            material.append('\n').append(normalized(p));
        }
        return sha256(material.toString());
    }

    /** Hash of the normalized headline and paragraph texts. */
    public static String contentHash(String headline, List<String> paragraphs) {
        StringBuilder material = new StringBuilder(normalized(headline));
        for (String p : paragraphs) {
            material.append('\n').append(normalized(p));
        }
        return sha256(material.toString());
    }

    /** {@code sha256:} + hex SHA-256 of the UTF-8 bytes. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String normalized(String text) {
        String clean = Texts.clean(text);
        return clean == null ? "" : clean.toLowerCase(Locale.ROOT);
    }
}
