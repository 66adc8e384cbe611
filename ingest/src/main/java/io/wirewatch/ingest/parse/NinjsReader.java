package io.wirewatch.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.avro.StoryFormat;
import io.wirewatch.avro.Subject;
import java.util.Locale;

/**
 * Reads one ninjs object into a draft. Understands the 1.x/2.x spellings ({@code headline}, {@code body_html},
 * {@code body_text}, {@code byline}, {@code subject}) and the 3.x ones ({@code headlines[]}, {@code bodies[]},
 * {@code by}, {@code subjects[]}), and, for JSON Lines of ninjs-like objects, the common archive spellings
 * {@code id}/{@code guid}, {@code title}, {@code text}/{@code body}, {@code published}/{@code date} and
 * {@code url}/{@code link}.
 */
final class NinjsReader {

    /** Where the publish time is looked for, in order. */
    private static final String[] PUBLISHED_FIELDS = {"firstcreated", "versioncreated", "contentcreated",
        "published", "date"};

    private NinjsReader() {
    }

    static StoryDraft read(JsonNode obj, StoryFormat format, String location, Long line) throws ParseException {
        if (!obj.isObject()) {
            throw new ParseException(ParseException.Reason.MALFORMED_JSON, location, line,
                    "expected a JSON object (one story), found " + kind(obj) + "; send one ninjs object per story");
        }
        Fields f = new Fields(obj, location, line);
        StoryDraft draft = new StoryDraft(format);
        draft.line = line;
        draft.sourceId = first(f.text("uri"), f.text("id"), f.text("guid"));
        String link = first(f.text("url"), f.text("link"));
        String sourceField = f.text("source");
        if (link == null && sourceField != null && sourceField.matches("(?i)https?://\\S+")) {
            link = sourceField;
        }
        draft.uri = first(f.text("uri"), link);
        draft.version = f.text("version");
        draft.headline = first(f.text("headline"), fromList(f, "headlines", "main"), f.text("title"));
        draft.byline = first(f.text("byline"), f.text("by"));
        draft.dateline = f.text("located");
        draft.language = f.text("language");
        for (String name : PUBLISHED_FIELDS) {
            String published = f.text(name);
            if (published != null) {
                draft.publishedAt = Dates.parse(published, name, location, line);
                break;
            }
        }
        draft.urgency = f.integer("urgency");
        draft.pubStatus = PubStatuses.parse(f.text("pubstatus"), "pubstatus", location, line);
        String html = first(f.raw("body_html"), bodyOf(f, "text/html"));
        if (html != null) {
            draft.addAll(HtmlText.paragraphs(html));
        } else {
            draft.addAll(BodyText.paragraphs(first(f.raw("body_text"), bodyOf(f, null), f.raw("text"),
                    f.raw("body"))));
        }
        subjects(obj.get("subject"), draft);
        subjects(obj.get("subjects"), draft);
        JsonNode keywords = obj.get("keywords");
        if (keywords != null && keywords.isArray()) {
            keywords.forEach(k -> {
                if (k.isTextual()) {
                    draft.subjects.add(new Subject(k.asText(), null, "keyword"));
                }
            });
        }
        for (String name : new String[] {"copyrightnotice", "usageterms", "ednote", "slugline", "type", "profile",
            "description_text"}) {
            draft.attribute(name, f.text(name));
        }
        String description = fromList(f, "descriptions", "summary");
        if (description != null) {
            draft.attribute("description", HtmlText.text(description));
        }
        return draft;
    }

    /** ninjs 3.x {@code headlines[]} or {@code descriptions[]}: the value of the given role, else the first. */
    private static String fromList(Fields f, String field, String role) {
        JsonNode list = f.obj.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            return null;
        }
        for (JsonNode item : list) {
            if (role.equals(item.path("role").asText())) {
                return item.path("value").asText(null);
            }
        }
        return list.get(0).path("value").asText(null);
    }

    /** ninjs 3.x {@code bodies[]}: the value of the given content type (null: any non-HTML), main role first. */
    private static String bodyOf(Fields f, String contentType) {
        JsonNode bodies = f.obj.get("bodies");
        if (bodies == null || !bodies.isArray()) {
            return null;
        }
        String found = null;
        for (JsonNode body : bodies) {
            String type = body.path("contenttype").asText("text/plain").toLowerCase(Locale.ROOT);
            boolean matches = contentType == null ? !type.contains("html") : type.contains("html");
            if (matches && body.path("value").isTextual()) {
                if ("main".equals(body.path("role").asText())) {
                    return body.path("value").asText();
                }
                if (found == null) {
                    found = body.path("value").asText();
                }
            }
        }
        return found;
    }

    private static void subjects(JsonNode list, StoryDraft draft) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (JsonNode s : list) {
            if (s.isTextual()) {
                draft.subjects.add(new Subject(s.asText(), null, null));
            } else if (s.isObject()) {
                String code = s.hasNonNull("code") ? s.get("code").asText() : s.path("uri").asText(null);
                draft.subjects.add(new Subject(s.path("name").asText(null), code, s.path("scheme").asText(null)));
            }
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static String kind(JsonNode node) {
        return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : node.getNodeType().toString();
    }

    /** Typed access to an object's fields, with errors naming the field. */
    private static final class Fields {
        final JsonNode obj;
        final String location;
        final Long line;

        Fields(JsonNode obj, String location, Long line) {
            this.obj = obj;
            this.location = location;
            this.line = line;
        }

        /** A string or number field as cleaned text; null when absent, null or blank. */
        String text(String name) throws ParseException {
            return Texts.clean(raw(name));
        }

        /** A string or number field as given (line breaks kept); null when absent or null. */
        String raw(String name) throws ParseException {
            JsonNode node = obj.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isTextual() || node.isNumber() || node.isBoolean()) {
                return node.asText();
            }
            throw new ParseException(ParseException.Reason.INVALID_FIELD, location, line,
                    "field '" + name + "' should be a string, found " + kind(node));
        }

        Integer integer(String name) throws ParseException {
            JsonNode node = obj.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.isTextual() && node.asText().trim().matches("-?\\d{1,9}")) {
                return Integer.parseInt(node.asText().trim());
            }
            throw new ParseException(ParseException.Reason.INVALID_FIELD, location, line,
                    "field '" + name + "' should be a whole number, found " + kind(node) + " '"
                            + Dates.abbreviate(node.toString()) + "'");
        }
    }
}
