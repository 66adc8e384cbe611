package io.wirewatch.ingest.parse;

/**
 * Turns the bytes of one input into stories: a pure function (no I/O, no clock, no randomness; the same bytes and
 * metadata give the same stories). Implementations are thread-safe.
 */
public interface StoryParser {

    /**
     * @return the stories of the input, and the parts of it that could not be read (each with its own location)
     * @throws ParseException when the input as a whole cannot be read; nothing else escapes
     */
    Parsed parse(byte[] input, SourceMeta meta) throws ParseException;
}
