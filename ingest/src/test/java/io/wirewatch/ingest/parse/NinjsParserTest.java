package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.PubStatus;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import io.wirewatch.avro.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NinjsParserTest {

    private final NinjsParser parser = new NinjsParser();

    @Test
    void ninjs2StoryKeepsItsUriAsIdAndItsHtmlBodyAsParagraphs() throws Exception {
        RawStory story = WireTextParserTest.single(parser.parse(Fixtures.sample("ninjs2-story.json"),
                Fixtures.meta("ninjs2-story.json")));

        assertThat(story.getId()).isEqualTo("urn:wirewatch:sample:kenya-uk-training-2024-02-20");
        assertThat(story.getUri()).isEqualTo(story.getId());
        assertThat(story.getFormat()).isEqualTo(StoryFormat.NINJS);
        assertThat(story.getVersion()).isEqualTo("2");
        assertThat(story.getHeadline()).isEqualTo("Kenya and Britain extend joint training of counter-insurgency "
                + "units");
        assertThat(story.getByline()).isEqualTo("Amina Otieno");
        assertThat(story.getDateline()).isEqualTo("NAIROBI");
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2024-02-20T13:50:00Z"));
        assertThat(story.getUrgency()).isEqualTo(4);
        assertThat(story.getPubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(story.getSubjects()).containsExactly(new Subject("defence", "medtop:20000053",
                "http://cv.iptc.org/newscodes/mediatopic/"));
        assertThat(story.getAttributes()).containsKey("copyrightnotice");
        assertThat(story.getParagraphs()).extracting(Paragraph::getRole).containsExactly(ParagraphRole.LEAD,
                ParagraphRole.BODY, ParagraphRole.SUBHEAD, ParagraphRole.BODY, ParagraphRole.CAPTION);
        assertThat(story.getParagraphs().get(2).getText()).isEqualTo("Border security");
    }

    @Test
    void ninjs3SpellingsGiveHeadlineBylineSubjectsAndPlainBody() throws Exception {
        RawStory story = WireTextParserTest.single(parser.parse(Fixtures.sample("ninjs3-story.json"),
                Fixtures.meta("ninjs3-story.json")));

        assertThat(story.getHeadline()).isEqualTo("Poland orders more self-propelled howitzers from South Korea");
        assertThat(story.getByline()).isEqualTo("Tomasz Nowak");
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2024-04-02T06:00:00Z"));
        assertThat(story.getLanguage()).isEqualTo("en");
        assertThat(story.getParagraphs()).hasSize(3);
        assertThat(story.getParagraphs().get(1).getText()).startsWith("Part of the order");
        assertThat(story.getSubjects()).extracting(Subject::getName).containsExactly("arms trade", "howitzer",
                "procurement");
    }

    @Test
    void anArrayGivesOneStoryPerObjectAndAFailurePerBadOne() throws Exception {
        String json = "[{\"uri\":\"a\",\"headline\":\"First\",\"body_text\":\"One.\"},"
                + "{\"uri\":\"b\",\"urgency\":\"very\",\"body_text\":\"Two.\"},"
                + "{\"uri\":\"c\",\"headline\":\"Third\"}]";

        Parsed parsed = parser.parse(json.getBytes(StandardCharsets.UTF_8), Fixtures.meta("batch.json"));

        assertThat(parsed.stories()).extracting(RawStory::getId).containsExactly("a", "c");
        assertThat(parsed.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(ParseException.Reason.INVALID_FIELD);
            assertThat(f.location()).isEqualTo("batch.json#1");
            assertThat(f.getMessage()).contains("urgency").contains("very");
        });
    }

    @Test
    void brokenJsonNamesLineAndColumn() {
        byte[] input = "{\n  \"uri\": \"x\",\n  \"headline\": oops\n}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(input, Fixtures.meta("broken.json")))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ParseException.Reason.MALFORMED_JSON);
                    assertThat(e.line()).isEqualTo(3L);
                    assertThat(e.getMessage()).startsWith("broken.json:3: not valid JSON at column");
                });
    }

    @Test
    void aStoryWithoutHeadlineOrBodyIsRefused() {
        byte[] input = "{\"uri\": \"x\", \"body_html\": \"<p> </p>\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(input, Fixtures.meta("nobody.json")))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(ParseException.Reason.NO_BODY));
    }

    @Test
    void unknownPubStatusIsRefusedRatherThanPublished() {
        byte[] input = "{\"uri\": \"x\", \"headline\": \"h\", \"pubstatus\": \"cancled\"}".getBytes(
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(input, Fixtures.meta("s.json")))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.getMessage()).contains("pubstatus"));
    }

    @Test
    void trailingContentAfterTheObjectIsMalformed() {
        byte[] input = "{\"uri\": \"x\", \"headline\": \"h\"} {\"uri\": \"y\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(input, Fixtures.meta("two.json")))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(ParseException.Reason.MALFORMED_JSON));
    }
}
