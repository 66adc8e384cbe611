package io.wirewatch.ingest.parse;

import java.util.EnumMap;
import java.util.Map;

/**
 * The entry point for every source: refuses empty and oversized inputs, picks the format (given, or detected by
 * {@link FormatDetector}) and runs its parser. Whatever goes wrong comes out as a {@link ParseException}; a reader
 * failing in an unexpected way is reported as {@link ParseException.Reason#UNREADABLE} so one odd input never stops
 * a source.
 */
public final class Parsers {

    private final long maxInputBytes;
    private final Map<InputFormat, StoryParser> parsers = new EnumMap<>(InputFormat.class);
    private final JsonLinesParser jsonLines = new JsonLinesParser();

    /** @param maxInputBytes largest input accepted (JSON Lines files read line by line are limited per line) */
    public Parsers(long maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
        parsers.put(InputFormat.TEXT, new WireTextParser());
        parsers.put(InputFormat.NINJS, new NinjsParser());
        parsers.put(InputFormat.NEWSML, new NewsMlParser());
        parsers.put(InputFormat.FEED, new FeedParser());
        parsers.put(InputFormat.JSONL, jsonLines);
    }

    public long maxInputBytes() {
        return maxInputBytes;
    }

    /** The format an input is in: {@code format} when given, else detected from content type, name, content. */
    public InputFormat formatOf(InputFormat format, SourceMeta meta, byte[] input) {
        return format != null ? format : FormatDetector.detect(meta.contentType(), meta.name(), input);
    }

    /**
     * @param format the format when the source knows it, else null to detect it
     */
    public Parsed parse(byte[] input, SourceMeta meta, InputFormat format) throws ParseException {
        if (input.length > maxInputBytes) {
            throw tooLarge(meta.location(), input.length, maxInputBytes);
        }
        if (input.length == 0) {
            throw new ParseException(ParseException.Reason.EMPTY, meta.location(), null,
                    "the input is empty (0 bytes); send a story");
        }
        InputFormat actual = formatOf(format, meta, input);
        try {
            return parsers.get(actual).parse(input, meta);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ParseException(ParseException.Reason.UNREADABLE, meta.location(), null,
                    "the " + actual + " reader failed on this input (" + e + "); the input is kept in the dead "
                            + "letter: report it as a wirewatch bug", e);
        }
    }

    /** One line of a JSON Lines input read line by line; see {@link JsonLinesParser#parseLine(byte[], long, SourceMeta)}. */
    public JsonLinesParser jsonLines() {
        return jsonLines;
    }

    /** The error for an input over the limit, naming both sizes and the setting. */
    public static ParseException tooLarge(String location, long size, long limit) {
        return new ParseException(ParseException.Reason.TOO_LARGE, location, null,
                "the input is " + size + " bytes, over the limit of " + limit + " bytes (ingest.max.input.bytes); "
                        + "split it (JSON Lines files are read line by line and may be of any size) or raise the "
                        + "limit");
    }
}
