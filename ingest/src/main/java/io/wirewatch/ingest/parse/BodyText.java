package io.wirewatch.ingest.parse;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Body fields that may hold plain text or HTML, turned into paragraphs. */
final class BodyText {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\r?\\n|\\r");

    private BodyText() {
    }

    /** HTML through {@link HtmlText}, plain text by {@link #plain}. */
    static List<Paragraph> paragraphs(String body) {
        return HtmlText.looksLikeHtml(body) ? HtmlText.paragraphs(body) : plain(body);
    }

    /** Plain text: every non-blank line one paragraph; a line ending in {@code (credit: ...)} a CAPTION. */
    static List<Paragraph> plain(String body) {
        List<Paragraph> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        for (String line : LINE_BREAKS.split(body)) {
            String clean = Texts.clean(line);
            if (clean != null) {
                out.add(new Paragraph(Texts.isCaption(clean) ? ParagraphRole.CAPTION : ParagraphRole.BODY,
                        clean));
            }
        }
        return out;
    }
}
