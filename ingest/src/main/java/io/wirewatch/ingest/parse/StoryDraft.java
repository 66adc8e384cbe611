package io.wirewatch.ingest.parse;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.PubStatus;
import io.wirewatch.avro.StoryFormat;
import io.wirewatch.avro.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story as a parser reads it, before {@link StoryAssembler} cleans it and gives it an id. Mutable, confined to one
 * parse call.
 */
final class StoryDraft {

    final StoryFormat format;
    String sourceId;
    String uri;
    String version;
    String headline;
    String byline;
    String dateline;
    String language;
    Instant publishedAt;
    Integer urgency;
    PubStatus pubStatus = PubStatus.USABLE;
    /** 1-based line of the story in its input (JSON Lines), or null. */
    Long line;
    final List<Paragraph> paragraphs = new ArrayList<>();
    final List<Subject> subjects = new ArrayList<>();
    final Map<String, String> attributes = new LinkedHashMap<>();

    StoryDraft(StoryFormat format) {
        this.format = format;
    }

    void add(ParagraphRole role, String text) {
        String clean = Texts.clean(text);
        if (clean != null) {
            paragraphs.add(new Paragraph(role, clean));
        }
    }

    void addAll(List<Paragraph> more) {
        more.forEach(p -> add(p.getRole(), p.getText()));
    }

    void attribute(String name, String value) {
        String clean = Texts.clean(value);
        if (clean != null) {
            attributes.put(name, clean);
        }
    }
}
