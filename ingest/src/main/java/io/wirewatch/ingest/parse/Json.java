package io.wirewatch.ingest.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON reading with bounded nesting and string sizes, and errors that say where the document broke. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200)
                    .maxStringLength(20_000_000).maxNumberLength(100).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /**
     * @param line the 1-based line of this text in its input (JSON Lines), or null to report the parser's own line
     */
    static JsonNode read(String text, String location, Long line) throws ParseException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ParseException(ParseException.Reason.EMPTY, location, line,
                        "the JSON document is empty; send one story object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long errorLine = line != null ? line : at == null ? 1 : Math.max(1, at.getLineNr());
            String column = at == null ? "" : " at column " + at.getColumnNr();
            throw new ParseException(ParseException.Reason.MALFORMED_JSON, location, errorLine,
                    "not valid JSON" + column + " (" + e.getOriginalMessage() + "); fix the JSON and send it again",
                    e);
        }
    }
}
