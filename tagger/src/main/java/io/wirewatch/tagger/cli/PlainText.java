package io.wirewatch.tagger.cli;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.tagger.TagInput;
import java.util.ArrayList;
import java.util.List;

/**
 * A story given as one plain text (the {@code text} field of a JSON line): each non-blank line is a paragraph;
 * remembers where each paragraph starts so evidence can point into the original text.
 *
 * @param input what the tagger reads
 * @param offsets offset of each paragraph in the original text
 */
public record PlainText(TagInput input, int[] offsets) {

    public static PlainText of(String title, String text) {
        final List<Paragraph> paragraphs = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();
        final String body = text == null ? "" : text;
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(body.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(body.charAt(e - 1))) {
                e--;
            }
            if (s < e) {
                paragraphs.add(new Paragraph(paragraphs.isEmpty() ? ParagraphRole.LEAD : ParagraphRole.BODY,
                        body.substring(s, e)));
                offsets.add(s);
            }
            start = end + 1;
        }
        final String headline = title == null || title.isBlank() ? null : title.trim();
        return new PlainText(new TagInput(headline, paragraphs), offsets.stream().mapToInt(i -> i).toArray());
    }

    /** Offset in the original text of a paragraph offset; -1 for the headline. */
    public int textOffset(int paragraph, int offset) {
        return paragraph < 0 ? -1 : offsets[paragraph] + offset;
    }
}
