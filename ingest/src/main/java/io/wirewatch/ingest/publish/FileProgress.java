package io.wirewatch.ingest.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How far ingest got with one input, as recorded in the progress topic in the same transaction as its stories.
 *
 * @param lines lines of a JSON Lines file committed so far (0 for other formats)
 * @param complete whether the whole input is committed
 * @param stories stories committed for the input so far
 * @param deadLetters dead letters committed for the input so far
 */
public record FileProgress(long lines, boolean complete, long stories, long deadLetters) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final FileProgress NONE = new FileProgress(0, false, 0, 0);

    /** The progress after one more committed batch. */
    public FileProgress plus(long newLines, boolean nowComplete, long newStories, long newDeadLetters) {
        return new FileProgress(lines + newLines, nowComplete, stories + newStories, deadLetters + newDeadLetters);
    }

    public String encode() {
        ObjectNode node = JSON.createObjectNode().put("complete", complete).put("lines", lines)
                .put("stories", stories).put("deadLetters", deadLetters);
        return node.toString();
    }

    /** The progress a record value holds; an unreadable value counts as no progress (the input is read again). */
    public static FileProgress decode(String value) {
        if (value == null) {
            return NONE;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return new FileProgress(node.path("lines").asLong(), node.path("complete").asBoolean(),
                    node.path("stories").asLong(), node.path("deadLetters").asLong());
        } catch (JsonProcessingException e) {
            return NONE;
        }
    }
}
