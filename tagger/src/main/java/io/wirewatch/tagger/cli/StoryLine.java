package io.wirewatch.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * One input line of the offline commands: {@code {"id", "text", "title"?, "published"?}} plus, for eval, the gold
 * labels {@code defense_cooperation}, {@code topics} and {@code countries}. Other fields are ignored.
 */
public record StoryLine(int line, String id, String title, String text, Boolean goldCooperation,
                        List<String> goldTopics, List<String> goldCountries) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses line number {@code line} of {@code file}; throws IllegalArgumentException naming both and the fix. */
    public static StoryLine parse(String file, int line, String json) {
        final JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(file + ":" + line + ": not valid JSON (" + e.getMessage()
                    .split("\n")[0] + "); each line must be one JSON object", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(file + ":" + line + ": each line must be one JSON object with "
                    + "\"id\" and \"text\"");
        }
        final JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new IllegalArgumentException(file + ":" + line + ": \"text\" is missing or not a string; give "
                    + "the story body as \"text\"");
        }
        final JsonNode id = node.get("id");
        return new StoryLine(line, id == null || id.isNull() ? "line-" + line : id.asText(),
                textOrNull(node.get("title")), text.asText(),
                node.hasNonNull("defense_cooperation") ? node.get("defense_cooperation").asBoolean() : null,
                strings(node.get("topics")), strings(node.get("countries")));
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode n) {
        if (n == null || !n.isArray()) {
            return null;
        }
        final List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** Whether the line carries gold labels. */
    public boolean labeled() {
        return goldCooperation != null && goldTopics != null && goldCountries != null;
    }
}
