package io.wirewatch.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * IPTC ninjs (1.x, 2.x and 3.x spellings): one JSON object per story, or an array of them (a bad element is a
 * failure of its own, the others go through). Body from {@code body_html} (stripped to paragraphs), else
 * {@code body_text} or ninjs 3.x {@code bodies[]}. Id from {@code uri}.
 */
public final class NinjsParser implements StoryParser {

    @Override
    public Parsed parse(byte[] input, SourceMeta meta) throws ParseException {
        TextDecoder.Decoded decoded = TextDecoder.decode(input, meta.contentType(), meta.location());
        if (decoded.text().isBlank()) {
            throw new ParseException(ParseException.Reason.EMPTY, meta.location(), null,
                    "the ninjs document is empty; send one story object");
        }
        JsonNode root = Json.read(decoded.text(), meta.location(), null);
        List<String> warnings = new ArrayList<>();
        decoded.warnTo(warnings, meta.location());
        if (!root.isArray()) {
            StoryDraft draft = NinjsReader.read(root, StoryFormat.NINJS, meta.location(), null);
            return Parsed.of(List.of(StoryAssembler.assemble(draft, meta, decoded.replaced())), warnings);
        }
        List<RawStory> stories = new ArrayList<>();
        List<ParseException> failures = new ArrayList<>();
        int index = 0;
        for (JsonNode element : root) {
            try {
                StoryDraft draft = NinjsReader.read(element, StoryFormat.NINJS, meta.location() + "#" + index, null);
                stories.add(StoryAssembler.assemble(draft, meta, decoded.replaced()));
            } catch (ParseException e) {
                failures.add(e);
            }
            index++;
        }
        if (stories.isEmpty() && failures.isEmpty()) {
            throw new ParseException(ParseException.Reason.EMPTY, meta.location(), null,
                    "the ninjs array holds no story; send at least one story object");
        }
        return new Parsed(stories, failures, warnings);
    }
}
