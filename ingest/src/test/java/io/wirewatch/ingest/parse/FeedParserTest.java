package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void rssItemsBecomeStoriesWithGuidIdsAndStrippedHtml() throws Exception {
        Parsed parsed = parser.parse(Fixtures.sample("rss2-feed.xml"), Fixtures.meta("https://wire.example/rss"));

        assertThat(parsed.failures()).isEmpty();
        assertThat(parsed.stories()).hasSize(2);
        RawStory first = parsed.stories().get(0);
        assertThat(first.getId()).isEqualTo("urn:wirewatch:sample:india-france-engine-2024-07-01");
        assertThat(first.getUri()).isEqualTo("https://wire.example/stories/india-france-engine");
        assertThat(first.getFormat()).isEqualTo(StoryFormat.RSS);
        assertThat(first.getLanguage()).isEqualTo("en");
        assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2024-07-01T10:00:00Z"));
        assertThat(first.getParagraphs()).extracting(Paragraph::getText).containsExactly(
                "India and France will jointly develop an engine for India's next combat aircraft, officials said "
                        + "on Monday.",
                "French engineers will transfer core technology under the agreement.");
        assertThat(first.getSubjects()).extracting(s -> s.getName()).containsExactly("defence");
        assertThat(parsed.stories().get(1).getId()).isEqualTo("https://wire.example/stories/indonesia-turkey-drones");
    }

    @Test
    void atomEntriesUseTheirIdAndHtmlContent() throws Exception {
        RawStory story = WireTextParserTest.single(parser.parse(Fixtures.sample("atom-feed.xml"),
                Fixtures.meta("https://wire.example/atom")));

        assertThat(story.getId()).isEqualTo("urn:wirewatch:sample:estonia-finland-surveillance-2024-08-12");
        assertThat(story.getFormat()).isEqualTo(StoryFormat.ATOM);
        assertThat(story.getByline()).isEqualTo("Liisa Tamm");
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2024-08-12T08:15:00Z"));
        assertThat(story.getParagraphs()).hasSize(2);
    }

    @Test
    void anItemWithoutGuidGetsAStableHashIdNotItsLink() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
                + "<description>d</description><item><title>No guid here</title>"
                + "<link>https://x.example/a</link><description>Body text of the item.</description></item>"
                + "</channel></rss>";
        byte[] input = rss.getBytes(StandardCharsets.UTF_8);

        RawStory once = WireTextParserTest.single(parser.parse(input, Fixtures.meta("https://x.example/rss")));
        RawStory again = WireTextParserTest.single(parser.parse(input, Fixtures.meta("https://x.example/rss")));

        assertThat(once.getId()).startsWith("sha256:").isEqualTo(again.getId());
        assertThat(once.getUri()).isEqualTo("https://x.example/a");
    }

    @Test
    void anEmptyItemIsAFailureOfItsOwnAndTheOthersGoThrough() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
                + "<description>d</description><item><guid>empty</guid></item>"
                + "<item><guid>full</guid><title>Has a title</title></item></channel></rss>";

        Parsed parsed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), Fixtures.meta("https://x.example/rss"));

        assertThat(parsed.stories()).extracting(RawStory::getId).containsExactly("full");
        assertThat(parsed.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(ParseException.Reason.NO_BODY);
            assertThat(f.location()).isEqualTo("https://x.example/rss#item1");
        });
    }

    @Test
    void xmlThatIsNoFeedIsRefused() {
        byte[] input = "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(input, Fixtures.meta("page.xml")))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(ParseException.Reason.MALFORMED_FEED));
    }
}
