package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTextParserTest {

    private final WireTextParser parser = new WireTextParser();

    @Test
    void sharedSampleReadsAsAHeadlessStoryOfJuneSecondWithCaptionsAndSubheadInOrder() throws Exception {
        byte[] input = Fixtures.read(Fixtures.shared("samples/israel-india-2022-06-02.txt"));

        RawStory story = single(parser.parse(input, Fixtures.meta("israel-india-2022-06-02.txt")));

        assertThat(story.getHeadline()).isNull();
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2022-06-02T00:00:00Z"));
        assertThat(story.getFormat()).isEqualTo(StoryFormat.TEXT);
        assertThat(story.getLanguage()).isEqualTo("en");
        List<Paragraph> paragraphs = story.getParagraphs();
        assertThat(paragraphs.get(0).getText()).startsWith("Defense Minister Benny Gantz met");
        assertThat(paragraphs.get(0).getRole()).isEqualTo(ParagraphRole.LEAD);
        assertThat(paragraphs).filteredOn(p -> p.getRole() == ParagraphRole.CAPTION).hasSize(2)
                .allSatisfy(p -> assertThat(p.getText()).containsIgnoringCase("(credit:"));
        assertThat(paragraphs).filteredOn(p -> p.getRole() == ParagraphRole.SUBHEAD)
                .extracting(Paragraph::getText).containsExactly("Japan and Vietnam");
        assertThat(paragraphs).hasSize(14);
        int subhead = indexOf(paragraphs, "Japan and Vietnam");
        assertThat(paragraphs.get(subhead + 1).getText()).startsWith("On the same day");
        assertThat(paragraphs.get(paragraphs.size() - 1).getText()).startsWith("Eshel promoted security cooperation");
    }

    @Test
    void headerLinesGiveHeadlineIdBylineDatelineLanguageAndPublishTime() throws Exception {
        RawStory story = single(parser.parse(Fixtures.sample("wire-text-with-headers.txt"),
                Fixtures.meta("wire-text-with-headers.txt")));

        assertThat(story.getId()).isEqualTo("urn:wirewatch:sample:norway-poland-radar-2024-03-05");
        assertThat(story.getHeadline()).isEqualTo("Norway and Poland agree to build a coastal radar together");
        assertThat(story.getByline()).isEqualTo("Ingrid Dahl");
        assertThat(story.getDateline()).isEqualTo("OSLO, March 5");
        assertThat(story.getLanguage()).isEqualTo("en");
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(story.getParagraphs()).extracting(Paragraph::getRole).containsExactly(ParagraphRole.LEAD,
                ParagraphRole.BODY, ParagraphRole.CAPTION, ParagraphRole.SUBHEAD, ParagraphRole.BODY);
    }

    @Test
    void dateMarkerOnItsOwnLineIsNotAParagraph() throws Exception {
        byte[] input = " date 2021-01-05\n\nFirst paragraph of the story.\n\nSecond one.\n".getBytes(
                StandardCharsets.UTF_8);

        RawStory story = single(parser.parse(input, Fixtures.meta("a.txt")));

        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2021-01-05T00:00:00Z"));
        assertThat(story.getParagraphs()).extracting(Paragraph::getText)
                .containsExactly("First paragraph of the story.", "Second one.");
    }

    @Test
    void plainSampleHasTwoCaptionsAndOneSubheadAndAHashId() throws Exception {
        RawStory story = single(parser.parse(Fixtures.sample("wire-text-plain.txt"),
                Fixtures.meta("wire-text-plain.txt")));

        assertThat(story.getId()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(story.getContentHash()).startsWith("sha256:");
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2023-11-14T00:00:00Z"));
        assertThat(story.getParagraphs()).filteredOn(p -> p.getRole() == ParagraphRole.CAPTION).hasSize(2);
        assertThat(story.getParagraphs()).filteredOn(p -> p.getRole() == ParagraphRole.SUBHEAD)
                .extracting(Paragraph::getText).containsExactly("Coast guard cooperation");
        assertThat(story.getProvenance().getLocation()).isEqualTo("wire-text-plain.txt");
        assertThat(story.getProvenance().getIngestInstance()).isEqualTo("test-instance");
    }

    @Test
    void lineBreaksInsideAParagraphJoinWithASpace() throws Exception {
        byte[] input = "One sentence\nwrapped over\r\nthree lines.\n\nNext.".getBytes(StandardCharsets.UTF_8);

        RawStory story = single(parser.parse(input, Fixtures.meta("w.txt")));

        assertThat(story.getParagraphs()).extracting(Paragraph::getText)
                .containsExactly("One sentence wrapped over three lines.", "Next.");
    }

    @Test
    void invalidUtf8IsReplacedAndReported() throws Exception {
        byte[] input = "Caf\u00e9 owners met on Monday to discuss the harbour project in detail.".getBytes(
                StandardCharsets.ISO_8859_1);

        Parsed parsed = parser.parse(input, Fixtures.meta("latin1.txt"));

        RawStory story = single(parsed);
        assertThat(story.getParagraphs().get(0).getText()).startsWith("Caf\uFFFD owners");
        assertThat(story.getAttributes()).containsEntry("ingest.replacedCharacters", "1");
        assertThat(parsed.warnings()).singleElement().asString().contains("latin1.txt").contains("replaced");
    }

    @Test
    void declaredCharsetIsHonoured() throws Exception {
        byte[] input = "Caf\u00e9 owners met on Monday.".getBytes(StandardCharsets.ISO_8859_1);

        RawStory story = single(parser.parse(input, Fixtures.meta("latin1.txt", "text/plain; charset=ISO-8859-1")));

        assertThat(story.getParagraphs().get(0).getText()).isEqualTo("Caf\u00e9 owners met on Monday.");
    }

    @Test
    void whitespaceOnlyInputIsEmpty() {
        assertThatThrownBy(() -> parser.parse(" \n\n\t ".getBytes(StandardCharsets.UTF_8), Fixtures.meta("e.txt")))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ParseException.Reason.EMPTY);
                    assertThat(e.getMessage()).startsWith("e.txt: ");
                });
    }

    @Test
    void anImpossibleDateMarkerIsAnInvalidField() {
        byte[] input = " date 2022-13-45 Something happened.".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(input, Fixtures.meta("d.txt")))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ParseException.Reason.INVALID_FIELD);
                    assertThat(e.getMessage()).contains("d.txt").contains("2022-13-45").contains("ISO 8601");
                });
    }

    static RawStory single(Parsed parsed) {
        assertThat(parsed.failures()).isEmpty();
        assertThat(parsed.stories()).hasSize(1);
        return parsed.stories().get(0);
    }

    private static int indexOf(List<Paragraph> paragraphs, String text) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).getText().equals(text)) {
                return i;
            }
        }
        return -1;
    }
}
