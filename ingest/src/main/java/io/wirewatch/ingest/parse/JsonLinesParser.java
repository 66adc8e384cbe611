package io.wirewatch.ingest.parse;

import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines of ninjs-like objects (see {@link NinjsReader} for the fields): one story per line. A line that cannot
 * be read is a failure with its 1-based line number; the other lines still go through. Blank lines are skipped.
 * Large dumps are read line by line with {@link #parseLine}, so a file never has to fit in memory.
 */
public final class JsonLinesParser implements StoryParser {

    @Override
    public Parsed parse(byte[] input, SourceMeta meta) throws ParseException {
        TextDecoder.Decoded decoded = TextDecoder.decode(input, meta.contentType(), meta.location());
        String[] lines = decoded.text().split("\\r?\\n|\\r", -1);
        List<RawStory> stories = new ArrayList<>();
        List<ParseException> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        decoded.warnTo(warnings, meta.location());
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                stories.add(parseLine(lines[i], i + 1L, meta));
            } catch (ParseException e) {
                failures.add(e);
            }
        }
        if (stories.isEmpty() && failures.isEmpty()) {
            throw new ParseException(ParseException.Reason.EMPTY, meta.location(), null,
                    "the JSON Lines input holds no line with a story; send one JSON object per line");
        }
        return new Parsed(stories, failures, warnings);
    }

    /**
     * One line of a JSON Lines input.
     *
     * @param lineNumber 1-based line number in the input, for ids of provenance and failures
     */
    public RawStory parseLine(String line, long lineNumber, SourceMeta meta) throws ParseException {
        StoryDraft draft = NinjsReader.read(Json.read(line, meta.location(), lineNumber), StoryFormat.JSONL,
                meta.location(), lineNumber);
        return StoryAssembler.assemble(draft, meta, (int) line.chars().filter(c -> c == '\uFFFD').count());
    }

    /** One raw line of a JSON Lines file, decoded as UTF-8 with replacement. */
    public RawStory parseLine(byte[] line, long lineNumber, SourceMeta meta) throws ParseException {
        try {
            return parseLine(TextDecoder.decode(line, meta.contentType(), meta.location()).text(), lineNumber, meta);
        } catch (ParseException e) {
            throw e.line() == null ? e.atLine(lineNumber) : e;
        }
    }
}
