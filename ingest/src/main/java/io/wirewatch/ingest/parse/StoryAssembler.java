package io.wirewatch.ingest.parse;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.Provenance;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Turns a draft into a {@link RawStory}: texts cleaned, the first body paragraph marked LEAD, the language detected
 * when the source gives none, the stable id and the content hash computed, provenance filled. Pure.
 */
final class StoryAssembler {

    /** Attribute that records how many malformed byte sequences decoding replaced. */
    static final String REPLACED_ATTRIBUTE = "ingest.replacedCharacters";

    private StoryAssembler() {
    }

    /**
     * @param replaced malformed byte sequences decoding replaced in the story's input (recorded as an attribute)
     * @throws ParseException NO_BODY when the story has neither headline nor paragraph text
     */
    static RawStory assemble(StoryDraft draft, SourceMeta meta, int replaced) throws ParseException {
        if (replaced > 0) {
            draft.attributes.put(REPLACED_ATTRIBUTE, String.valueOf(replaced));
        }
        String headline = Texts.clean(draft.headline);
        List<Paragraph> paragraphs = withLead(draft.paragraphs);
        if (headline == null && paragraphs.isEmpty()) {
            throw new ParseException(ParseException.Reason.NO_BODY, meta.location(), draft.line,
                    "the story has neither a headline nor any body text; check that the body is in a field the "
                            + draft.format + " reader knows (see ingest/README.md)");
        }
        List<String> texts = paragraphs.stream().map(Paragraph::getText).toList();
        String language = Texts.clean(draft.language);
        if (language == null) {
            language = LanguageGuesser.detect(texts.isEmpty() ? List.of(headline) : texts);
        } else {
            language = language.replace('_', '-').toLowerCase(Locale.ROOT);
        }
        List<Subject> subjects = new ArrayList<>();
        for (Subject s : draft.subjects) {
            String name = Texts.clean(s.getName());
            String code = Texts.clean(s.getCode());
            if (name != null || code != null) {
                subjects.add(new Subject(name, code, Texts.clean(s.getScheme())));
            }
        }
        String location = draft.line == null ? meta.location() : meta.location() + ":" + draft.line;
        return RawStory.newBuilder()
                .setId(StoryIds.id(draft.sourceId, meta.source(), headline, texts))
                .setSource(meta.source())
                .setUri(Texts.clean(draft.uri))
                .setFormat(draft.format)
                .setVersion(Texts.clean(draft.version))
                .setHeadline(headline)
                .setByline(Texts.clean(draft.byline))
                .setDateline(Texts.clean(draft.dateline))
                .setLanguage(language)
                .setPublishedAt(draft.publishedAt)
                .setReceivedAt(meta.receivedAt())
                .setParagraphs(paragraphs)
                .setUrgency(draft.urgency)
                .setPubStatus(draft.pubStatus)
                .setSubjects(subjects)
                .setAttributes(new LinkedHashMap<>(draft.attributes))
                .setContentHash(StoryIds.contentHash(headline, texts))
                .setProvenance(new Provenance(location, meta.instance(), meta.version()))
                .build();
    }

    /** Cleaned paragraphs, empty ones dropped, the first BODY paragraph (if no LEAD is given) marked LEAD. */
    private static List<Paragraph> withLead(List<Paragraph> paragraphs) {
        List<Paragraph> cleaned = new ArrayList<>();
        boolean hasLead = false;
        for (Paragraph p : paragraphs) {
            String text = Texts.clean(p.getText());
            if (text != null) {
                cleaned.add(new Paragraph(p.getRole(), text));
                hasLead |= p.getRole() == ParagraphRole.LEAD;
            }
        }
        if (!hasLead) {
            for (int i = 0; i < cleaned.size(); i++) {
                if (cleaned.get(i).getRole() == ParagraphRole.BODY) {
                    cleaned.set(i, new Paragraph(ParagraphRole.LEAD, cleaned.get(i).getText()));
                    break;
                }
            }
        }
        return cleaned;
    }
}
