package io.wirewatch.ingest.parse;

import java.util.Locale;
import java.util.Optional;

/** The input formats ingest reads. One parser each; RSS and Atom share the feed parser. */
public enum InputFormat {
    /** Plain wire text: optional headers, an optional {@code date YYYY-MM-DD} marker, blank-line paragraphs. */
    TEXT,
    /** IPTC ninjs 1.x to 3.x JSON, one story per document (or an array of them). */
    NINJS,
    /** IPTC NewsML-G2 XML: a newsItem, or a newsMessage of them. */
    NEWSML,
    /** RSS 0.9x to 2.0, RDF or Atom 0.3/1.0: one story per item or entry. */
    FEED,
    /** JSON Lines: one ninjs-like object per line. */
    JSONL;

    /** The format named by a configuration value or CLI option (case-insensitive; rss and atom mean FEED). */
    public static Optional<InputFormat> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "text": case "txt": case "wire": return Optional.of(TEXT);
            case "ninjs": case "json": return Optional.of(NINJS);
            case "newsml": case "newsml-g2": case "xml": return Optional.of(NEWSML);
            case "feed": case "rss": case "atom": return Optional.of(FEED);
            case "jsonl": case "ndjson": case "json-lines": return Optional.of(JSONL);
            default: return Optional.empty();
        }
    }
}
