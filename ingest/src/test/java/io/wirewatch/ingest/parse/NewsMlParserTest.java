package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewsMlParserTest {

    private final NewsMlParser parser = new NewsMlParser();

    @Test
    void nitfNewsItemGivesGuidMetadataAndParagraphsWithSubheadAndCaption() throws Exception {
        RawStory story = WireTextParserTest.single(parser.parse(Fixtures.sample("newsml-nitf.xml"),
                Fixtures.meta("newsml-nitf.xml")));

        assertThat(story.getId()).isEqualTo("urn:wirewatch:sample:japan-australia-exercise-2024-05-10");
        assertThat(story.getFormat()).isEqualTo(StoryFormat.NEWSML);
        assertThat(story.getVersion()).isEqualTo("3");
        assertThat(story.getHeadline()).isEqualTo("Japan and Australia hold their largest air exercise yet");
        assertThat(story.getByline()).isEqualTo("Kenji Mori");
        assertThat(story.getDateline()).isEqualTo("DARWIN, May 10");
        assertThat(story.getLanguage()).isEqualTo("en");
        assertThat(story.getUrgency()).isEqualTo(5);
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2024-05-10T06:30:00Z"));
        assertThat(story.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getCode()).isEqualTo("medtop:20000053");
            assertThat(s.getName()).isEqualTo("defence");
        });
        assertThat(story.getParagraphs()).extracting(Paragraph::getRole).containsExactly(ParagraphRole.LEAD,
                ParagraphRole.BODY, ParagraphRole.SUBHEAD, ParagraphRole.BODY, ParagraphRole.CAPTION);
        assertThat(story.getAttributes()).containsEntry("slugline", "JAPAN-AUSTRALIA/EXERCISE");
    }

    @Test
    void xhtmlBodyIsReadWithoutTheHeadTitle() throws Exception {
        RawStory story = WireTextParserTest.single(parser.parse(Fixtures.sample("newsml-xhtml.xml"),
                Fixtures.meta("newsml-xhtml.xml")));

        assertThat(story.getParagraphs()).extracting(Paragraph::getText).containsExactly(
                "The Greek navy took delivery of its first frigate built in France on Tuesday, at a ceremony in "
                        + "Lorient.",
                "Two more ships of the class will be built with a growing share of Greek suppliers.");
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2024-06-18T11:00:00Z"));
    }

    @Test
    void newsMessageGivesOneStoryPerItemAndAFailurePerBadItem() throws Exception {
        String xml = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>"
                + "<newsItem guid=\"g1\"><contentMeta><headline>One</headline></contentMeta></newsItem>"
                + "<newsItem guid=\"g2\"><contentMeta><urgency>soon</urgency><headline>Two</headline></contentMeta>"
                + "</newsItem>"
                + "<newsItem guid=\"g3\"><contentMeta><headline>Three</headline></contentMeta></newsItem>"
                + "</itemSet></newsMessage>";

        Parsed parsed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), Fixtures.meta("message.xml"));

        assertThat(parsed.stories()).extracting(RawStory::getId).containsExactly("g1", "g3");
        assertThat(parsed.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(ParseException.Reason.INVALID_FIELD);
            assertThat(f.location()).isEqualTo("message.xml#1");
        });
    }

    @Test
    void xmlThatIsNoNewsItemIsNotAStory() {
        byte[] input = "<?xml version=\"1.0\"?><invoice><total>3</total></invoice>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(input, Fixtures.meta("invoice.xml")))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ParseException.Reason.NOT_A_STORY);
                    assertThat(e.getMessage()).contains("<invoice>");
                });
    }

    @Test
    void truncatedXmlIsMalformedWithItsLine() {
        String whole = new String(Fixtures.sample("newsml-nitf.xml"), StandardCharsets.UTF_8);
        byte[] truncated = whole.substring(0, whole.length() / 2).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(truncated, Fixtures.meta("cut.xml")))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ParseException.Reason.MALFORMED_XML);
                    assertThat(e.line()).isPositive();
                });
    }

    @Test
    void utf16DocumentWithBomIsRead() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\""
                + " guid=\"u16\"><contentMeta><headline>S\u00e3o Paulo signs a deal</headline></contentMeta>"
                + "</newsItem>";

        RawStory story = WireTextParserTest.single(parser.parse(xml.getBytes(StandardCharsets.UTF_16),
                Fixtures.meta("u16.xml")));

        assertThat(story.getHeadline()).isEqualTo("S\u00e3o Paulo signs a deal");
    }
}
