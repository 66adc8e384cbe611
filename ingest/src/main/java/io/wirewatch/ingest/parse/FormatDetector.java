package io.wirewatch.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Picks the format of an input: the content type first (HTTP), then the file extension, then the content itself
 * (JSON object or array, several JSON objects on their own lines, XML root element, else plain text). Generic
 * XML types and extensions are sniffed to tell NewsML-G2 from feeds.
 */
public final class FormatDetector {

    private static final int SNIFF_BYTES = 8 * 1024;

    private FormatDetector() {
    }

    public static InputFormat detect(String contentType, String name, byte[] input) {
        InputFormat byType = byContentType(contentType);
        if (byType != null) {
            return byType == InputFormat.NEWSML ? sniffXml(input) : byType;
        }
        InputFormat byName = byExtension(name);
        if (byName != null) {
            return byName == InputFormat.NEWSML ? sniffXml(input) : byName;
        }
        return sniff(input);
    }

    /** The format a MIME type names, or null for none or a generic one. XML types return NEWSML (to be sniffed). */
    public static InputFormat byContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq")
                || type.contains("jsonlines")) {
            return InputFormat.JSONL;
        }
        if (type.contains("rss") || type.contains("atom") || type.contains("rdf")) {
            return InputFormat.FEED;
        }
        if (type.contains("json")) {
            return InputFormat.NINJS;
        }
        if (type.contains("xml") || type.contains("newsml") || type.contains("g2")) {
            return InputFormat.NEWSML;
        }
        if (type.startsWith("text/plain")) {
            return InputFormat.TEXT;
        }
        return null;
    }

    /** The format a file name's extension names, or null. XML extensions return NEWSML (to be sniffed). */
    static InputFormat byExtension(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0 || lower.lastIndexOf('/') > dot) {
            return null;
        }
        switch (lower.substring(dot + 1)) {
            case "txt": case "text": case "wire": return InputFormat.TEXT;
            case "json": case "ninjs": return InputFormat.NINJS;
            case "jsonl": case "ndjson": return InputFormat.JSONL;
            case "rss": case "atom": case "rdf": return InputFormat.FEED;
            case "xml": case "newsml": case "nml": case "g2": return InputFormat.NEWSML;
            default: return null;
        }
    }

    /** The format the content looks like. */
    static InputFormat sniff(byte[] input) {
        String head = head(input).stripLeading();
        if (head.startsWith("<")) {
            return sniffXml(input);
        }
        if (head.startsWith("[")) {
            return InputFormat.NINJS;
        }
        if (head.startsWith("{")) {
            String[] lines = head.split("\\r?\\n");
            int objectLines = 0;
            for (String line : lines) {
                String l = line.strip();
                if (l.startsWith("{") && l.endsWith("}")) {
                    objectLines++;
                }
            }
            return objectLines >= 2 ? InputFormat.JSONL : InputFormat.NINJS;
        }
        return InputFormat.TEXT;
    }

    /** NEWSML unless the root element is a feed's. */
    static InputFormat sniffXml(byte[] input) {
        String head = head(input);
        if (head.contains("<rss") || head.contains("<feed") || head.contains(":RDF") || head.contains("<rdf")
                || head.contains("<channel")) {
            return InputFormat.FEED;
        }
        return InputFormat.NEWSML;
    }

    /** The first bytes as text: ASCII-compatible or UTF-16 (NULs dropped), BOM dropped. */
    private static String head(byte[] input) {
        int n = Math.min(input.length, SNIFF_BYTES);
        String head = new String(input, 0, n, StandardCharsets.ISO_8859_1).replace("\u0000", "");
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(3);
        } else if (head.startsWith("\u00FE\u00FF") || head.startsWith("\u00FF\u00FE")) {
            head = head.substring(2);
        }
        return head;
    }
}
