package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void blocksBecomeParagraphsAndScriptsDisappear() {
        String html = "<div><p>First <b>bold</b> point.</p><script>alert('x')</script>"
                + "<p>Second&nbsp;point.<br><br>Third point.</p><h3>Heading</h3><ul><li>Item one</li></ul></div>";

        assertThat(HtmlText.paragraphs(html)).containsExactly(
                new Paragraph(ParagraphRole.BODY, "First bold point."),
                new Paragraph(ParagraphRole.BODY, "Second point."),
                new Paragraph(ParagraphRole.BODY, "Third point."),
                new Paragraph(ParagraphRole.SUBHEAD, "Heading"),
                new Paragraph(ParagraphRole.BODY, "Item one"));
    }

    @Test
    void creditLinesAndFigcaptionsAreCaptions() {
        assertThat(HtmlText.paragraphs("<p>A ship. (credit: Photo Desk)</p><figcaption>A port</figcaption>"))
                .extracting(Paragraph::getRole).containsExactly(ParagraphRole.CAPTION, ParagraphRole.CAPTION);
    }

    @Test
    void deeplyNestedMarkupKeepsItsTextWithoutRecursingForever() {
        String html = "<div>".repeat(20_000) + "deep text" + "</div>".repeat(20_000);

        assertThat(HtmlText.paragraphs(html)).extracting(Paragraph::getText).containsExactly("deep text");
    }
}
