package io.wirewatch.ingest.parse;

import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.StoryFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain wire text, one story per input:
 * <ul>
 *   <li>optional header lines {@code Key: value} at the very top (keys: headline, source-id or id, uri, byline,
 *       dateline, language, published), ended by a blank line: the project's own samples use them;</li>
 *   <li>an optional {@code date YYYY-MM-DD} marker opening the text (leading spaces allowed), possibly followed on
 *       the same line by the first sentence;</li>
 *   <li>paragraphs separated by blank lines; the lines of one paragraph are joined with a space;</li>
 *   <li>a paragraph ending in {@code (credit: ...)} is a photo CAPTION;</li>
 *   <li>a short single line between paragraphs, with no sentence punctuation at its end (like "Japan and Vietnam"),
 *       is a SUBHEAD.</li>
 * </ul>
 * Plain wire text has no headline unless a header gives one.
 */
public final class WireTextParser implements StoryParser {

    private static final Pattern HEADER = Pattern.compile(
            "^(headline|id|source-id|uri|byline|dateline|language|published)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_MARKER = Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})(?:\\s+(.*))?$",
            Pattern.DOTALL);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Set<Character> SENTENCE_END = Set.of('.', '!', '?', ':', ';', ',', '"', '\u201D', '\'',
            '\u2019', ')', '\u2026');
    static final int SUBHEAD_MAX_CHARS = 80;
    static final int SUBHEAD_MAX_WORDS = 10;

    @Override
    public Parsed parse(byte[] input, SourceMeta meta) throws ParseException {
        TextDecoder.Decoded decoded = TextDecoder.decode(input, meta.contentType(), meta.location());
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            throw new ParseException(ParseException.Reason.EMPTY, meta.location(), null,
                    "the text holds no story (only whitespace); send a non-empty story");
        }
        StoryDraft draft = new StoryDraft(StoryFormat.TEXT);
        String body = readHeaders(text, draft, meta);
        List<String> blocks = new ArrayList<>();
        for (String block : BLANK_LINES.split(body.strip())) {
            if (!block.isBlank()) {
                blocks.add(block);
            }
        }
        if (!blocks.isEmpty()) {
            Matcher date = DATE_MARKER.matcher(blocks.get(0));
            if (date.matches()) {
                draft.publishedAt = Dates.parse(date.group(1), "date", meta.location(), null);
                String rest = date.group(2);
                if (rest == null || rest.isBlank()) {
                    blocks.remove(0);
                } else {
                    blocks.set(0, rest);
                }
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i);
            draft.add(role(block, i, blocks.size()), block.replace('\n', ' '));
        }
        List<String> warnings = new ArrayList<>();
        decoded.warnTo(warnings, meta.location());
        return Parsed.of(List.of(StoryAssembler.assemble(draft, meta, decoded.replaced())), warnings);
    }

    /** Reads leading {@code Key: value} lines into the draft; returns the rest of the text. */
    private static String readHeaders(String text, StoryDraft draft, SourceMeta meta) throws ParseException {
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher m = HEADER.matcher(lines[i].strip());
            if (!m.matches()) {
                break;
            }
            String value = m.group(2).strip();
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "headline": draft.headline = value; break;
                case "id": case "source-id": draft.sourceId = value; break;
                case "uri": draft.uri = value; break;
                case "byline": draft.byline = value; break;
                case "dateline": draft.dateline = value; break;
                case "language": draft.language = value; break;
                default: draft.publishedAt = Dates.parse(value, "published", meta.location(), (long) i + 1);
            }
            i++;
        }
        if (i == 0) {
            return text;
        }
        if (i < lines.length && !lines[i].isBlank()) {
            // header-like first lines not ended by a blank line are body text after all
            draft.headline = null;
            draft.sourceId = null;
            draft.uri = null;
            draft.byline = null;
            draft.dateline = null;
            draft.language = null;
            draft.publishedAt = null;
            return text;
        }
        return String.join("\n", Arrays.copyOfRange(lines, i, lines.length));
    }

    private static ParagraphRole role(String block, int index, int count) {
        String flat = block.strip();
        if (Texts.isCaption(flat)) {
            return ParagraphRole.CAPTION;
        }
        if (index > 0 && index < count - 1 && isHeading(flat)) {
            return ParagraphRole.SUBHEAD;
        }
        return ParagraphRole.BODY;
    }

    private static boolean isHeading(String block) {
        if (block.indexOf('\n') >= 0 || block.length() > SUBHEAD_MAX_CHARS
                || block.split("\\s+").length > SUBHEAD_MAX_WORDS) {
            return false;
        }
        char first = block.charAt(0);
        char last = block.charAt(block.length() - 1);
        return (Character.isUpperCase(first) || Character.isDigit(first)) && !SENTENCE_END.contains(last);
    }
}
